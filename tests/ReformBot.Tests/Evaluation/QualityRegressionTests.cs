using ReformBot.Core.Answering;
using ReformBot.Core.Evaluation;
using ReformBot.Core.Knowledge.Index;
using Xunit;

namespace ReformBot.Tests.Evaluation;

/// <summary>
/// The sample pack's 160 labelled questions must not get worse. The floors sit just under what the engine measured
/// when they were set (README, "Quality"); raise them as the engine improves, never lower them to make a change pass.
/// </summary>
public sealed class QualityRegressionTests(SamplePack sample) : IClassFixture<SamplePack>
{
    private static readonly string Questions = Path.Combine(AppContext.BaseDirectory, "Evaluation", "questions-a.jsonl");

    [Fact]
    public void SamplePackQualityDoesNotRegress()
    {
        var report = Evaluator.Summarise(Evaluator.Run(sample.Answerer, EvalQuestion.Load(Questions), new AnswererOptions()));

        Assert.Equal(160, report.N);
        Assert.True(report.Top1 >= 0.92, $"top1 {report.Top1}");
        Assert.True(report.Top3 >= 0.97, $"top3 {report.Top3}");
        Assert.True(report.ByKind["unaccented"].Top1 >= 0.92, $"unaccented top1 {report.ByKind["unaccented"].Top1}");
        Assert.True(report.AnsweredCorrect >= 0.75, $"answeredCorrect {report.AnsweredCorrect}");
        Assert.True(report.AnsweredCorrect + report.OfferedCorrect >= 0.90, $"answered + offered {report.AnsweredCorrect + report.OfferedCorrect}");
        Assert.True(report.WrongAnswerRate <= 0.05, $"wrongAnswerRate {report.WrongAnswerRate}");
        Assert.True(report.OosEscalated >= 0.85, $"oosEscalated {report.OosEscalated}");
    }

    [Fact]
    public void BeatsTheCommonCSharpBaseline()
    {
        var questions = EvalQuestion.Load(Questions);
        using var baselineIndex = KnowledgeIndex.Build(sample.Pack, SearchProfile.Baseline);

        var ours = Evaluator.Summarise(Evaluator.Run(sample.Answerer, questions, new AnswererOptions()));
        var baseline = Evaluator.Summarise(Evaluator.Run(new Answerer(baselineIndex, new AnswererOptions()), questions, new AnswererOptions()));

        Assert.True(ours.Top1 >= baseline.Top1 + 0.10, $"top1 {ours.Top1} vs baseline {baseline.Top1}");
        Assert.True(ours.AnsweredCorrect > baseline.AnsweredCorrect, $"answeredCorrect {ours.AnsweredCorrect} vs baseline {baseline.AnsweredCorrect}");
    }
}
