using ReformBot.Core.Escalation;

namespace ReformBot.Tests.Escalation;

public sealed class OfficeHoursTests
{
    private static readonly OfficeHours Hours = new(new EscalationOptions { Holidays = ["2027-02-05", "2027-02-08"] });

    /// <summary>A moment given in Vietnam's local time (UTC+7), as UTC.</summary>
    private static DateTime Local(int year, int month, int day, int hour, int minute = 0) =>
        new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-7);

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
    public void KnowsWhenTheOfficeIsOpen()
    {
        Assert.True(Hours.IsOpen(Local(2026, 11, 27, 9)));
        Assert.False(Hours.IsOpen(Local(2026, 11, 27, 12)));   // lunch
        Assert.False(Hours.IsOpen(Local(2026, 11, 28, 9)));    // Saturday
        Assert.False(Hours.IsOpen(Local(2026, 4, 30, 9)));     // 30/4
    }

    [Fact]
    public void DescribesTheDueTimeInVietnamese() =>
        Assert.Equal("16:30 thứ Sáu, 27/11/2026", Hours.Describe(Local(2026, 11, 27, 16, 30)));

    [Theory]
    [InlineData("7:30-11:30")]
    [InlineData("11:30-07:30")]
    [InlineData("")]
    public void RefusesMalformedWorkingHours(string periods) =>
        Assert.Throws<FormatException>(() => new OfficeHours(new EscalationOptions { WorkingHours = periods }));
}
