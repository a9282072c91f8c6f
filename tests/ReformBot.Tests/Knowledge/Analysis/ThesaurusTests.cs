using ReformBot.Core.Knowledge.Analysis;
using Xunit;

namespace ReformBot.Tests.Knowledge.Analysis;

public sealed class ThesaurusTests
{
    [Fact]
    public void ValidatesAValidFileWithoutProblems()
    {
        const string rules = """
            # comment line

            gpxd, giấy phép xây dựng, giay phep xay dung
            sổ đỏ => giấy chứng nhận quyền sử dụng đất
            cccd, căn cước công dân
            """;

        Assert.Empty(Thesaurus.Validate(rules));
    }

    [Fact]
    public void ReportsOneProblemPerBrokenLineWithLineNumber()
    {
        var rules = string.Join('\n',
            "# comment",
            "gpxd, giấy phép xây dựng",
            "a => ",
            "sổ đỏ, sổ hồng",
            "=> b",
            "a, , b",
            "",
            "hồ sơ, giấy tờ,");

        var problems = Thesaurus.Validate(rules);

        Assert.Equal([3, 5, 6, 8], problems.Select(p => p.Line));
        Assert.All(problems, p => Assert.Contains("broken synonym rule", p.Reason));
        Assert.Contains("\"a, , b\"", problems[2].Reason);
    }

    [Fact]
    public void ReportsTheParsersOwnReasonForARuleWithTwoArrows()
    {
        var problems = Thesaurus.Validate("sổ đỏ, sổ hồng\na => b => c");

        var problem = Assert.Single(problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("more than one explicit mapping", problem.Reason);
    }

    [Fact]
    public void CountsLinesOfWindowsLineEndings()
    {
        var problems = Thesaurus.Validate("gpxd, giấy phép xây dựng\r\nsổ đỏ, sổ hồng\r\n=> b\r\n");

        var problem = Assert.Single(problems);
        Assert.Equal(3, problem.Line);
    }

    [Fact]
    public void MatchesMultiWordPackRuleOverFoldedTokens()
    {
        var thesaurus = Thesaurus.Build("sổ đỏ, giấy chứng nhận quyền sử dụng đất");

        var matches = thesaurus.Match(["thu", "tuc", "so", "do"]);

        var match = Assert.Single(matches, m => m.Start == 2);
        Assert.Equal(2, match.Length);
        Assert.Contains("giay chung nhan quyen su dung dat", match.Alternatives);
    }

    [Fact]
    public void MatchesPackRuleWrittenInNewStyleTones()
    {
        var thesaurus = Thesaurus.Build("uỷ ban, ubnd");

        var matches = thesaurus.Match(["hoi", "uy", "ban"]);

        var match = Assert.Single(matches, m => m.Start == 1);
        Assert.Equal(2, match.Length);
        Assert.Contains("ubnd", match.Alternatives);
    }

    [Fact]
    public void FindsNoPackMatchWhenPhraseIsAbsent()
    {
        var thesaurus = Thesaurus.Build("sổ đỏ, giấy chứng nhận quyền sử dụng đất");

        var matches = thesaurus.Match(["so", "ho", "khau"]);

        Assert.DoesNotContain(matches, m => m.Alternatives.Contains("giay chung nhan quyen su dung dat"));
    }
}
