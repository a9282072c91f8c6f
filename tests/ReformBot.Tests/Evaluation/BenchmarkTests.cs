using ReformBot.Core.Evaluation;
using Xunit;

namespace ReformBot.Tests.Evaluation;

public sealed class BenchmarkTests(SamplePack sample) : IClassFixture<SamplePack>
{
    [Fact]
    public void GrowsThePackToTheScaleKeepingTheOriginals()
    {
        var grown = Benchmark.Grow(sample.Pack, 500);

        Assert.Equal(500, grown.Entries.Count());
        Assert.Equal(500, grown.Entries.Select(e => e.Id).Distinct().Count());
        Assert.Superset(sample.Pack.Entries.Select(e => e.Id).ToHashSet(), grown.Entries.Select(e => e.Id).ToHashSet());
    }

    [Fact]
    public void QuestionsIncludeUnaccentedCopies()
    {
        var questions = Benchmark.Questions(sample.Pack);

        Assert.Contains("Xin chào", questions);
        Assert.Contains("Xin chao", questions);
    }
}
