using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ReformBot.Core.Storage;
using ReformBot.Tests.Host;
using Xunit.Abstractions;

namespace ReformBot.Tests.Proof;

/// <summary>A notice to 10,000 followers through a platform answering in 200 ms, while citizens keep asking.</summary>
[Trait("Speed", "Slow")]
public sealed class BroadcastTests(ITestOutputHelper output)
{
    private const int Followers = 10_000;
    private const string Procedure = "xd-gpxd-moi-nha-o-rieng-le";

    [Fact]
    public async Task QueuesANoticeTo10000FollowersInSecondsWithoutHoldingBackCitizensReplies()
    {
        var dataPath = RunningHost.NewDataPath();
        var token = RunningHost.AddStaff(dataPath, "minh", StaffRole.Admin);
        await using var platform = await FakePlatform.StartAsync();
        platform.Latency = TimeSpan.FromMilliseconds(200);
        await using var host = await RunningHost.StartAsync(platform, dataPath);
        host.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var (contacts, subscriptions) = (host.Service<ContactStore>(), host.Service<SubscriptionStore>());
        host.Service<BotDatabase>().InTransaction(() =>
        {
            for (var i = 0; i < Followers; i++)
            {
                var (channel, user) = (i % 2 == 0 ? "facebook" : "zalo", $"follower-{i}");
                contacts.Save(contacts.Get(channel, user, DateTime.UtcNow.AddHours(-1)));
                subscriptions.Add(new Subscription { Channel = channel, UserId = user, ProcedureId = Procedure, At = DateTime.UtcNow.AddHours(-1) });
            }
        });
        var created = await host.Http.PostAsJsonAsync("/api/staff/announcements",
            new { title = "Thay đổi thời hạn cấp phép", text = "Thời hạn giải quyết rút từ 15 xuống 10 ngày.", procedureIds = new[] { Procedure }, audience = "subscribers" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var clock = Stopwatch.StartNew();
        (await host.Http.PostAsync($"/api/staff/announcements/{id}/send", null)).EnsureSuccessStatusCode();
        var queued = clock.Elapsed;

        // Citizens write while the notice goes out, one every 100 ms: their replies go before it.
        var asking = Enumerable.Range(0, 20).Select(async i =>
        {
            await Task.Delay(i * 100);
            var user = $"PSID-asking-{i}";
            var asked = Stopwatch.StartNew();
            await host.PostFacebookAsync(FacebookChannelTests.TextEvent(user, $"mid.asking.{i}", "thu tuc xin phep xay nha can gi"));
            await platform.WaitForAsync(s => s.Any(m => m.UserId == user), timeoutMs: 30_000);
            return asked.Elapsed;
        }).ToList();
        var waits = (await Task.WhenAll(asking)).ToList();
        var notices = platform.Sent.Count(m => m.UserId.StartsWith("follower-"));
        await host.WaitUntilIdleAsync(TimeSpan.FromMinutes(2));
        var allSent = clock.Elapsed;

        var progress = await host.Http.GetFromJsonAsync<JsonElement>($"/api/staff/announcements/{id}");
        var sorted = waits.Order().ToList();
        output.WriteLine($"{Followers} followers: queued in {queued.TotalSeconds:0.00} s, all delivered after {allSent.TotalSeconds:0.0} s " +
                         $"({progress.GetProperty("delivered").GetInt32()} delivered, {progress.GetProperty("failed").GetInt32()} failed)");
        output.WriteLine($"20 citizens asking meanwhile ({notices} notices out when the last was answered): reply p50 {sorted[10].TotalMilliseconds:0} ms, max {sorted[^1].TotalMilliseconds:0} ms");

        Assert.True(queued < TimeSpan.FromSeconds(5), $"queued in {queued.TotalSeconds:0.0} s");
        Assert.Equal(Followers, progress.GetProperty("delivered").GetInt32());
        Assert.Equal(Followers, platform.Sent.Count(m => m.UserId.StartsWith("follower-")));
        Assert.True(notices < Followers, "the citizens were answered while the notice was still going out");
        Assert.All(waits, w => Assert.True(w < TimeSpan.FromSeconds(3), $"a reply took {w.TotalMilliseconds:0} ms"));
    }
}
