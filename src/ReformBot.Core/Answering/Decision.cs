using ReformBot.Core.Knowledge;
using ReformBot.Core.Knowledge.Analysis;
using ReformBot.Core.Knowledge.Index;

namespace ReformBot.Core.Answering;

/// <summary>An entry the bot considered, with its confidence in [0, 1] and how it fits what the question is about.</summary>
public sealed record Candidate(KnowledgeEntry Entry, double Confidence, float Score, MatchFeatures Features, ScopeFit Fit)
{
    public string Id => Entry.Id;
}

/// <summary>The candidates for one question, best first, and what the question is about: what a decision is made from.</summary>
public sealed record Shortlist(QuestionScope Scope, IReadOnlyList<Candidate> Candidates, IReadOnlyList<Facet> Asked);

/// <summary>What the bot does with a question: answer it, ask which of a few entries was meant, or hand it to staff.</summary>
public abstract record Decision(IReadOnlyList<Candidate> Candidates)
{
    /// <summary>Confident: reply with <paramref name="Best"/>. <paramref name="Handoff"/> when the entry asks for a person.</summary>
    public sealed record Answered(Candidate Best, IReadOnlyList<Candidate> Alternatives, bool Handoff, IReadOnlyList<Candidate> All)
        : Decision(All)
    {
        /// <summary>The parts of a procedure the question asked for, to put first.</summary>
        public IReadOnlyList<Facet> Asked { get; init; } = [];
    }

    /// <summary>
    /// Close candidates to offer as "Có phải bạn muốn hỏi…" choices. When the question is a case none of them covers
    /// (<paramref name="Unsure"/>), or also names a matter the pack has nothing on (<paramref name="Foreign"/>), they are
    /// only the nearest content, and the question goes to staff as well.
    /// </summary>
    public sealed record Ambiguous(IReadOnlyList<Candidate> Choices, IReadOnlyList<Candidate> All, IReadOnlyList<Qualifier> Unsure, Topic? Foreign)
        : Decision(All);

    /// <summary>Nothing good enough: escalate to staff. <paramref name="Foreign"/> is the matter the pack has nothing on, if known.</summary>
    public sealed record NoAnswer(string Reason, IReadOnlyList<Candidate> All, Topic? Foreign = null) : Decision(All);

    public string Kind => this switch
    {
        Answered => "answered",
        Ambiguous => "ambiguous",
        _ => "no-answer",
    };

    /// <summary>Whether the question goes to staff.</summary>
    public bool Escalates => this switch
    {
        Answered a => a.Handoff,
        Ambiguous a => a.Unsure.Count > 0 || a.Foreign is not null,
        _ => true,
    };
}
