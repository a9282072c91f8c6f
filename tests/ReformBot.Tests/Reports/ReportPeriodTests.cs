using ReformBot.Core.Reports;

namespace ReformBot.Tests.Reports;

public sealed class ReportPeriodTests
{
    [Fact]
    public void NamesAQuarterAsTheAgencyWritesIt()
    {
        var quarter = ReportPeriod.QuarterOf(new DateOnly(2026, 11, 15));

        Assert.Equal(new ReportPeriod(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), quarter);
        Assert.Equal("quý IV năm 2026", quarter.Text);
        Assert.Equal("quy-4-2026", quarter.Slug);
        Assert.Equal("quý I năm 2027", ReportPeriod.QuarterOf(new DateOnly(2027, 3, 31)).Text);
    }

    [Fact]
    public void NamesAnyOtherPeriodByItsDates()
    {
        var period = new ReportPeriod(new DateOnly(2026, 10, 5), new DateOnly(2026, 12, 31));

        Assert.Null(period.Quarter);
        Assert.Equal("từ ngày 05/10/2026 đến ngày 31/12/2026", period.Text);
        Assert.Equal("2026-10-05-den-2026-12-31", period.Slug);
    }

    [Fact]
    public void RunsFromMidnightToMidnightInVietnam()
    {
        var period = new ReportPeriod(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 1));

        Assert.Equal(new DateTime(2026, 9, 30, 17, 0, 0, DateTimeKind.Utc), period.FromUtc);
        Assert.Equal(new DateTime(2026, 10, 1, 17, 0, 0, DateTimeKind.Utc), period.ToUtc);
    }

    [Theory]
    [InlineData(null, "2026-12-31")]
    [InlineData("2026-10-01", "")]
    [InlineData("01/10/2026", "2026-12-31")]
    [InlineData("2026-13-01", "2026-12-31")]
    [InlineData("0001-01-01", "2026-12-31")]
    public void RefusesDatesThatAreMissingOrNotYearMonthDay(string? from, string? to)
    {
        Assert.Null(ReportPeriod.Read(from, to, out var error));
        Assert.Contains("YYYY-MM-DD", error);
    }

    [Fact]
    public void RefusesAPeriodThatEndsBeforeItStarts()
    {
        Assert.Null(ReportPeriod.Read("2026-12-31", "2026-10-01", out var error));
        Assert.Contains("from must not be after to", error);
        Assert.NotNull(ReportPeriod.Read("2026-10-01", "2026-10-01", out _));
    }
}
