namespace ReformBot.Tests.Host;

/// <summary>A matter the agency has nothing on is not answered with another entry: the citizen is told who handles it, and staff get a ticket.</summary>
public sealed class ReferralTests : HostTest
{
    [Fact]
    public async Task NamesTheAgencyThatHandlesAPassportAndOpensATicket()
    {
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-REF", "mid.ref", "làm hộ chiếu online ở đâu"));

        var reply = Assert.Single(await platform.WaitForAsync(s => s.Count >= 1)).Text;
        Assert.StartsWith("Tôi chưa có hướng dẫn về cấp hộ chiếu", reply);
        Assert.Contains("Việc này do Công an cấp tỉnh (Phòng Quản lý xuất nhập cảnh) giải quyết.\nCó thể nộp trực tuyến", reply);
        Assert.Matches(@"mã phiếu [A-Z]+-\d{4}-\d{6}", reply);
    }
}
