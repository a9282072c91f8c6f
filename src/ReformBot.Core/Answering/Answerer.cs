using ReformBot.Core.Knowledge;
using ReformBot.Core.Knowledge.Index;

namespace ReformBot.Core.Answering;

/// <summary>Answer, clarify or escalate: the decision for one question against the current knowledge index.</summary>
public sealed class Answerer(KnowledgeIndex index, AnswererOptions options)
{
    public Decision Answer(string text) => Decide(Consider(text), options);

    /// <summary>The candidates with their confidence: everything a decision needs, whatever the thresholds.</summary>
    public Shortlist Consider(string text)
    {
        var result = index.Search(text, max: Math.Max(options.MaxChoices + 1, 5));
        var matches = result.Matches;
        var candidates = matches
            .Select((m, i) => new Candidate(m.Entry, Confidence.Of(m.Features, m.Score, i + 1 < matches.Count ? matches[i + 1].Score : 0), m.Score, m.Features, m.Fit))
            .ToList();
        return new Shortlist(result.Scope, candidates, Facets.Asked(result.Question));
    }

    public static Decision Decide(Shortlist shortlist, AnswererOptions options)
    {
        var (scope, candidates) = (shortlist.Scope, shortlist.Candidates);
        // A matter the pack has nothing on is never answered with another entry; the agency that handles it, if known, is
        // named. A matter this agency's kind handles but its pack lacks may be mentioned only in passing: then the top
        // entry's titles say a phrase of the rest of the question. One another agency handles is always named.
        var foreign = scope.Foreign.FirstOrDefault(t => t.Referral is not null) ?? scope.Foreign.FirstOrDefault();
        if (candidates.Count == 0) return new Decision.NoAnswer("no entry shares a word with the question", candidates, foreign);
        if (foreign is { Referral: null } && candidates[0].Fit.RestSaid > 0) foreign = null;
        if (foreign is not null && !scope.Covered.Any())
        {
            // Entries that say two or more phrases of the rest of the question are offered beside the referral: the matter
            // may be mentioned only in passing ("bị kiện" by a poor family asking for a state lawyer). Offered, never answered.
            var nearest = candidates.Where(c => c.Fit.RestSaid >= 2 && c.Confidence >= options.AnswerThreshold).Take(options.MaxChoices).ToList();
            return nearest.Count > 0
                ? new Decision.Ambiguous(nearest, candidates, [], foreign)
                : new Decision.NoAnswer($"no entry is about \"{foreign.Name}\"", candidates, foreign);
        }

        // The top candidate's confidence already weighs its lead over the runner-up (the score gap), but a high coverage
        // could outweigh a near tie: two entries scoring within the margin are offered as choices, however well they match.
        // The runner-up's own confidence is not compared: it weighs the runner-up's lead over the third, not over the top.
        // A near tie with an entry about another matter than the one the question names is no tie.
        var best = candidates[0];
        var plausible = candidates.Where(c => !c.Fit.OffTopic).ToList();
        var lead = plausible.Skip(1).FirstOrDefault() is { } rival ? 1 - rival.Score / best.Score : 1;
        if (best.Confidence >= options.AnswerThreshold && lead >= options.AmbiguityMargin && best.Fit.Fits && foreign is null)
        {
            var alternatives = plausible.Skip(1).Where(c => c.Confidence >= options.OfferThreshold).Take(options.MaxChoices).ToList();
            return new Decision.Answered(best, alternatives, best.Entry is FaqEntry { IsHandoff: true }, candidates) { Asked = shortlist.Asked };
        }
        if (best.Confidence >= options.OfferThreshold)
        {
            // Choices are offered only if each is plausibly what was asked: about the matter the question names, if it names one.
            var choices = plausible.Where(c => c.Confidence >= options.OfferThreshold * 0.75).Take(options.MaxChoices).ToList();
            if (choices.Count < 2) choices = plausible.Take(2).ToList();
            if (choices.Count > 0) return new Decision.Ambiguous(choices, candidates, choices[0].Fit.Missing, foreign);
        }
        // Below the offer line, entries about the matter the question names are still plausibly what was asked.
        var about = scope.Covered.Any() ? plausible.Take(options.MaxChoices).ToList() : [];
        if (about.Count > 0) return new Decision.Ambiguous(about, candidates, about[0].Fit.Missing, foreign);
        return new Decision.NoAnswer($"best confidence {best.Confidence:0.00} is below {options.OfferThreshold:0.00}", candidates, foreign);
    }
}
