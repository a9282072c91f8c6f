using FsCheck;
using FsCheck.Fluent;
using ReformBot.Core.Escalation;

namespace ReformBot.Tests.Escalation;

public sealed class WorkingWeekTests
{
    private static readonly DayOfWeek[] MondayToFriday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static WorkingWeek Read(string text) =>
        Assert.IsType<HoursReading.Read>(WorkingWeek.Read(text, MondayToFriday)).Week;

    private static string Refusal(string text) =>
        Assert.IsType<HoursReading.Unreadable>(WorkingWeek.Read(text, MondayToFriday)).Reason;

    [Theory]
    [InlineData("Thứ Hai đến Thứ Sáu, 7h00–11h30, 13h30–17h00", "Thứ Hai đến Thứ Sáu, 7h00–11h30, 13h30–17h00")]
    [InlineData("Thứ 2 - Thứ 6: 7h30 - 11h30, 13h30'–17h", "Thứ Hai đến Thứ Sáu, 7h30–11h30, 13h30–17h00")]
    [InlineData("07:30-11:30,13:30-17:00", "Thứ Hai đến Thứ Sáu, 7h30–11h30, 13h30–17h00")]
    [InlineData("thu hai den thu sau, 7h-11h30, 13h30-17h", "Thứ Hai đến Thứ Sáu, 7h00–11h30, 13h30–17h00")]
    [InlineData("Sáng từ 7 giờ 30 đến 11 giờ 30, chiều từ 13 giờ 30 phút đến 17 giờ, từ thứ Hai đến thứ Sáu (trừ ngày lễ, Tết)",
        "Thứ Hai đến Thứ Sáu, 7h30–11h30, 13h30–17h00")]
    [InlineData("thứ Hai – thứ Sáu và sáng thứ Bảy, 7h30 - 11h30, 13h30 - 17h",
        "Thứ Hai đến Thứ Sáu, 7h30–11h30, 13h30–17h00; Thứ Bảy, 7h30–11h30")]
    [InlineData("Thứ Hai đến Thứ Sáu, 7h30–11h30, 13h30–17h00; sáng thứ Bảy 7h30–11h30",
        "Thứ Hai đến Thứ Sáu, 7h30–11h30, 13h30–17h00; Thứ Bảy, 7h30–11h30")]
    [InlineData("T2, T4, T6: 8h-12h", "Thứ Hai, Thứ Tư, Thứ Sáu, 8h00–12h00")]
    [InlineData("Thứ Hai đến Chủ nhật: 7h-11h", "Thứ Hai đến Chủ nhật, 7h00–11h00")]
    public void ReadsHoursTheWaysAgenciesWriteThem(string written, string said) => Assert.Equal(said, Read(written).Text);

    [Fact]
    public void KeepsOnlyTheMorningPeriodsOfASaturdayMorning()
    {
        var week = Read("Thứ Hai đến Thứ Sáu và sáng thứ Bảy, 7h00–11h30, 13h30–17h00");

        Assert.Equal(2, week.On(DayOfWeek.Friday).Count);
        Assert.Equal([new WorkingPeriod(TimeSpan.FromHours(7), TimeSpan.FromHours(11.5))], week.On(DayOfWeek.Saturday));
        Assert.Empty(week.On(DayOfWeek.Sunday));
    }

    [Theory]
    [InlineData("Thứ Hai đến Thứ Sáu, 7h00–11h30, chiều tùy ngày", "tùy ngày")]
    [InlineData("Thứ Hai đến Thứ Sáu", "no working period")]
    [InlineData("Thứ Hai đến Thứ Sáu, 7h30", "\"7h30\" has no end time")]
    [InlineData("Thứ Hai đến Thứ Sáu, 17h–7h", "does not end after it starts")]
    [InlineData("Thứ Sáu đến Thứ Hai, 7h–11h", "run backwards")]
    [InlineData("Thứ Hai, Thứ Hai, 7h–11h", "Thứ Hai is given twice")]
    [InlineData("Thứ Hai, 7h–11h, 10h–12h", "overlap")]
    [InlineData("Thứ Hai, 13h–17h và sáng thứ Bảy", "none of 13h00–17h00 is in the morning")]
    [InlineData("Thứ Hai đến Thứ Sáu, 7h-11h30, 25h-26h", "cannot read \"25h-26h\"")]
    [InlineData("Giờ hành chính", "cannot read \"Giờ hành chính\"")]
    public void SaysWhichPartItCannotRead(string written, string reason) => Assert.Contains(reason, Refusal(written));

    private static readonly string[] Pieces =
    [
        "Thứ", "thu", "Hai", "Bảy", "Chủ nhật", "T7", "CN", "sáng", "chiều", "đến", "từ", "và", "-", "–", ",", ";", ":", " ",
        "7h30", "11h", "13:30", "17 giờ", "30 phút", "'", "25h", "(trừ ngày lễ, Tết)", "\ud800", "\u0301", "Đ", "0",
    ];

    /// <summary>Arbitrary strings, and soup made of the pieces hours are written with.</summary>
    [Fact]
    public void NeverThrowsWhateverTheText() =>
        Prop.ForAll(
                Gen.OneOf(ArbMap.Default.GeneratorFor<string>(), Gen.ArrayOf(Gen.Elements(Pieces)).Select(string.Concat)).ToArbitrary(),
                text => WorkingWeek.Read(text ?? "", MondayToFriday) is not null)
            .Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
}
