using ReformBot.Core.Storage;

namespace ReformBot.Core.Knowledge;

/// <summary>The pack as staff extended it from tickets (<see cref="SavedFaqStore"/>).</summary>
public static class SavedFaq
{
    public const string File = "(saved by staff)";

    /// <summary>The pack with saved entries added and saved variants appended to their entries (as keywords for procedures).</summary>
    public static KnowledgePack Apply(KnowledgePack pack, IReadOnlyList<SavedFaqEntry> saved)
    {
        var variants = saved.Where(s => s.TargetId is not null).GroupBy(s => s.TargetId!).ToDictionary(g => g.Key, g => g.SelectMany(s => s.Questions).ToList());
        var ids = pack.Entries.Select(e => e.Id).ToHashSet();
        var faq = pack.Faq
            .Select(f => variants.TryGetValue(f.Id, out var more) ? f with { Questions = [.. f.Questions, .. more] } : f)
            .Concat(saved.Where(s => s.TargetId is null && !ids.Contains(s.Id))
                .Select(s => new FaqEntry(s.Id, File, s.Questions, s.Answer, ["staff"], [])))
            .ToList();
        var procedures = pack.Procedures
            .Select(p => variants.TryGetValue(p.Id, out var more) ? p with { Keywords = [.. p.Keywords, .. more] } : p)
            .ToList();
        return pack with { Procedures = procedures, Faq = faq };
    }
}
