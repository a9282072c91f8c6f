using Microsoft.Extensions.Time.Testing;
using ReformBot.Core.Answering;
using ReformBot.Core.Escalation;
using ReformBot.Core.Storage;
using ReformBot.Tests.Host;

namespace ReformBot.Tests.Escalation;

public sealed partial class TicketsTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)); // Thursday 09:00 in Vietnam
    private readonly BotDatabase db = new(RunningHost.NewDataPath());
    private readonly Tickets tickets;
    private readonly OfficeHours hours;

    public TicketsTests()
    {
        var options = new EscalationOptions();
        tickets = new Tickets(new TicketStore(db), new Outbox(db, clock), options, clock);
        hours = OfficeHours.For(null, options);
    }

    public void Dispose() => db.Dispose();

    private (Ticket Ticket, bool IsNew) Escalate(string user, string question) => tickets.Escalate(hours, "zalo", user, question, Array.Empty<Candidate>());

    [Fact]
    public void NumbersTicketsPerYearAndMasksTheUser()
    {
        var (first, isNew) = Escalate("6142494823123456789", "câu hỏi một");
        var (second, _) = Escalate("another-user-0001", "câu hỏi hai");

        Assert.True(isNew);
        Assert.Equal("HC-2026-000001", first.Number);
        Assert.Equal("HC-2026-000002", second.Number);
        Assert.Equal("zalo …6789", first.UserRef);
        // 8 working hours from Thursday 09:00: 2.5 h + 3.5 h on Thursday, 2 h from 07:30 on Friday.
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddHours(24.5), first.DueAt);
    }

    [Fact]
    public void AppendsToTheCitizensOpenTicketInsteadOfOpeningAnother()
    {
        var (first, _) = Escalate("user-1", "câu một");
        var (again, isNew) = Escalate("user-1", "câu hai");

        Assert.False(isNew);
        Assert.Equal(first.Number, again.Number);
        Assert.Equal(["câu một", "câu hai"], again.Messages.Select(m => m.Text));
        Assert.Single(db.Tickets.FindAll());
    }

    [Fact]
    public void ReopensAnAnsweredTicketWhenTheCitizenAsksAgainButNotAClosedOne()
    {
        var (ticket, _) = Escalate("user-2", "câu một");
        Assert.IsType<Tickets.ReplyResult.Queued>(tickets.Reply(ticket.Number, "lan", "Trả lời.", facebookHumanAgent: false));
        Assert.Equal(TicketStatus.Answered, tickets.Find(ticket.Number)!.Status);

        clock.Advance(TimeSpan.FromHours(1));
        var (reopened, isNew) = Escalate("user-2", "câu hai");
        Assert.False(isNew);
        Assert.Equal(TicketStatus.Open, reopened.Status);
        Assert.Contains(reopened.Actions, a => a.Kind == TicketEvent.Reopened);

        tickets.Close(ticket.Number, "lan");
        var (fresh, freshIsNew) = Escalate("user-2", "câu ba");
        Assert.True(freshIsNew);
        Assert.NotEqual(ticket.Number, fresh.Number);
    }

    [Fact]
    public void RecordsEveryStaffActionWithWhoAndWhen()
    {
        var (ticket, _) = Escalate("user-3", "câu hỏi");
        tickets.Claim(ticket.Number, "lan");
        tickets.Release(ticket.Number, "lan");
        tickets.Claim(ticket.Number, "minh");
        tickets.Close(ticket.Number, "minh");

        var actions = tickets.Find(ticket.Number)!.Actions;
        Assert.Equal(["bot: mở phiếu", "lan: nhận xử lý", "lan: trả lại hàng chờ", "minh: nhận xử lý", "minh: đóng phiếu"],
            actions.Select(a => $"{a.Actor}: {a.Describe()}"));
        Assert.All(actions, a => Assert.Equal(clock.GetUtcNow().UtcDateTime, a.At));
    }

    [Fact]
    public void RefusesAZaloReplyAfterSevenDaysAndShowsWhy()
    {
        var (ticket, _) = Escalate("user-4", "câu hỏi");
        clock.Advance(TimeSpan.FromDays(8));

        var result = tickets.Reply(ticket.Number, "lan", "Trả lời muộn.", facebookHumanAgent: true);

        Assert.Contains("-230", Assert.IsType<Tickets.ReplyResult.Refused>(result).Reason);
        Assert.Contains("-230", tickets.Find(ticket.Number)!.DeliveryError);
        Assert.Equal(0, db.Outbox.Count());
    }
}
