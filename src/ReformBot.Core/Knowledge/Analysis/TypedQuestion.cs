namespace ReformBot.Core.Knowledge.Analysis;

/// <summary>
/// A question's syllables as the citizen typed them (normalised, chat spellings expanded), where each clause after the
/// first begins, and whether it was typed without diacritics: what phrases (topics, qualifiers, facets) are found in.
/// </summary>
public sealed record TypedQuestion(IReadOnlyList<string> Syllables, IReadOnlySet<int> ClauseStarts, bool Plain)
{
    public static TypedQuestion None { get; } = new([], new HashSet<int>(), true);

    public List<PhraseHit<T>> Find<T>(PhraseIndex<T> phrases) => phrases.Find(Syllables, Plain, ClauseStarts);
}
