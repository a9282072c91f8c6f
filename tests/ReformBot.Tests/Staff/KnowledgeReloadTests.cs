using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ReformBot.Host.Staff;
using ReformBot.Tests.Host;

namespace ReformBot.Tests.Staff;

public sealed class KnowledgeReloadTests
{
    [Fact]
    public async Task RefusesABrokenPackKeepsServingAndPicksUpAFixedOneFromTheFolder()
    {
        var dataPath = RunningHost.NewDataPath();
        var pack = Path.Combine(dataPath, "knowledge");
        foreach (var dir in Directory.GetDirectories(SamplePack.Directory, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(dir.Replace(SamplePack.Directory, pack));
        foreach (var file in Directory.GetFiles(SamplePack.Directory, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(SamplePack.Directory, pack));
        string token;
        using (var staff = new StaffStore(dataPath, TimeProvider.System))
        {
            staff.Add("minh", StaffRole.Admin, "mat-khau-cua-minh");
            token = staff.IssueToken("minh")!;
        }
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform, dataPath, new Dictionary<string, string?>
        {
            ["ReformBot:KnowledgePath"] = pack, ["ReformBot:MessageWindowSeconds"] = "0",
        });
        host.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

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
        Assert.Equal("Có bãi gửi xe miễn phí trước trụ sở.", (await platform.WaitForAsync(s => s.Count >= 2)).Last().Text);
    }
}
