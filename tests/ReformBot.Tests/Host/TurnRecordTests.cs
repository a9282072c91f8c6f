using ReformBot.Core.Storage;

namespace ReformBot.Tests.Host;

public sealed class TurnRecordTests
{
    [Fact]
    public async Task EveryTurnLeavesARecordWithItsOutcomeAndFieldInItsOwnTransaction()
    {
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform);

        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-rec-1", "mid.rec.1", "thu tuc xin phep xay nha o can gi"));
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-rec-2", "mid.rec.2", "gia vang hom nay bao nhieu"));
        await host.WaitUntilIdleAsync();

        var records = host.Service<TurnLog>().Between(DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        var answered = Assert.Single(records, r => r.Outcome == TurnOutcome.Answered);
        var escalated = Assert.Single(records, r => r.Outcome == TurnOutcome.Escalated);
        Assert.Equal("facebook", answered.Channel);
        Assert.Equal("xd-gpxd-moi-nha-o-rieng-le", answered.EntryId);
        Assert.Equal("Hoạt động xây dựng", answered.Field);
        Assert.True(answered.Confidence > 0);
        Assert.Matches(@"^HC-\d{4}-\d{6}$", escalated.TicketNumber);
        Assert.Equal(escalated.TicketNumber, host.Service<ReformBot.Core.Escalation.Tickets>().List().Single().Number);
    }
}
