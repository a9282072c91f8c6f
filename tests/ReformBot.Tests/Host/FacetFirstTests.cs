using System.Net.Http.Json;
using System.Text.Json;

namespace ReformBot.Tests.Host;

/// <summary>A question about one part of a procedure gets that part first, right under the procedure's name, on every channel.</summary>
public sealed class FacetFirstTests : HostTest
{
    private const string FeeQuestion = "lệ phí cấp giấy phép xây dựng nhà ở bao nhiêu";

    [Fact]
    public async Task MessengerLeadsWithTheFee()
    {
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-FEE", "mid.fee", FeeQuestion));

        AssertLeadsWithFee(Assert.Single(await platform.WaitForAsync(s => s.Count >= 1)).Text);
    }

    [Fact]
    public async Task ZaloLeadsWithTheFee()
    {
        var (json, timestamp) = ZaloChannelTests.TextEvent("6142494823000000001", "z-fee-1", FeeQuestion);
        await host.PostZaloAsync(json, timestamp);

        AssertLeadsWithFee(Assert.Single(await platform.WaitForAsync(s => s.Count >= 1)).Text);
    }

    [Fact]
    public async Task WebChatLeadsWithTheFee()
    {
        await host.PostWebChatAsync("session-fee-1", FeeQuestion);

        var replies = new List<JsonElement>();
        for (var i = 0; i < 100 && replies.Count == 0; i++, await Task.Delay(50))
            replies = await host.Http.GetFromJsonAsync<List<JsonElement>>("/webchat/messages?session=session-fee-1&after=0") ?? [];
        AssertLeadsWithFee(Assert.Single(replies).GetProperty("text").GetString()!);
    }

    private static void AssertLeadsWithFee(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", lines[0]);
        Assert.StartsWith("- Phí, lệ phí: ", lines[1]);
        Assert.Single(lines, l => l.StartsWith("- Phí, lệ phí"));
        Assert.Contains(lines, l => l.StartsWith("- Nơi nộp: "));
    }
}
