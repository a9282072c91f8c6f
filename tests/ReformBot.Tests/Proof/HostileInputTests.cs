using System.Net;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using ReformBot.Core.Escalation;
using ReformBot.Core.Storage;
using ReformBot.Host.Channels.Facebook;
using ReformBot.Host.Channels.Zalo;
using ReformBot.Tests.Host;
using Xunit.Abstractions;

namespace ReformBot.Tests.Proof;

/// <summary>
/// Property-based tests (FsCheck) of the payload parsers and the knowledge loader: arbitrary bytes, JSON-shaped noise,
/// wrong types, deep nesting, invalid UTF-8. A parser may refuse (JsonException), never fail any other way.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    private const int Cases = 2000;

    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", ":", "\"object\"", "\"page\"", "\"entry\"", "\"messaging\"", "\"sender\"", "\"id\"", "\"message\"",
        "\"mid\"", "\"text\"", "\"postback\"", "\"payload\"", "\"timestamp\"", "\"event_name\"", "\"user_send_text\"", "\"follow\"",
        "\"follower\"", "\"msg_id\"", "\"quick_reply\"", "\"attachments\"", "null", "true", "1", "-1", "1e309", "\"\\u0000\"",
        "\"xin chào\"", "\"\\ud800\"", "12345678901234567890123", "\"hours\"", "\"Thứ Hai đến Thứ Sáu, 7h30–11h30\"",
    ];

    /// <summary>Arbitrary bytes half the time, and JSON-looking token soup the other half.</summary>
    private static Arbitrary<byte[]> Payloads() => Gen.OneOf(
            ArbMap.Default.GeneratorFor<byte[]>(),
            Gen.ArrayOf(Gen.Elements(Fragments)).Select(parts => Encoding.UTF8.GetBytes(string.Concat(parts))))
        .ToArbitrary();

    private static bool RefusesOnlyWithJsonException(Action parse)
    {
        try
        {
            parse();
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return true; // the endpoints turn both into 400
        }
    }

    [Fact]
    public void TheMessengerParserRefusesNoiseCleanly()
    {
        Prop.ForAll(Payloads(), body => RefusesOnlyWithJsonException(() => FacebookWebhook.Parse(body)))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));
        output.WriteLine($"Messenger parser: {Cases} generated cases");
    }

    [Fact]
    public void TheZaloParserRefusesNoiseCleanly()
    {
        Prop.ForAll(Payloads(), body => RefusesOnlyWithJsonException(() =>
            {
                var (root, timestamp) = ZaloWebhook.Read(body);
                ZaloWebhook.Parse(root, timestamp);
            }))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));
        output.WriteLine($"Zalo parser: {Cases} generated cases");
    }

    [Fact]
    public void TheLoaderReportsProblemsInsteadOfThrowing()
    {
        var cases = 0;
        Prop.ForAll(Payloads(), Payloads(), (procedure, faq) =>
            {
                var dir = Path.Combine(Path.GetTempPath(), "reformbot-fuzz", Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(Path.Combine(dir, "procedures"));
                Directory.CreateDirectory(Path.Combine(dir, "faq"));
                File.WriteAllBytes(Path.Combine(dir, "procedures", "x.json"), procedure);
                File.WriteAllBytes(Path.Combine(dir, "faq", "y.json"), faq);
                File.WriteAllBytes(Path.Combine(dir, "synonyms.txt"), procedure);
                File.WriteAllBytes(Path.Combine(dir, "office.json"), faq);
                var result = OfficeCard.LoadPack(dir);
                Directory.Delete(dir, recursive: true);
                cases++;
                return result.Pack is not null || result.Problems.Count > 0;
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300));
        output.WriteLine($"Loader: {cases} generated packs");
    }

    [Fact]
    public async Task TheHostAnswers4xxNever500AndStoresNothingForSignedNoise()
    {
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform);
        var samples = Payloads().Generator.Sample(400).ToList();
        samples.Add(Encoding.UTF8.GetBytes(new string('[', 100_000) + new string(']', 100_000)));          // deep nesting
        samples.Add(Encoding.UTF8.GetBytes($$$"""{"object":"page","entry":[{"messaging":[{"sender":{"id":"{{{new string('x', 200_000)}}}"}}]}]}"""));
        samples.Add([0x7B, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D]);                                     // invalid UTF-8
        samples.Add(Encoding.UTF8.GetBytes("""{"object":"page","entry":[{"messaging":[{"sender":{"id":5},"message":{"mid":[],"text":{}}}]}]}"""));

        var statuses = new Dictionary<int, int>();
        foreach (var body in samples)
        {
            var facebook = await host.PostFacebookAsync(Encoding.UTF8.GetString(body), FacebookSignature.Sign(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body)), RunningHost.AppSecret));
            var zalo = await host.PostZaloAsync(Encoding.UTF8.GetString(body), "1", "mac=" + new string('0', 64));
            foreach (var status in new[] { (int)facebook.StatusCode, (int)zalo.StatusCode })
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
        }

        output.WriteLine($"{samples.Count * 2} hostile requests: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.DoesNotContain(statuses.Keys, s => s >= 500);
        Assert.Equal(0, host.Service<BotDatabase>().Inbox.Count(i => i.Channel == "zalo"));
        Assert.True((await host.Http.GetAsync("/healthz")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task AcceptsTenThousandBatchedEventsInOneRequest()
    {
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform, extra: new Dictionary<string, string?> { ["ReformBot:MaxBodyBytes"] = "8388608" });
        var events = string.Join(',', Enumerable.Range(0, 10_000).Select(i =>
            $$$"""{"sender":{"id":"batch-{{{i}}}"},"recipient":{"id":"PAGE"},"timestamp":1764200000000,"message":{"mid":"mid.batch.{{{i}}}","text":"xin chao"}}"""));
        var json = $$$"""{"object":"page","entry":[{"id":"PAGE","time":1,"messaging":[{{{events}}}]}]}""";

        var response = await host.PostFacebookAsync(json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(10_000, host.Service<BotDatabase>().Inbox.Count());
        await using var defaultLimit = await RunningHost.StartAsync(platform);
        var tooBig = await defaultLimit.PostFacebookAsync(json);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
    }
}
