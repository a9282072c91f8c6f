using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ReformBot.Core.Conversations;
using ReformBot.Core.Storage;
using ReformBot.Host.Staff;
using ReformBot.Tests.Host;

namespace ReformBot.Tests.Staff;

public sealed class KnowledgeReloadTests
{
    /// <summary>A host on a copy of the sample pack (returned), with an admin's API token set on its client.</summary>
    private static async Task<(RunningHost Host, string Pack)> StartOnACopyAsync(FakePlatform platform)
    {
        var dataPath = RunningHost.NewDataPath();
        var pack = Path.Combine(dataPath, "knowledge");
        SamplePack.CopyTo(pack);
        var token = RunningHost.AddStaff(dataPath, "minh", StaffRole.Admin);
        var host = await RunningHost.StartAsync(platform, dataPath, new Dictionary<string, string?>
        {
            ["ReformBot:KnowledgePath"] = pack, ["ReformBot:MessageWindowSeconds"] = "0",
        });
        host.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (host, pack);
    }

    [Fact]
    public async Task RefusesABrokenPackKeepsServingAndPicksUpAFixedOneFromTheFolder()
    {
        await using var platform = await FakePlatform.StartAsync();
        var (host, pack) = await StartOnACopyAsync(platform);
        await using var _ = host;

        var broken = Path.Combine(pack, "faq", "zz-broken.json");
        await File.WriteAllTextAsync(broken, """[{"id": "bad id", "questions": []}]""");
        var refused = await host.Http.PostAsync("/api/staff/knowledge/reload", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problems = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(problems, p => p.Contains("zz-broken.json"));
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-K1", "mid.k1", "le phi cap giay phep xay dung nha o"));
        Assert.Contains("Phí, lệ phí", (await platform.WaitForAsync(s => s.Count >= 1)).Single().Text);

        // Fixed in place: the folder watcher reloads it without anyone asking.
        await File.WriteAllTextAsync(broken, """[{"id": "bai-do-xe", "questions": ["Sở có chỗ gửi xe máy cho người dân không?"], "answer": "Có bãi gửi xe miễn phí trước trụ sở."}]""");
        var answered = false;
        for (var i = 0; i < 40 && !answered; i++)
        {
            await Task.Delay(250);
            var health = await host.Http.GetFromJsonAsync<JsonElement>("/healthz");
            answered = health.GetProperty("index").GetProperty("entries").GetInt32() == 69;
        }
        Assert.True(answered, "the watcher did not reload the fixed pack");
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-K2", "mid.k2", "so co cho gui xe may khong"));
        Assert.StartsWith("Có bãi gửi xe miễn phí trước trụ sở.", (await platform.WaitForAsync(s => s.Count >= 2)).Last().Text);
    }

    [Fact]
    public async Task RefusesOfficeHoursItCannotReadAndPromisesByTheReloadedOnes()
    {
        await using var platform = await FakePlatform.StartAsync();
        var (host, pack) = await StartOnACopyAsync(platform);
        await using var _ = host;
        var office = Path.Combine(pack, "office.json");

        await File.WriteAllTextAsync(office, """{ "name": "Sở Xây dựng", "hours": "Thứ Hai đến Thứ Sáu, 7h00–11h30, chiều tùy ngày" }""");
        var refused = await host.Http.PostAsync("/api/staff/knowledge/reload", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problems = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetString()!);
        Assert.Contains(problems, p => p.StartsWith("office.json $.hours: cannot read the working hours"));
        Assert.Equal("Thứ Hai đến Thứ Sáu, 7h00–11h30, 13h30–17h00", host.Service<LiveKnowledge>().Current.Hours.Text);

        await File.WriteAllTextAsync(office, """{ "name": "Sở Xây dựng", "hours": "Thứ Hai đến Thứ Bảy, 8h–12h" }""");
        Assert.Equal(HttpStatusCode.OK, (await host.Http.PostAsync("/api/staff/knowledge/reload", null)).StatusCode);
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-H1", "mid.h1", "gia vang hom nay bao nhieu"));

        Assert.Contains("(giờ làm việc: Thứ Hai đến Thứ Bảy, 8h00–12h00).", (await platform.WaitForAsync(s => s.Count >= 1)).Single().Text);
    }
}
