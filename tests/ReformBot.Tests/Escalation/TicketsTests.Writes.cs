using ReformBot.Core.Answering;
using ReformBot.Core.Escalation;

namespace ReformBot.Tests.Escalation;

/// <summary>Every change to a ticket goes through one write path: concurrent changes all land, invalid ones are refused.</summary>
public sealed partial class TicketsTests
{
    /// <summary>As a turn does: the citizen's side of a ticket inside the turn's transaction.</summary>
    private Ticket FollowUp(string user, string question) =>
        db.InTransaction(() => tickets.Escalate(hours, "zalo", user, question, Array.Empty<Candidate>()).Ticket);

    [Fact]
    public void FollowUpsNotificationsAndClaimsRacingOnOneTicketAllLand()
    {
        var number = FollowUp("user-1", "câu 0").Number;

        Parallel.Invoke(
            () => { for (var i = 1; i <= 60; i++) FollowUp("user-1", $"câu {i}"); },
            () => { for (var i = 0; i < 60; i++) tickets.Notified(number, overdue: i % 2 == 1); },
            () => { for (var i = 0; i < 30; i++) { tickets.Claim(number, "lan"); tickets.Release(number, "lan"); } });

        var ticket = tickets.Find(number)!;
        Assert.Equal(Enumerable.Range(0, 61).Select(i => $"câu {i}"), ticket.Messages.Select(m => m.Text));
        Assert.True(ticket.NotifiedNew && ticket.NotifiedOverdue);
        Assert.Equal(30, ticket.Actions.Count(a => a.Kind == TicketEvent.Claimed));
        Assert.Equal(30, ticket.Actions.Count(a => a.Kind == TicketEvent.Released));
        Assert.Equal(60 + 60 + 60, ticket.Version); // one version per change that landed
    }

    [Fact]
    public void OfTwoClaimsAtOnceExactlyOneWins()
    {
        for (var round = 0; round < 20; round++)
        {
            var number = FollowUp($"user-claim-{round}", "câu hỏi").Number;
            using var start = new Barrier(2);
            var results = new Tickets.Change[2];
            Parallel.For(0, 2, i =>
            {
                start.SignalAndWait();
                results[i] = tickets.Claim(number, i == 0 ? "lan" : "minh");
            });

            var winner = Assert.Single(results.OfType<Tickets.Change.Done>());
            Assert.Contains("đang do", Assert.Single(results.OfType<Tickets.Change.Refused>()).Reason);
            Assert.Equal(winner.Ticket.Assignee, tickets.Find(number)!.Assignee);
            Assert.Single(tickets.Find(number)!.Actions, a => a.Kind == TicketEvent.Claimed);
        }
    }

    [Fact]
    public void AClaimRacingACloseNeverReopensTheTicket()
    {
        for (var round = 0; round < 20; round++)
        {
            var number = FollowUp($"user-close-{round}", "câu hỏi").Number;
            using var start = new Barrier(2);
            Tickets.Change claim = null!, close = null!;
            Parallel.Invoke(
                () => { start.SignalAndWait(); claim = tickets.Claim(number, "lan"); },
                () => { start.SignalAndWait(); close = tickets.Close(number, "minh"); });

            var ticket = tickets.Find(number)!;
            Assert.IsType<Tickets.Change.Done>(close);
            Assert.Equal(TicketStatus.Closed, ticket.Status);
            Assert.NotNull(ticket.ClosedAt);
            // The claim either came first (and was then closed) or was refused on a closed ticket.
            var claimed = ticket.Actions.Any(a => a.Kind == TicketEvent.Claimed);
            Assert.Equal(claimed, claim is Tickets.Change.Done);
            if (claimed) Assert.True(ticket.Actions.FindIndex(a => a.Kind == TicketEvent.Claimed) < ticket.Actions.FindIndex(a => a.Kind == TicketEvent.Closed));
        }
    }

    [Fact]
    public void RefusesTransitionsThatDoNotApply()
    {
        var number = FollowUp("user-2", "câu hỏi").Number;

        Assert.IsType<Tickets.Change.Refused>(tickets.Release(number, "lan"));
        Assert.IsType<Tickets.Change.Refused>(tickets.Reopen(number, "lan"));
        Assert.IsType<Tickets.Change.Done>(tickets.Close(number, "lan"));
        Assert.IsType<Tickets.Change.Refused>(tickets.Close(number, "lan"));
        Assert.IsType<Tickets.Change.Refused>(tickets.Claim(number, "lan"));
        Assert.IsType<Tickets.ReplyResult.Refused>(tickets.Reply(number, "lan", "Trả lời.", facebookHumanAgent: false));
        Assert.IsType<Tickets.Change.NotFound>(tickets.Claim("HC-2026-999999", "lan"));

        Assert.IsType<Tickets.Change.Done>(tickets.Reopen(number, "lan"));
        Assert.IsType<Tickets.Change.Done>(tickets.Claim(number, "lan"));
        Assert.Equal("Phiếu đang do lan xử lý.", Assert.IsType<Tickets.Change.Refused>(tickets.Claim(number, "minh")).Reason);
        Assert.Equal([TicketEvent.Opened, TicketEvent.Closed, TicketEvent.ReopenedByStaff, TicketEvent.Claimed], tickets.Find(number)!.Actions.Select(a => a.Kind));
    }

    [Fact]
    public void KeepsTheTimesReportsNeed()
    {
        var number = FollowUp("user-3", "câu hỏi").Number;
        clock.Advance(TimeSpan.FromMinutes(30));
        var firstReply = clock.GetUtcNow().UtcDateTime;
        Assert.IsType<Tickets.ReplyResult.Queued>(tickets.Reply(number, "lan", "Trả lời một.", facebookHumanAgent: false));
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.IsType<Tickets.ReplyResult.Queued>(tickets.Reply(number, "lan", "Trả lời hai.", facebookHumanAgent: false));
        clock.Advance(TimeSpan.FromMinutes(5));
        tickets.Close(number, "lan");

        var ticket = tickets.Find(number)!;
        Assert.Equal(firstReply, ticket.FirstStaffReplyAt);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, ticket.ClosedAt);
    }
}
