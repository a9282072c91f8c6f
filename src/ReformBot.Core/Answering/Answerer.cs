using ReformBot.Core.Knowledge;
using ReformBot.Core.Knowledge.Index;

namespace ReformBot.Core.Answering;

/// <summary>Answer, clarify or escalate: the decision for one question against the current knowledge index.</summary>
public sealed class Answerer(KnowledgeIndex index, AnswererOptions options)
{
    public Decision Answer(string text)
    {
        var matches = index.Search(text, max: Math.Max(options.MaxChoices + 1, 5));
        var candidates = matches
            .Select((m, i) => new Candidate(m.Entry, Confidence.Of(m.Features, m.Score, i + 1 < matches.Count ? matches[i + 1].Score : 0), m.Score, m.Features))
            .ToList();
        if (candidates.Count == 0) return new Decision.NoAnswer("no entry shares a word with the question", candidates);

        // The top candidate's confidence already weighs its lead over the runner-up (the score gap), but a high coverage
        // could outweigh a near tie: two entries scoring within the margin are offered as choices, however well they match.
        // The runner-up's own confidence is not compared: it weighs the runner-up's lead over the third, not over the top.
        var best = candidates[0];
        var lead = candidates.Count > 1 ? 1 - candidates[1].Score / best.Score : 1;
        if (best.Confidence >= options.AnswerThreshold && lead >= options.AmbiguityMargin)
        {
            var alternatives = candidates.Skip(1).Where(c => c.Confidence >= options.OfferThreshold).Take(options.MaxChoices).ToList();
            return new Decision.Answered(best, alternatives, best.Entry is FaqEntry { IsHandoff: true }, candidates);
        }
        if (best.Confidence >= options.OfferThreshold)
        {
            var choices = candidates.Where(c => c.Confidence >= options.OfferThreshold * 0.75).Take(options.MaxChoices).ToList();
            if (choices.Count < 2) choices = candidates.Take(2).ToList();
            return new Decision.Ambiguous(choices, candidates);
        }
        return new Decision.NoAnswer($"best confidence {best.Confidence:0.00} is below {options.OfferThreshold:0.00}", candidates);
    }
}
