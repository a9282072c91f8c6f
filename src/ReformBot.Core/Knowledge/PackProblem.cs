namespace ReformBot.Core.Knowledge;

/// <summary>One thing wrong with a knowledge pack: which file, where in it (line or JSON path), and why.</summary>
public sealed record PackProblem(string File, string Location, string Reason)
{
    public override string ToString() => Location.Length == 0 ? $"{File}: {Reason}" : $"{File} {Location}: {Reason}";
}

/// <summary>A loaded pack, or every problem found in it. A pack with problems is never half-loaded.</summary>
public sealed record PackLoadResult(KnowledgePack? Pack, IReadOnlyList<PackProblem> Problems)
{
    public bool Ok => Pack is not null;
}
