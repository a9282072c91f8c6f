using System.Text.Encodings.Web;
using System.Text.Json;
using ReformBot.Core.Storage;

namespace ReformBot.Core.Knowledge;

/// <summary>
/// The FAQ entries staff saved from tickets, in the pack format, for review into knowledge/. New entries go to
/// faq/staff-saved.json; entries that gained a way of asking are written whole, to replace the originals: FAQ entries in
/// faq/staff-variants.json, procedures as procedures/&lt;id&gt;.json.
/// </summary>
public static class KnowledgeExport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static (int Created, int Variants, int Procedures) Write(KnowledgePack pack, IReadOnlyList<SavedFaqEntry> saved, string dir)
    {
        var applied = SavedFaq.Apply(pack, saved);
        var targets = saved.Where(s => s.TargetId is not null).Select(s => s.TargetId!).ToHashSet();
        Directory.CreateDirectory(Path.Combine(dir, "faq"));

        var created = applied.Faq.Where(f => f.File == SavedFaq.File).Select(Faq).ToList();
        var variants = applied.Faq.Where(f => targets.Contains(f.Id)).Select(Faq).ToList();
        if (created.Count > 0) File.WriteAllText(Path.Combine(dir, "faq", "staff-saved.json"), JsonSerializer.Serialize(created, Json));
        if (variants.Count > 0) File.WriteAllText(Path.Combine(dir, "faq", "staff-variants.json"), JsonSerializer.Serialize(variants, Json));
        var procedures = applied.Procedures.Where(p => targets.Contains(p.Id)).ToList();
        foreach (var p in procedures) ProcedureFile.Write(dir, p);
        return (created.Count, variants.Count, procedures.Count);
    }

    private static object Faq(FaqEntry f) => new { id = f.Id, questions = f.Questions, answer = f.Answer, tags = f.Tags, links = f.Links };

}
