using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ReformBot.Tests.Host;

public sealed class OperationsTests
{
    [Fact]
    public async Task MetricsCountTheMessagePathFromWebhookToDelivery()
    {
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform);

        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-M1", "mid.m1", "gia han giay phep xay dung"));
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-M1", "mid.m1", "gia han giay phep xay dung")); // redelivered
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-M2", "mid.m2", "giá vàng sjc hôm nay bao nhiêu"));
        await platform.WaitForAsync(s => s.Count >= 2);
        await host.WaitUntilIdleAsync(); // the delivered mark follows the platform's answer

        var metrics = await Metrics.ReadAsync(host);

        Assert.True(metrics.Sum("reformbot_events_received_total", "channel=\"facebook\"") >= 3);
        Assert.True(metrics.Sum("reformbot_events_acknowledged_total", "channel=\"facebook\"", "outcome=\"stored\"") >= 2);
        Assert.True(metrics.Sum("reformbot_events_acknowledged_total", "channel=\"facebook\"", "outcome=\"duplicate\"") >= 1);
        Assert.True(metrics.Sum("reformbot_turns_total", "outcome=\"answered\"") >= 1);
        Assert.True(metrics.Sum("reformbot_turns_total", "outcome=\"escalated\"") >= 1);
        Assert.True(metrics.Sum("reformbot_answer_duration_seconds_count") >= 2);
        Assert.True(metrics.Sum("reformbot_outbox_deliveries_total", "outcome=\"delivered\"") >= 2);
        Assert.True(metrics.Sum("http_server_request_duration_seconds_count", "http_route=\"/webhooks/facebook\"") >= 3);
        Assert.DoesNotContain("PSID-M", metrics.Text);
    }

    [Fact]
    public async Task OneCorrelationIdFollowsAMessageFromItsTurnToItsDelivery()
    {
        var logs = new LogCapture();
        await using var platform = await FakePlatform.StartAsync();
        await using (var host = await RunningHost.StartAsync(platform,
            extra: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" },
            configure: b => b.Logging.AddProvider(logs)))
        {
            await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-C1", "mid.corr", "gia han giay phep xay dung"));
            await platform.WaitForAsync(s => s.Count >= 1);
            await Task.Delay(200);
        }

        var turn = logs.Lines.Where(l => l.Contains("[Turn facebook:mid.corr]")).ToList();
        Assert.Contains(turn, l => l.Contains("message(s) → 1 reply(ies), answered"));
        Assert.Contains(turn, l => l.Contains("delivered on facebook"));
    }
}

/// <summary>The host's /metrics page (Prometheus text format), summed by metric name and label.</summary>
internal sealed record Metrics(string Text)
{
    public static async Task<Metrics> ReadAsync(RunningHost host) => new(await host.Http.GetStringAsync("/metrics"));

    public double Sum(string name, params string[] labels) => Text.Split('\n')
        .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
        .Where(line => labels.All(line.Contains))
        .Sum(line => double.Parse(line.Split(' ')[^1].Split(' ')[0], CultureInfo.InvariantCulture));
}
