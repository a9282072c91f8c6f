using ReformBot.Core.Answering;

namespace ReformBot.Core.Evaluation;

/// <summary>A labelled question and what the engine found for it, before any threshold is applied.</summary>
public sealed record Considered(EvalQuestion Question, Shortlist Shortlist);

/// <summary>Runs a question set through an <see cref="Answerer"/> and measures ranking and decisions.</summary>
public static class Evaluator
{
    public static IReadOnlyList<EvalOutcome> Run(Answerer answerer, IEnumerable<EvalQuestion> questions, AnswererOptions options) =>
        Decide(Consider(answerer, questions), options);

    public static IReadOnlyList<Considered> Consider(Answerer answerer, IEnumerable<EvalQuestion> questions) =>
        questions.Select(q => new Considered(q, answerer.Consider(q.Q))).ToList();

    public static IReadOnlyList<EvalOutcome> Decide(IReadOnlyList<Considered> considered, AnswererOptions options) =>
        considered.Select(c =>
        {
            var decision = Answerer.Decide(c.Shortlist, options);
            var offered = decision is Decision.Ambiguous a ? a.Choices.Select(x => x.Id).ToList() : [];
            return new EvalOutcome(c.Question, decision.Kind, decision.Candidates, offered);
        }).ToList();

    public static EvalReport Summarise(IReadOnlyList<EvalOutcome> outcomes)
    {
        var inScope = outcomes.Where(o => o.Question.InScope).ToList();
        var outOfScope = outcomes.Where(o => !o.Question.InScope).ToList();
        var byKind = outcomes.GroupBy(o => o.Question.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g =>
        {
            var list = g.ToList();
            return g.Key == EvalQuestion.OutOfScope || list.All(o => !o.Question.InScope)
                ? new KindReport(list.Count, Share(list, o => !o.AnsweredDirectly), Share(list, o => !o.AnsweredDirectly))
                : new KindReport(list.Count, Share(list, o => o.Rank == 1), Share(list, AnsweredCorrectly));
        });
        return new EvalReport(
            outcomes.Count, inScope.Count, outOfScope.Count,
            Share(inScope, o => o.Rank == 1),
            Share(inScope, o => o.Rank is >= 1 and <= 3),
            inScope.Count == 0 ? 0 : inScope.Sum(o => o.Rank > 0 ? 1.0 / o.Rank : 0) / inScope.Count,
            Share(inScope, AnsweredCorrectly),
            Share(inScope, o => o.Offered.Contains(o.Question.Expect!)),
            Share(outcomes, o => o.AnsweredDirectly && (!o.Question.InScope || o.Rank != 1)),
            Share(outOfScope, o => !o.AnsweredDirectly),
            byKind);
    }

    private static bool AnsweredCorrectly(EvalOutcome o) => o.AnsweredDirectly && o.Rank == 1;

    private static double Share<T>(IReadOnlyList<T> items, Func<T, bool> predicate) =>
        items.Count == 0 ? 0 : Math.Round((double)items.Count(predicate) / items.Count, 4);
}
