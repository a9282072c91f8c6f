using Microsoft.Extensions.Time.Testing;
using ReformBot.Core.Escalation;
using ReformBot.Core.Reports;
using ReformBot.Core.Storage;
using ReformBot.Tests.Host;

namespace ReformBot.Tests.Reports;

/// <summary>
/// The fourth quarter of 2026, seeded: ten questions in three fields (one without a field), five tickets answered on time,
/// late or not yet, and ratings. Office hours are the configured ones: Monday to Friday, 7h30–11h30, 13h30–17h00.
/// </summary>
public sealed class ReportCalculatorTests : IDisposable
{
    private const string Building = "Hoạt động xây dựng", Land = "Đất đai";
    private static readonly OfficeHours Hours = OfficeHours.For(null, new EscalationOptions());
    private static readonly ReportPeriod Quarter = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31));
    private readonly BotDatabase db = new(RunningHost.NewDataPath());
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(Local(2027, 1, 2, 12), TimeSpan.Zero));
    private readonly ReportCalculator calculator;

    public ReportCalculatorTests()
    {
        calculator = new ReportCalculator(new TurnLog(db), new TicketStore(db), new RatingStore(db), new SubscriptionStore(db), new AnnouncementStore(db), clock);
        Seed();
    }

    public void Dispose() => db.Dispose();

    /// <summary>A moment given in Vietnam's local time (UTC+7), as UTC.</summary>
    internal static DateTime Local(int year, int month, int day, int hour, int minute = 0) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-7);

    private void Seed()
    {
        var turns = new TurnLog(db);
        void Turn(DateTime at, string channel, TurnOutcome outcome, string? field, string? entry = null) =>
            turns.Add(new TurnRecord { At = at, Channel = channel, Outcome = outcome, Field = field, EntryId = entry });
        var day = Local(2026, 11, 10, 9);
        Turn(day, "facebook", TurnOutcome.Answered, Building, "xd-gpxd");
        Turn(day, "facebook", TurnOutcome.Answered, Building, "xd-gpxd");
        Turn(day, "zalo", TurnOutcome.Answered, Building, "xd-gpxd");
        Turn(day, "webchat", TurnOutcome.Offered, Building, "xd-gpxd");
        Turn(day, "facebook", TurnOutcome.Escalated, Building, "xd-gpxd");
        // The first minutes of the quarter in Vietnam are still 30/9 in UTC.
        Turn(Local(2026, 10, 1, 0, 10), "facebook", TurnOutcome.Escalated, Building, "xd-gpxd");
        Turn(day, "zalo", TurnOutcome.Answered, Land, "dd-cap-so");
        Turn(Local(2026, 12, 31, 23, 50), "zalo", TurnOutcome.Escalated, Land);
        Turn(day, "webchat", TurnOutcome.Answered, null, "faq-le-phi");
        Turn(day, "facebook", TurnOutcome.Escalated, null);
        // Not questions, or not in the quarter.
        Turn(day, "facebook", TurnOutcome.Quiet, Building);
        Turn(day, "zalo", TurnOutcome.Greeted, null);
        Turn(day, "zalo", TurnOutcome.Rated, Building);
        Turn(Local(2026, 9, 30, 23, 50), "facebook", TurnOutcome.Answered, Building);
        Turn(Local(2027, 1, 1, 0, 5), "facebook", TurnOutcome.Answered, Building);

        var tickets = new TicketStore(db);
        var number = 0;
        void Ticket(string? field, DateTime opened, DateTime? firstReply, params string[] staffAnswers) => tickets.Add(new Ticket
        {
            Number = $"HC-2026-{++number:000000}", Channel = "facebook", Field = field, Question = $"câu hỏi {number}",
            CreatedAt = opened, DueAt = Hours.AddWorkingHours(opened, 8), FirstStaffReplyAt = firstReply,
            Messages = [new TicketMessage { At = opened, From = TicketAuthor.Citizen, Text = $"câu hỏi {number}" },
                .. staffAnswers.Select(a => new TicketMessage { At = firstReply!.Value, From = TicketAuthor.Staff, Staff = "lan", Text = a })],
        });
        // Friday 16:00, answered Monday 8:30: 1 working hour on Friday and 1 on Monday, across the night and the weekend. On time.
        Ticket(Building, Local(2026, 11, 27, 16), Local(2026, 11, 30, 8, 30), "Chào bạn, hồ sơ gồm…");
        // Thursday 10:00, due Friday 10:30, answered Friday 14:00: 9.5 working hours. Late.
        Ticket(Building, Local(2026, 11, 26, 10), Local(2026, 11, 27, 14), "Chào bạn,", "Bổ sung: lệ phí…");
        // Not answered, long past due: late.
        Ticket(Land, Local(2026, 12, 1, 9), null);
        // Not answered, due on Monday 4/1/2027 after the New Year holiday and the weekend: not judged yet.
        Ticket(Land, Local(2026, 12, 31, 16), null);
        // Friday evening, answered Monday 7h45: a quarter of a working hour. On time.
        Ticket(null, Local(2026, 10, 2, 20), Local(2026, 10, 5, 7, 45), "Chào bạn.");
        Ticket(Building, Local(2026, 9, 30, 10), Local(2026, 9, 30, 11), "Ngoài kỳ.");

        var ratings = new RatingStore(db);
        void Rate(RatingKind kind, int score, string? field, string channel = "facebook", DateTime? at = null) =>
            ratings.Add(new Rating { At = at ?? day, Channel = channel, Kind = kind, Score = score, Field = field });
        Rate(RatingKind.Answer, 1, Building);
        Rate(RatingKind.Answer, 1, Building, "zalo");
        Rate(RatingKind.Answer, 0, Building);
        Rate(RatingKind.Answer, 1, Land, "zalo");
        Rate(RatingKind.Answer, 0, null, "webchat");
        Rate(RatingKind.Ticket, 5, Building);
        Rate(RatingKind.Ticket, 4, Building);
        Rate(RatingKind.Ticket, 2, Land, "zalo");
        Rate(RatingKind.Answer, 1, Building, at: Local(2027, 1, 1, 8));
    }

    [Fact]
    public void CountsTheQuestionsOfThePeriodByOutcome()
    {
        var total = calculator.Summarize(Quarter, Hours).Total;

        Assert.Equal((10, 5, 1, 4, 5), (total.Questions, total.Answered, total.Offered, total.Escalated, total.Tickets));
        Assert.Equal(ReportCalculator.TotalName, total.Name);
    }

    [Fact]
    public void GivesEachFieldItsFiguresWithTheQuestionsWithoutAFieldUnderKhac()
    {
        var byField = calculator.Summarize(Quarter, Hours).ByField;

        Assert.Equal([Building, Land, "Khác"], byField.Select(r => r.Name));
        var (building, land, other) = (byField[0], byField[1], byField[2]);
        Assert.Equal((6, 3, 1, 2, 2), (building.Questions, building.Answered, building.Offered, building.Escalated, building.Tickets));
        Assert.Equal((2, 1, 0, 1, 2), (land.Questions, land.Answered, land.Offered, land.Escalated, land.Tickets));
        Assert.Equal((2, 1, 0, 1, 1), (other.Questions, other.Answered, other.Offered, other.Escalated, other.Tickets));
    }

    [Fact]
    public void JudgesTicketsOnTimeByTheirFirstStaffReplyAndLeavesOutThoseNotYetDue()
    {
        var report = calculator.Summarize(Quarter, Hours);

        Assert.Equal(0.5, report.Total.OnTimeShare);
        Assert.Equal([0.5, 0.0, 1.0], report.ByField.Select(r => r.OnTimeShare));
    }

    [Fact]
    public void TakesTheMedianFirstReplyTimeInWorkingHoursAcrossNightsAndWeekends()
    {
        var report = calculator.Summarize(Quarter, Hours);

        Assert.Equal(2.0, report.Total.MedianFirstReplyWorkingHours!.Value, 6);
        Assert.Equal(5.75, report.ByField[0].MedianFirstReplyWorkingHours!.Value, 6);
        Assert.Null(report.ByField[1].MedianFirstReplyWorkingHours);
        Assert.Equal(0.25, report.ByField[2].MedianFirstReplyWorkingHours!.Value, 6);
    }

    [Fact]
    public void CountsSatisfactionInTotalByFieldAndByChannel()
    {
        var report = calculator.Summarize(Quarter, Hours);

        var total = report.Total.Satisfaction;
        Assert.Equal((3, 2), (total.Yes, total.No));
        Assert.Equal([0, 1, 0, 1, 1], total.TicketScores);
        Assert.Equal(0.6, total.YesShare!.Value, 6);
        Assert.Equal(11 / 3.0, total.TicketMean!.Value, 6);
        Assert.Equal([2 / 3.0, 1.0, 0.0], report.ByField.Select(r => r.Satisfaction.YesShare!.Value));
        Assert.Equal([4.5, 2.0, null], report.ByField.Select(r => r.Satisfaction.TicketMean));

        Assert.Equal(["facebook", "zalo", "webchat"], report.ByChannel.Select(r => r.Name));
        var zalo = report.ByChannel[1];
        Assert.Equal((3, 2, 1), (zalo.Questions, zalo.Answered, zalo.Escalated));
        Assert.Equal((2, 0), (zalo.Satisfaction.Yes, zalo.Satisfaction.No));
        Assert.Equal(2.0, zalo.Satisfaction.TicketMean);
    }

    [Fact]
    public void ListsTheFieldsAndEntriesMostEscalatedFirst()
    {
        var top = calculator.Summarize(Quarter, Hours).TopUnanswered;

        Assert.Equal([new Unanswered(Building, "xd-gpxd", 2), new Unanswered("Khác", null, 1), new Unanswered(Land, null, 1)], top);
    }

    [Fact]
    public void ListsTheEscalatedQuestionsByFieldWithStaffsAnswers()
    {
        var dialogues = calculator.Summarize(Quarter, Hours).Dialogues;

        Assert.Equal([Building, Land, "Khác"], dialogues.Select(g => g.Field));
        var building = dialogues[0].Items;
        Assert.Equal(["HC-2026-000002", "HC-2026-000001"], building.Select(d => d.TicketNumber));
        Assert.Equal(["Chào bạn,", "Bổ sung: lệ phí…"], building[0].StaffAnswers);
        Assert.Equal("câu hỏi 2", building[0].Question);
        Assert.Empty(dialogues[1].Items[0].StaffAnswers);
    }

    [Fact]
    public void AnEmptyPeriodHasNoRowsAndNoShares()
    {
        var report = calculator.Summarize(new ReportPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)), Hours);

        Assert.Equal(0, report.Total.Questions);
        Assert.Null(report.Total.OnTimeShare);
        Assert.Null(report.Total.MedianFirstReplyWorkingHours);
        Assert.Null(report.Total.Satisfaction.YesShare);
        Assert.Empty(report.ByField);
        Assert.Empty(report.Dialogues);
    }
}
