using ReformBot.Core.Answering;

namespace ReformBot.Core.Evaluation;

/// <summary>
/// Fits the answer-or-escalate thresholds on one labelled question set. A wrong answer about a legal procedure sends a
/// citizen to the wrong office, so at most <see cref="WrongAnswerLimit"/> of all questions may get one, and within
/// that each wrong answer costs <see cref="WrongAnswerCost"/> right ones: a pack whose questions are easy would
/// otherwise pull the thresholds down to where another agency's questions get many wrong answers. Ties go to the most
/// useful choices (offered with the right entry among them, less those offered without it or for a question the pack
/// cannot answer: two irrelevant choices are worse than saying a person will answer). If no setting keeps under the
/// limit, the fewest wrong answers win. Fit on one agency's pack, report on another's.
/// </summary>
public static class Calibration
{
    public const double WrongAnswerLimit = 0.04;
    public const double WrongAnswerCost = 4;

    public static AnswererOptions Fit(IReadOnlyList<Considered> considered, AnswererOptions start)
    {
        AnswererOptions? best = null;
        (bool Within, double A, double B) bestScore = (false, double.MinValue, double.MinValue);
        foreach (var margin in new[] { 0.0, 0.01, 0.02, 0.05, 0.1 })
        for (var answer = 0.30; answer <= 0.801; answer += 0.01)
        for (var offer = 0.10; offer <= Math.Min(answer, 0.401); offer += 0.02)
        {
            var options = start with { AnswerThreshold = Math.Round(answer, 2), OfferThreshold = Math.Round(offer, 2), AmbiguityMargin = margin };
            var outcomes = Evaluator.Decide(considered, options);
            var report = Evaluator.Summarise(outcomes);
            var within = report.WrongAnswerRate <= WrongAnswerLimit;
            var score = within
                ? (true, Math.Round(report.AnsweredCorrect * report.InScope - WrongAnswerCost * report.WrongAnswerRate * report.N), UsefulChoices(outcomes))
                : (false, -report.WrongAnswerRate, report.AnsweredCorrect);
            if (score.CompareTo(bestScore) > 0) (best, bestScore) = (options, score);
        }
        return best ?? start;
    }

    private static double UsefulChoices(IReadOnlyList<EvalOutcome> outcomes) =>
        outcomes.Where(o => o.Offered.Count > 0).Sum(o => o.Question.Expect is { } id && o.Offered.Contains(id) ? 1 : -1);
}
