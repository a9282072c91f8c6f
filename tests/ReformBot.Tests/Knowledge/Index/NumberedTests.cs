using ReformBot.Core.Knowledge.Index;

namespace ReformBot.Tests.Knowledge.Index;

public sealed class NumberedTests
{
    [Theory]
    [InlineData("con dang hoc lop 7 muon chuyen truong", "tuyen sinh vao lop 1 lop 6", true)]
    [InlineData("chung chi hang 3", "cap chung chi hanh nghe hang 2 hang 3", false)]
    [InlineData("chung chi hang 1", "cap chung chi hanh nghe hang 2 hang 3", true)]
    [InlineData("xin vao lop 6", "tuyen sinh vao lop 1 lop 6", false)]
    [InlineData("chuyen truong cho con", "tuyen sinh vao lop 1 lop 6", false)]
    [InlineData("con hoc lop 7", "chuyen truong hoc sinh trung hoc co so", false)]
    public void AnEntryForOtherGradesOrRanksConflicts(string question, string title, bool conflict)
    {
        Assert.Equal(conflict, Numbered.Conflict(Numbered.In(question), Numbered.In(title)));
    }
}
