using ReformBot.Core.Knowledge;
using ReformBot.Core.Knowledge.Index;

namespace ReformBot.Core.Answering;

/// <summary>An entry the bot considered, with its confidence in [0, 1].</summary>
public sealed record Candidate(KnowledgeEntry Entry, double Confidence, float Score, MatchFeatures Features)
{
    public string Id => Entry.Id;
}

/// <summary>What the bot does with a question: answer it, ask which of a few entries was meant, or hand it to staff.</summary>
public abstract record Decision(IReadOnlyList<Candidate> Candidates)
{
    /// <summary>Confident: reply with <paramref name="Best"/>. <paramref name="Handoff"/> when the entry asks for a person.</summary>
    public sealed record Answered(Candidate Best, IReadOnlyList<Candidate> Alternatives, bool Handoff, IReadOnlyList<Candidate> All)
        : Decision(All);

    /// <summary>Close candidates to offer as "Có phải bạn muốn hỏi…" choices.</summary>
    public sealed record Ambiguous(IReadOnlyList<Candidate> Choices, IReadOnlyList<Candidate> All) : Decision(All);

    /// <summary>Nothing good enough: escalate to staff.</summary>
    public sealed record NoAnswer(string Reason, IReadOnlyList<Candidate> All) : Decision(All);

    public string Kind => this switch
    {
        Answered => "answered",
        Ambiguous => "ambiguous",
        _ => "no-answer",
    };
}
