namespace ReformBot.Core.Knowledge.Index;

/// <summary>How the index analyses text.</summary>
public enum SearchProfile
{
    /// <summary>The product: NFC and tone normalisation, chat spellings, accented + folded syllables, bigrams, thesaurus, fuzzy typos.</summary>
    Vietnamese,

    /// <summary>What C# projects commonly do: StandardTokenizer + lower case + ASCIIFoldingFilter, over the same fields.</summary>
    Baseline,
}
