using ReformBot.Core.Answering;

namespace ReformBot.Core.Evaluation;

/// <summary>
/// Retrieval and decision quality over a question set. top1/top3/mrr are over in-scope questions on the ranking;
/// answeredCorrect and offeredCorrect over in-scope questions; wrongAnswerRate over all questions; oosEscalated over
/// out-of-scope ones. For the out-of-scope kind in <see cref="ByKind"/>, "correct" means not answered directly.
/// </summary>
public sealed record EvalReport(
    int N,
    int InScope,
    int OutOfScope,
    double Top1,
    double Top3,
    double Mrr,
    double AnsweredCorrect,
    double OfferedCorrect,
    double WrongAnswerRate,
    double OosEscalated,
    IReadOnlyDictionary<string, KindReport> ByKind)
{
    public EvalReport? Baseline { get; init; }
}

public sealed record KindReport(int N, double Top1, double AnsweredCorrect);

/// <summary>What happened to one question, for listing the misses.</summary>
public sealed record EvalOutcome(EvalQuestion Question, string Decision, IReadOnlyList<Candidate> Candidates, IReadOnlyList<string> Offered)
{
    public IReadOnlyList<string> Ranking { get; } = Candidates.Select(c => c.Id).ToList();

    public int Rank => Question.Expect is { } id ? Ranking.ToList().IndexOf(id) + 1 : 0;
    public bool AnsweredDirectly => Decision == "answered";
}
