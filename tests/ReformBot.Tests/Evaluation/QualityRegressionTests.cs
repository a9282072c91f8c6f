using ReformBot.Core.Answering;
using ReformBot.Core.Evaluation;
using ReformBot.Core.Knowledge;
using ReformBot.Core.Knowledge.Index;
using Xunit;

namespace ReformBot.Tests.Evaluation;

/// <summary>
/// The sample pack's 160 labelled questions, and a city ward's pack the engine was not built on (pack C, 180 questions),
/// must not get worse. The floors sit just under what the engine measured when they were set (README, "Quality");
/// raise them as the engine improves, never lower them to make a change pass.
/// </summary>
public sealed class QualityRegressionTests(SamplePack sample) : IClassFixture<SamplePack>
{
    private static readonly string Questions = Path.Combine(AppContext.BaseDirectory, "Evaluation", "questions-a.jsonl");
    private static readonly string WardPack = Path.Combine(AppContext.BaseDirectory, "Evaluation", "pack-c");
    private static readonly string WardQuestions = Path.Combine(AppContext.BaseDirectory, "Evaluation", "questions-c.jsonl");

    [Fact]
    public void SamplePackQualityDoesNotRegress()
    {
        var report = Evaluator.Summarise(Evaluator.Run(sample.Answerer, EvalQuestion.Load(Questions), new AnswererOptions()));

        Assert.Equal(160, report.N);
        Assert.True(report.Top1 >= 0.94, $"top1 {report.Top1}");
        Assert.True(report.Top3 >= 0.97, $"top3 {report.Top3}");
        Assert.True(report.ByKind["unaccented"].Top1 >= 0.92, $"unaccented top1 {report.ByKind["unaccented"].Top1}");
        Assert.True(report.AnsweredCorrect >= 0.79, $"answeredCorrect {report.AnsweredCorrect}");
        Assert.True(report.AnsweredCorrect + report.OfferedCorrect >= 0.90, $"answered + offered {report.AnsweredCorrect + report.OfferedCorrect}");
        Assert.True(report.WrongAnswerRate <= 0.04, $"wrongAnswerRate {report.WrongAnswerRate}");
        Assert.True(report.OosEscalated >= 0.91, $"oosEscalated {report.OosEscalated}");
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

    [Fact]
    public void WardPackQualityDoesNotRegress()
    {
        using var index = KnowledgeIndex.Build(PackLoader.Load(WardPack).Pack!);

        var report = Evaluator.Summarise(Evaluator.Run(new Answerer(index, new AnswererOptions()), EvalQuestion.Load(WardQuestions), new AnswererOptions()));

        Assert.Equal(180, report.N);
        Assert.True(report.Top1 >= WardFloor.Top1, $"top1 {report.Top1}");
        Assert.True(report.Top3 >= WardFloor.Top3, $"top3 {report.Top3}");
        Assert.True(report.AnsweredCorrect >= WardFloor.AnsweredCorrect, $"answeredCorrect {report.AnsweredCorrect}");
        // Rounded as eval prints it: 126 of 140 is 0.9, but the two shares add up to 0.8999….
        Assert.True(Math.Round(report.AnsweredCorrect + report.OfferedCorrect, 3) >= WardFloor.AnsweredOrOffered, $"answered + offered {report.AnsweredCorrect + report.OfferedCorrect}");
        Assert.True(report.WrongAnswerRate <= WardFloor.WrongAnswerRate, $"wrongAnswerRate {report.WrongAnswerRate}");
        Assert.True(report.OosEscalated >= WardFloor.OosEscalated, $"oosEscalated {report.OosEscalated}");
    }

    [Fact]
    public void ThresholdsFittedOnOnePackHoldOnTheOther()
    {
        using var ward = KnowledgeIndex.Build(PackLoader.Load(WardPack).Pack!);
        var start = new AnswererOptions();
        var onSample = Evaluator.Consider(sample.Answerer, EvalQuestion.Load(Questions));
        var onWard = Evaluator.Consider(new Answerer(ward, start), EvalQuestion.Load(WardQuestions));

        var wardWithSampleFit = Evaluator.Summarise(Evaluator.Decide(onWard, Calibration.Fit(onSample, start)));
        var sampleWithWardFit = Evaluator.Summarise(Evaluator.Decide(onSample, Calibration.Fit(onWard, start)));

        Assert.True(wardWithSampleFit.WrongAnswerRate <= 0.05, $"fitted on A, wrong on C {wardWithSampleFit.WrongAnswerRate}");
        Assert.True(sampleWithWardFit.WrongAnswerRate <= 0.05, $"fitted on C, wrong on A {sampleWithWardFit.WrongAnswerRate}");
    }

    [Fact]
    public void EveryEntryIsAnsweredByItsOwnTitle()
    {
        // Asked by its own name or FAQ question, an entry must come back: the thesaurus's topics and qualifiers must not
        // turn an agency's own wording into a matter it has nothing on, or into another case.
        using var ward = KnowledgeIndex.Build(PackLoader.Load(WardPack).Pack!);
        foreach (var (pack, answerer) in new[] { (sample.Pack, sample.Answerer), (ward.Pack, new Answerer(ward, new AnswererOptions())) })
        {
            var questions = pack.Procedures.Select(p => new EvalQuestion(p.Name, p.Id, "title"))
                .Concat(pack.Faq.SelectMany(f => f.Questions.Select(q => new EvalQuestion(q, f.Id, "title"))))
                .ToList();

            var report = Evaluator.Summarise(Evaluator.Run(answerer, questions, new AnswererOptions()));

            Assert.True(report.AnsweredCorrect >= 0.97, $"{pack.Directory}: answeredCorrect {report.AnsweredCorrect} of {report.N}");
        }
    }

    private static class WardFloor
    {
        public const double Top1 = 0.90, Top3 = 0.97, AnsweredCorrect = 0.70, AnsweredOrOffered = 0.90, WrongAnswerRate = 0.04, OosEscalated = 0.97;
    }
}
