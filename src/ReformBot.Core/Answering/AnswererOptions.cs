namespace ReformBot.Core.Answering;

/// <summary>
/// When to answer, offer choices, or escalate. Confidence is in [0, 1] (see <see cref="Confidence"/>); the defaults
/// hold across two agencies' packs and labelled questions (README, "Answer or escalate").
/// </summary>
public sealed record AnswererOptions
{
    public const string Section = "ReformBot:Answering";

    /// <summary>Answer directly at or above this confidence…</summary>
    public double AnswerThreshold { get; init; } = 0.40;

    /// <summary>…unless the runner-up's score is within this share of the top's (a near tie): then offer both.</summary>
    public double AmbiguityMargin { get; init; } = 0.02;

    /// <summary>Offer "Có phải bạn muốn hỏi…" choices at or above this confidence; below it, escalate to staff.</summary>
    public double OfferThreshold { get; init; } = 0.25;

    /// <summary>How many choices or alternatives to show at most.</summary>
    public int MaxChoices { get; init; } = 3;
}
