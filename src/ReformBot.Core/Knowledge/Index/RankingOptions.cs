namespace ReformBot.Core.Knowledge.Index;

/// <summary>Query-time weights of each field, and BM25's parameters. Defaults were tuned on the sample pack's dev questions.</summary>
public sealed record RankingOptions
{
    public const string Section = "ReformBot:Ranking";

    public float Accented { get; init; } = 1.0f;
    public float Folded { get; init; } = 1.0f;
    public float Bigrams { get; init; } = 1.0f;
    public float Body { get; init; } = 0.3f;
    public float BodyBigrams { get; init; } = 0.3f;
    public float Synonyms { get; init; } = 0.6f;
    public float Fuzzy { get; init; } = 0.5f;
    /// <summary>Score bonus (as a share) for an entry whose titles name the matter the question names (national thesaurus topics).</summary>
    public float Topic { get; init; } = 0.15f;
    /// <summary>Thesaurus alternatives search words (and body bigrams) only if at most this share of entries contains them.</summary>
    public double SelectiveShare { get; init; } = 0.2;
    public float K1 { get; init; } = 1.2f;
    public float B { get; init; } = 0.5f;
}
