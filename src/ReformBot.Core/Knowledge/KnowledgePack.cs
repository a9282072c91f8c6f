namespace ReformBot.Core.Knowledge;

/// <summary>An agency's published procedures and FAQ, as loaded and validated from a pack folder.</summary>
public sealed record KnowledgePack(
    string Directory,
    IReadOnlyList<Procedure> Procedures,
    IReadOnlyList<FaqEntry> Faq,
    string? SynonymsText,
    Office? Office)
{
    public IEnumerable<KnowledgeEntry> Entries => Procedures.Cast<KnowledgeEntry>().Concat(Faq);
}

/// <summary>What the bot can answer with: a procedure or an FAQ entry.</summary>
public abstract record KnowledgeEntry(string Id, string File)
{
    /// <summary>The short title shown to citizens (procedure name, or the FAQ's first question).</summary>
    public abstract string Title { get; }
}

public sealed record Procedure(
    string Id,
    string File,
    string? Code,
    string Name,
    string Field,
    string Level,
    string Agency,
    string Where,
    OnlineService Online,
    string ProcessingTime,
    string Fee,
    IReadOnlyList<string> Documents,
    IReadOnlyList<string> Steps,
    string Result,
    IReadOnlyList<string> LegalBasis,
    IReadOnlyList<string> Keywords) : KnowledgeEntry(Id, File)
{
    public override string Title => Name;

    /// <summary>
    /// Time and fee per way of submitting, when they differ (the national database publishes them so); empty when
    /// <see cref="ProcessingTime"/> and <see cref="Fee"/> say all there is.
    /// </summary>
    public IReadOnlyList<ChannelTerms> Channels { get; init; } = [];
}

/// <summary>How long and how much when the procedure is done one way: <c>direct</c>, <c>online</c> or <c>postal</c>.</summary>
public sealed record ChannelTerms(string Kind, string ProcessingTime, string Fee)
{
    public static readonly IReadOnlyList<string> Kinds = ["direct", "online", "postal"];

    public string Name => Kind switch
    {
        "direct" => "Nộp trực tiếp",
        "online" => "Nộp trực tuyến",
        _ => "Nộp qua bưu chính công ích",
    };
}

public sealed record OnlineService(OnlineMode Mode, string? Url);

public enum OnlineMode { None, Partial, Full }

public sealed record FaqEntry(
    string Id,
    string File,
    IReadOnlyList<string> Questions,
    string Answer,
    IReadOnlyList<string> Tags,
    IReadOnlyList<FaqLink> Links) : KnowledgeEntry(Id, File)
{
    public const string HandoffTag = "handoff";

    public override string Title => Questions[0];

    public bool IsHandoff => Tags.Contains(HandoffTag, StringComparer.OrdinalIgnoreCase);
}

public sealed record FaqLink(string Title, string Url);

public sealed record Office(string? Name, string? Address, string? Hotline, string? Email, string? Hours);
