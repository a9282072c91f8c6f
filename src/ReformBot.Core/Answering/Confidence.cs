using ReformBot.Core.Knowledge.Index;

namespace ReformBot.Core.Answering;

/// <summary>
/// Turns a candidate's question-relative features into a confidence in [0, 1]. Raw BM25 scores are not comparable
/// across questions, so the confidence rests on how much of the question the entry covers, how much of the entry's
/// best-matching title the question says, how many of the question's words the pack does not know at all, and the
/// gap to the runner-up's score. Weights and thresholds are explained in the README ("Answer or escalate").
/// </summary>
public static class Confidence
{
    public static double Of(MatchFeatures f, float score, float runnerUpScore)
    {
        var gap = score <= 0 ? 0 : 1 - runnerUpScore / score;
        return Math.Clamp((f.Coverage + f.VariantCoverage - 0.5 * f.UnknownShare + gap) / 3, 0, 1);
    }
}
