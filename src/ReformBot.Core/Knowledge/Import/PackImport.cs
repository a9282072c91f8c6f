using System.Text;
using System.Text.Json;

namespace ReformBot.Core.Knowledge.Import;

/// <summary>What an import did: the change report (the same as a knowledge reload's), what was skipped, and where the report is.</summary>
public sealed record ImportReport(IReadOnlyList<ProcedureChange> Changes, IReadOnlyList<ImportProblem> Skipped, string? ReportFile)
{
    public string Text => PackImport.Describe(Changes, Skipped);
}

/// <summary>
/// <c>reformbot knowledge import</c>: procedures from the national database's format into a pack folder. Procedures keep
/// the id and keywords of the pack's procedure with the same code; FAQ and other files are not touched. The new pack is
/// written to a temporary folder, checked with the pack loader and only then put in place, so a failure leaves the pack
/// as it was; abolished procedures go to <c>archive/</c>, with the change report. A running host reloads the pack and
/// proposes the notices of the same changes.
/// </summary>
public static class PackImport
{
    public const string ArchiveFolder = "archive";

    /// <summary>A file of procedures: an array, or an object whose <c>data</c> is one.</summary>
    public static ImportReport FromDvcqg(string file, string pack)
    {
        using var json = Parse(file);
        var root = json.RootElement;
        var (array, path) = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) ? (data, "$.data") : (root, "$");
        var existing = Existing(pack);
        var (procedures, skipped) = DvcqgReader.Read(array, path, IdOf(existing));
        return Apply(pack, existing, procedures, [], skipped, Path.GetFileName(file));
    }

    /// <summary>
    /// The list of one publishing decision: <c>THUTUCMOI</c> (new) and <c>THUTUCSUADOI</c> (amended) procedures, imported;
    /// <c>THUTUCBAIBO</c> (abolished), each with its <c>MATTHC</c>, removed from the pack and kept in the archive.
    /// </summary>
    public static ImportReport FromDecision(string file, string pack)
    {
        using var json = Parse(file);
        var root = json.RootElement;
        string[] lists = ["THUTUCMOI", "THUTUCSUADOI", "THUTUCBAIBO"];
        if (root.ValueKind != JsonValueKind.Object || !lists.Any(l => root.TryGetProperty(l, out _)))
            throw new ImportFormatException(new ImportProblem("$", "expected a decision (an object with THUTUCMOI, THUTUCSUADOI, THUTUCBAIBO)"));
        var existing = Existing(pack);
        var procedures = new List<Procedure>();
        var skipped = new List<ImportProblem>();
        foreach (var list in new[] { "THUTUCMOI", "THUTUCSUADOI" })
        {
            if (!root.TryGetProperty(list, out var array) || array.ValueKind == JsonValueKind.Null) continue;
            var (read, problems) = DvcqgReader.Read(array, $"$.{list}", IdOf(existing));
            procedures.AddRange(read);
            skipped.AddRange(problems);
        }
        var abolished = new List<string>();
        if (root.TryGetProperty("THUTUCBAIBO", out var gone) && gone.ValueKind != JsonValueKind.Null)
        {
            if (gone.ValueKind != JsonValueKind.Array) throw new ImportFormatException(new ImportProblem("$.THUTUCBAIBO", "expected an array"));
            var i = 0;
            foreach (var item in gone.EnumerateArray())
            {
                var at = $"$.THUTUCBAIBO[{i++}]";
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("MATTHC", out var code) || code.ValueKind != JsonValueKind.String)
                    throw new ImportFormatException(new ImportProblem(at, "expected an object with the procedure's MATTHC"));
                abolished.Add(code.GetString()!.Trim());
            }
        }
        return Apply(pack, existing, procedures, abolished, skipped, Path.GetFileName(file));
    }

    public static string Describe(IReadOnlyList<ProcedureChange> changes, IReadOnlyList<ImportProblem> skipped)
    {
        var text = new StringBuilder();
        if (changes.Count == 0) text.AppendLine("Không có thay đổi.");
        foreach (var c in changes)
        {
            text.AppendLine($"{c.Kind switch { ChangeKind.Added => "Thêm", ChangeKind.Removed => "Bãi bỏ", _ => "Sửa" }} {c.Id}: {c.Name}");
            foreach (var part in c.Parts) text.AppendLine($"  - {part.Wording}");
        }
        foreach (var s in skipped) text.AppendLine($"Bỏ qua {s}");
        return text.ToString();
    }

    private static JsonDocument Parse(string file)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(file));
        }
        catch (JsonException e)
        {
            throw new ImportFormatException(new ImportProblem($"line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}", "not valid JSON"));
        }
    }

    private static KnowledgePack? Existing(string pack)
    {
        if (!Directory.Exists(pack) || !Directory.EnumerateFileSystemEntries(pack).Any()) return null;
        var loaded = PackLoader.Load(pack);
        return loaded.Pack ?? throw new InvalidOperationException(
            $"The pack in {pack} has problems; fix them before importing:\n" + string.Join('\n', loaded.Problems));
    }

    private static Func<string, string> IdOf(KnowledgePack? existing)
    {
        var byCode = existing?.Procedures.Where(p => p.Code is not null).ToDictionary(p => p.Code!, p => p.Id) ?? [];
        return code => byCode.TryGetValue(code, out var id) ? id : "tthc-" + new string(code.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-').ToArray());
    }

    private static ImportReport Apply(string pack, KnowledgePack? existing, List<Procedure> imported, List<string> abolished, List<ImportProblem> skipped, string source)
    {
        var before = existing ?? new KnowledgePack(pack, [], [], null, null);
        var old = before.Procedures.ToDictionary(p => p.Id);
        // Keywords are staff's: kept from the pack's procedure of the same code.
        var incoming = imported.Select(p => old.TryGetValue(p.Id, out var was) ? p with { Keywords = was.Keywords } : p).ToList();
        var removed = before.Procedures.Where(p => p.Code is not null && abolished.Contains(p.Code)).ToList();
        foreach (var code in abolished.Where(c => removed.All(p => p.Code != c))) skipped.Add(new ImportProblem("THUTUCBAIBO", $"{code} is not in the pack"));

        var after = before with
        {
            Procedures = before.Procedures.Where(p => !removed.Contains(p) && incoming.All(n => n.Id != p.Id)).Concat(incoming).OrderBy(p => p.Id, StringComparer.Ordinal).ToList(),
        };
        var changes = PackChanges.Between(before, after);
        // The same file imported again writes nothing: the pack's procedures already say exactly this.
        var unchanged = removed.Count == 0 && incoming.All(p => old.TryGetValue(p.Id, out var was) && ProcedureFile.ToJson(was) == ProcedureFile.ToJson(p));
        if (unchanged) return new ImportReport(changes, skipped, null);

        var reportName = $"changes-{DateTime.UtcNow:yyyyMMdd-HHmmss}.txt";
        for (var n = 2; File.Exists(Path.Combine(pack, ArchiveFolder, reportName)); n++) reportName = $"changes-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{n}.txt";
        var staging = Path.GetFullPath(pack).TrimEnd(Path.DirectorySeparatorChar) + $".import-{Guid.NewGuid():N}";
        try
        {
            Copy(pack, staging);
            foreach (var p in incoming) ProcedureFile.Write(staging, p);
            Directory.CreateDirectory(Path.Combine(staging, ArchiveFolder));
            foreach (var p in removed)
                File.Move(Path.Combine(staging, "procedures", $"{p.Id}.json"), Path.Combine(staging, ArchiveFolder, $"{p.Id}.json"), overwrite: true);
            File.WriteAllText(Path.Combine(staging, ArchiveFolder, reportName), $"Nhập từ {source}\n\n" + Describe(changes, skipped));
            var check = PackLoader.Load(staging);
            if (check.Pack is null) throw new InvalidOperationException("The imported pack does not load; nothing was changed:\n" + string.Join('\n', check.Problems));
            Swap(pack, staging);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        return new ImportReport(changes, skipped, Path.Combine(pack, ArchiveFolder, reportName));
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from)) return;
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    /// <summary>
    /// The staged procedure files take the place of the pack's, each moved in whole, and those abolished are removed; the
    /// new archive files are added. Files, not the folder: Linux's file watcher of a running host stops seeing a folder
    /// once a folder inside it is moved away.
    /// </summary>
    private static void Swap(string pack, string staging)
    {
        var procedures = Path.Combine(pack, "procedures");
        Directory.CreateDirectory(procedures);
        var staged = Directory.GetFiles(Path.Combine(staging, "procedures"), "*.json").ToDictionary(f => Path.GetFileName(f), f => f);
        foreach (var (name, file) in staged)
        {
            var target = Path.Combine(procedures, name);
            if (!File.Exists(target) || File.ReadAllText(target) != File.ReadAllText(file)) File.Move(file, target, overwrite: true);
        }
        foreach (var file in Directory.GetFiles(procedures, "*.json").Where(f => !staged.ContainsKey(Path.GetFileName(f)))) File.Delete(file);
        Directory.CreateDirectory(Path.Combine(pack, ArchiveFolder));
        foreach (var file in Directory.GetFiles(Path.Combine(staging, ArchiveFolder)))
        {
            var target = Path.Combine(pack, ArchiveFolder, Path.GetFileName(file));
            if (!File.Exists(target) || File.ReadAllText(target) != File.ReadAllText(file)) File.Move(file, target, overwrite: true);
        }
    }
}
