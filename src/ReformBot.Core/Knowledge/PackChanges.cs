using System.Text.RegularExpressions;

namespace ReformBot.Core.Knowledge;

public enum ChangeKind { Added, Changed, Removed }

/// <summary>One part of a procedure that changed, worded for citizens ("thời hạn giải quyết rút từ 15 xuống 10 ngày làm việc").</summary>
public sealed record PartChange(string Part, string Wording);

/// <summary>A procedure added, changed (with what changed) or removed between two versions of a pack.</summary>
public sealed record ProcedureChange(ChangeKind Kind, string Id, string Name, string Field, IReadOnlyList<PartChange> Parts)
{
    /// <summary>The notice's text: one sentence per change, each about the procedure by its name.</summary>
    public string Wording => Kind switch
    {
        ChangeKind.Added => $"Thủ tục \"{Name}\" được công bố mới.",
        ChangeKind.Removed => $"Thủ tục \"{Name}\" đã bãi bỏ, không còn thực hiện.",
        _ => $"Thủ tục \"{Name}\": " + string.Join("; ", Parts.Select(p => p.Wording)) + ".",
    };
}

/// <summary>
/// What changed in an agency's procedures between two versions of its pack, part by part: the source of the notices to
/// followers and of the importer's change report, so both say the same.
/// </summary>
public static partial class PackChanges
{
    public static IReadOnlyList<ProcedureChange> Between(KnowledgePack before, KnowledgePack after)
    {
        var old = before.Procedures.ToDictionary(p => p.Id);
        var now = after.Procedures.ToDictionary(p => p.Id);
        var changes = new List<ProcedureChange>();
        foreach (var p in after.Procedures)
        {
            if (!old.TryGetValue(p.Id, out var was)) changes.Add(new ProcedureChange(ChangeKind.Added, p.Id, p.Name, p.Field, []));
            else if (Parts(was, p) is { Count: > 0 } parts) changes.Add(new ProcedureChange(ChangeKind.Changed, p.Id, p.Name, p.Field, parts));
        }
        changes.AddRange(before.Procedures.Where(p => !now.ContainsKey(p.Id)).Select(p => new ProcedureChange(ChangeKind.Removed, p.Id, p.Name, p.Field, [])));
        return changes;
    }

    private static List<PartChange> Parts(Procedure was, Procedure now)
    {
        var parts = new List<PartChange>();
        void Text(string part, string label, string before, string after)
        {
            if (!Same(before, after)) parts.Add(new PartChange(part, $"{label} nay là \"{after}\" (trước đây: \"{before}\")"));
        }
        if (!Same(was.Name, now.Name)) parts.Add(new PartChange("name", $"tên thủ tục nay là \"{now.Name}\""));
        if (!Same(was.ProcessingTime, now.ProcessingTime)) parts.Add(new PartChange("time", Time(was.ProcessingTime, now.ProcessingTime)));
        Text("fee", "phí, lệ phí", was.Fee, now.Fee);
        foreach (var c in now.Channels)
        {
            // Per way of submitting, only what the overall time and fee above did not already say.
            var before = was.Channels.FirstOrDefault(b => b.Kind == c.Kind);
            if (before is null) continue;
            if (!Same(before.ProcessingTime, c.ProcessingTime) && Same(was.ProcessingTime, now.ProcessingTime))
                parts.Add(new PartChange("time", $"{c.Name.ToLowerInvariant()}: " + Time(before.ProcessingTime, c.ProcessingTime)));
            if (!Same(before.Fee, c.Fee) && Same(was.Fee, now.Fee)) Text("fee", $"{c.Name.ToLowerInvariant()}: phí, lệ phí", before.Fee, c.Fee);
        }
        if (!SameList(was.Documents, now.Documents)) parts.Add(new PartChange("documents", Listed("thành phần hồ sơ", was.Documents, now.Documents)));
        Text("where", "nơi nộp hồ sơ", was.Where, now.Where);
        if (was.Online != now.Online) parts.Add(new PartChange("online", Online(now.Online)));
        Text("agency", "cơ quan giải quyết", was.Agency, now.Agency);
        if (!SameList(was.Steps, now.Steps)) parts.Add(new PartChange("steps", "trình tự thực hiện thay đổi"));
        Text("result", "kết quả", was.Result, now.Result);
        if (!SameList(was.LegalBasis, now.LegalBasis)) parts.Add(new PartChange("legal", Listed("căn cứ pháp lý", was.LegalBasis, now.LegalBasis)));
        return parts;
    }

    /// <summary>"rút từ 15 xuống 10 ngày làm việc" when both say a number of the same unit; else the new wording.</summary>
    private static string Time(string before, string after)
    {
        if (Days().Match(before) is { Success: true } b && Days().Match(after) is { Success: true } a && Same(b.Groups[2].Value, a.Groups[2].Value))
        {
            var (from, to) = (int.Parse(b.Groups[1].Value), int.Parse(a.Groups[1].Value));
            var unit = a.Groups[2].Value.Trim();
            if (from != to) return $"thời hạn giải quyết {(to < from ? "rút" : "tăng")} từ {from} {(to < from ? "xuống" : "lên")} {to} {unit}";
        }
        return $"thời hạn giải quyết nay là \"{after}\" (trước đây: \"{before}\")";
    }

    private static string Listed(string label, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var added = after.Where(x => !before.Any(y => Same(x, y))).ToList();
        var removed = before.Where(x => !after.Any(y => Same(x, y))).ToList();
        var said = new List<string>();
        if (added.Count > 0) said.Add("thêm " + string.Join(", ", added.Select(x => $"\"{x}\"")));
        if (removed.Count > 0) said.Add("bỏ " + string.Join(", ", removed.Select(x => $"\"{x}\"")));
        return $"{label}: " + (said.Count > 0 ? string.Join("; ", said) : "thay đổi thứ tự");
    }

    private static string Online(OnlineService online) => online.Mode switch
    {
        OnlineMode.Full => $"nay nộp trực tuyến toàn trình{(online.Url is { } url ? $" tại {url}" : "")}",
        OnlineMode.Partial => $"nay nộp trực tuyến một phần{(online.Url is { } url ? $" tại {url}" : "")}",
        _ => "không còn nộp trực tuyến",
    };

    private static bool Same(string a, string b) => string.Equals(Normal(a), Normal(b), StringComparison.Ordinal);

    private static bool SameList(IReadOnlyList<string> a, IReadOnlyList<string> b) => a.Count == b.Count && a.Zip(b).All(x => Same(x.First, x.Second));

    private static string Normal(string text) => Spaces().Replace(text.Normalize(System.Text.NormalizationForm.FormC).Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\s*(\d+)\s+(ngày làm việc|ngày|tháng)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Days();
}
