using ReformBot.Core.Knowledge.Index;

namespace ReformBot.Core.Answering;

/// <summary>
/// Turns a candidate's question-relative features into a confidence in [0, 1]. Raw BM25 scores are not comparable
/// across questions, so the confidence rests on how much of the question the entry covers, and on the gap to the
/// runner-up's score.
/// </summary>
public static class Confidence
{
    public static double Of(MatchFeatures f, float score, float runnerUpScore)
    {
        var gap = score <= 0 ? 0 : 1 - runnerUpScore / score;
        return Math.Clamp(0.4 * f.Coverage + 0.4 * f.TitleCoverage + 0.2 * gap, 0, 1);
    }
}
