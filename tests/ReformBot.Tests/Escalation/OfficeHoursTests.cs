using ReformBot.Core.Escalation;
using ReformBot.Core.Knowledge;

namespace ReformBot.Tests.Escalation;

public sealed class OfficeHoursTests
{
    private static readonly EscalationOptions Options = new() { Holidays = ["2027-02-05", "2027-02-08"] };
    private static readonly OfficeHours Hours = OfficeHours.For(null, Options);

    /// <summary>A moment given in Vietnam's local time (UTC+7), as UTC.</summary>
    private static DateTime Local(int year, int month, int day, int hour, int minute = 0) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-7);

    private static Office Card(string hours) => new("Sở Xây dựng", null, null, null, hours);

    [Fact]
    public void CountsOnlyWorkingPeriodsOfTheSameDay()
    {
        // Thursday 26/11/2026 08:00 + 8 working hours: 3.5 h before lunch, 3.5 h after, then 1 h from 07:30 on Friday.
        Assert.Equal(Local(2026, 11, 27, 8, 30), Hours.AddWorkingHours(Local(2026, 11, 26, 8), 8));
    }

    [Fact]
    public void SkipsTheWeekend()
    {
        // Friday 27/11/2026 16:00: 1 h on Friday, then Monday 30/11: 4 h before lunch and 3 h after.
        Assert.Equal(Local(2026, 11, 30, 16, 30), Hours.AddWorkingHours(Local(2026, 11, 27, 16), 8));
    }

    [Fact]
    public void SkipsFixedNationalHolidaysAndConfiguredDaysOff()
    {
        // Wednesday 2/9/2026 is National Day: a question that evening is due on Thursday 3/9.
        Assert.Equal(Local(2026, 9, 3, 16, 30), Hours.AddWorkingHours(Local(2026, 9, 2, 19), 7));
        // Thursday 4/2/2027 16:30, then Tết days off Friday 5/2 and Monday 8/2 (configured): due Tuesday 9/2.
        Assert.Equal(Local(2027, 2, 9, 8, 30), Hours.AddWorkingHours(Local(2027, 2, 4, 16, 30), 1.5));
    }

    [Fact]
    public void CountsTheWorkingTimeBetweenTwoMomentsAcrossLunchNightsWeekendsAndHolidays()
    {
        // Thursday 26/11/2026 10:00 to 14:00: 1.5 h before lunch, 0.5 h after.
        Assert.Equal(TimeSpan.FromHours(2), Hours.WorkingTimeBetween(Local(2026, 11, 26, 10), Local(2026, 11, 26, 14)));
        // Friday 16:00 to Monday 08:30: 1 h on Friday, 1 h on Monday; the night and the weekend count nothing.
        Assert.Equal(TimeSpan.FromHours(2), Hours.WorkingTimeBetween(Local(2026, 11, 27, 16), Local(2026, 11, 30, 8, 30)));
        // Asked on Saturday evening, answered Monday 07:45: only the quarter of an hour from 07:30.
        Assert.Equal(TimeSpan.FromMinutes(15), Hours.WorkingTimeBetween(Local(2026, 11, 28, 20), Local(2026, 11, 30, 7, 45)));
        // Thursday 4/2/2027 16:30 to Tuesday 9/2 08:30 over the Tết days off: 0.5 h + 1 h.
        Assert.Equal(TimeSpan.FromHours(1.5), Hours.WorkingTimeBetween(Local(2027, 2, 4, 16, 30), Local(2027, 2, 9, 8, 30)));
        Assert.Equal(TimeSpan.Zero, Hours.WorkingTimeBetween(Local(2026, 11, 26, 14), Local(2026, 11, 26, 10)));
    }

    [Fact]
    public void WorkingTimeBetweenUndoesAddingWorkingHours()
    {
        var from = Local(2026, 11, 27, 16, 10);
        foreach (var hours in new[] { 0.25, 1, 7.5, 8, 30 })
            Assert.Equal(TimeSpan.FromHours(hours), Hours.WorkingTimeBetween(from, Hours.AddWorkingHours(from, hours)));
    }

    [Fact]
    public void KnowsWhenTheOfficeIsOpen()
    {
        Assert.True(Hours.IsOpen(Local(2026, 11, 27, 9)));
        Assert.False(Hours.IsOpen(Local(2026, 11, 27, 12)));   // lunch
        Assert.False(Hours.IsOpen(Local(2026, 11, 28, 9)));    // Saturday
        Assert.False(Hours.IsOpen(Local(2026, 4, 30, 9)));     // 30/4
    }

    [Fact]
    public void TakesTheHoursFromThePacksOfficeCardAndTheConfiguredOnesWithout()
    {
        var card = OfficeHours.For(Card("Thứ Hai đến Thứ Sáu, 7h00–11h30, 13h30–17h00"), Options);

        Assert.Equal("Thứ Hai đến Thứ Sáu, 7h00–11h30, 13h30–17h00", card.Text);
        Assert.Equal("Thứ Hai đến Thứ Sáu, 7h30–11h30, 13h30–17h00", Hours.Text);
        Assert.Equal(Hours.Text, OfficeHours.For(new Office("Sở", null, null, null, null), Options).Text);
        // Sunday night with 8 working hours: a whole Monday by the card (4.5 h + 3.5 h); 7.5 h a day configured.
        Assert.Equal(Local(2026, 11, 30, 17), card.AddWorkingHours(Local(2026, 11, 29, 22), 8));
        Assert.Equal(Local(2026, 12, 1, 8), Hours.AddWorkingHours(Local(2026, 11, 29, 22), 8));
    }

    [Fact]
    public void WorksSaturdayMorningOnlyWhenTheCardSaysSo()
    {
        var hours = OfficeHours.For(Card("Thứ Hai đến Thứ Sáu, 7h30–11h30, 13h30–17h00; sáng thứ Bảy 7h30–11h30"), Options);

        Assert.True(hours.IsOpen(Local(2026, 11, 28, 9)));
        Assert.False(hours.IsOpen(Local(2026, 11, 28, 14)));
        // Friday 27/11/2026 16:00 + 8 h: 1 h on Friday, 4 h on Saturday morning, 3 h from 07:30 on Monday.
        Assert.Equal(Local(2026, 11, 30, 10, 30), hours.AddWorkingHours(Local(2026, 11, 27, 16), 8));
    }

    [Fact]
    public void DescribesATimeInVietnameseAsTheHoursAreWritten()
    {
        Assert.Equal("16h30 thứ Sáu, 27/11/2026", OfficeHours.Describe(Local(2026, 11, 27, 16, 30)));
        Assert.Equal("7h05 Chủ nhật, 29/11/2026", OfficeHours.Describe(Local(2026, 11, 29, 7, 5)));
    }

    [Theory]
    [InlineData("11:30-07:30")]
    [InlineData("07:30")]
    [InlineData("")]
    [InlineData("giờ hành chính")]
    public void RefusesMalformedWorkingHours(string periods) =>
        Assert.Throws<FormatException>(() => OfficeHours.For(null, new EscalationOptions { WorkingHours = periods }));

    [Fact]
    public void RefusesConfiguredHoursWithNoWorkingDay() =>
        Assert.Throws<FormatException>(() => OfficeHours.For(null, new EscalationOptions { WorkingDays = [] }));
}
