using System.Globalization;
using System.Text.Json;

namespace ReformBot.Core.Knowledge.Import;

/// <summary>Where in the file, and what is wrong there.</summary>
public sealed record ImportProblem(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}

/// <summary>The file is not in the expected shape: refused as a whole, at its first wrong element.</summary>
public sealed class ImportFormatException(ImportProblem problem) : Exception(problem.ToString())
{
    public ImportProblem Problem { get; } = problem;
}

/// <summary>
/// Procedures in the shape of the national public service portal's sharing service (<c>LayThuTuc</c>: MATTHC, TENTTHC,
/// LINHVUCTHUCHIEN, TRINHTUTHUCHIEN, CACHTHUCTHUCHIEN with KENH/THOIGIAN/PHILEPHI, THANHPHANHOSO/GIAYTO, KETQUATHUCHIEN,
/// CANCUPHAPLY, COQUANTHUCHIEN, YEUCAU, TRANGTHAI), as pack procedures. A procedure missing what the pack requires is
/// reported and skipped; an element of the wrong kind refuses the file.
/// </summary>
public static class DvcqgReader
{
    /// <summary>The public page of a procedure on the national portal, where it can also be submitted online.</summary>
    public const string PortalPage = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=";

    /// <summary>Reads procedures from an array at <paramref name="path"/>; <paramref name="idOf"/> names each by its code.</summary>
    public static (List<Procedure> Procedures, List<ImportProblem> Skipped) Read(JsonElement array, string path, Func<string, string> idOf)
    {
        if (array.ValueKind != JsonValueKind.Array) throw Wrong(path, "expected an array of procedures");
        var procedures = new List<Procedure>();
        var skipped = new List<ImportProblem>();
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = $"{path}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object) throw Wrong(at, "expected a procedure (an object)");
            if (Procedure(item, at, idOf, skipped) is { } p) procedures.Add(p);
        }
        return (procedures, skipped);
    }

    private static Procedure? Procedure(JsonElement e, string at, Func<string, string> idOf, List<ImportProblem> skipped)
    {
        var code = Text(e, at, "MATTHC");
        var name = Text(e, at, "TENTTHC");
        var fields = Items(e, at, "LINHVUCTHUCHIEN").Select(x => Text(x.E, x.At, "TENLINHVUC")).OfType<string>().ToList();
        var agencies = Items(e, at, "COQUANTHUCHIEN").Select(x => Text(x.E, x.At, "TENDONVI")).OfType<string>().ToList();
        var channels = Items(e, at, "CACHTHUCTHUCHIEN").Select(x => Channel(x.E, x.At)).ToList();
        var documents = Items(e, at, "THANHPHANHOSO").SelectMany(x => Items(x.E, x.At, "GIAYTO")).Select(x => Document(x.E, x.At)).OfType<string>().ToList();
        var cases = Items(e, at, "TRINHTUTHUCHIEN").Select(x => (Case: Text(x.E, x.At, "TRUONGHOP"),
            Steps: Items(x.E, x.At, "TRINHTU").Select(s => Text(s.E, s.At, "TENTRINHTU")).OfType<string>().ToList())).ToList();
        var results = Items(e, at, "KETQUATHUCHIEN").Select(x => Text(x.E, x.At, "TENKETQUA")).OfType<string>().ToList();
        var legal = Items(e, at, "CANCUPHAPLY").Select(x => Join(" ", Text(x.E, x.At, "SOVANBAN"), Text(x.E, x.At, "TENVANBAN"))).Where(s => s.Length > 0).ToList();
        var status = Text(e, at, "TRANGTHAI");

        var missing = new List<string>();
        if (code is null) missing.Add("MATTHC");
        if (name is null) missing.Add("TENTTHC");
        if (fields.Count == 0) missing.Add("LINHVUCTHUCHIEN");
        if (agencies.Count == 0) missing.Add("COQUANTHUCHIEN");
        if (channels.Count == 0 || channels.All(c => c.ProcessingTime.Length == 0)) missing.Add("CACHTHUCTHUCHIEN (THOIGIAN)");
        if (documents.Count == 0) missing.Add("THANHPHANHOSO");
        if (cases.All(c => c.Steps.Count == 0)) missing.Add("TRINHTUTHUCHIEN");
        if (results.Count == 0) missing.Add("KETQUATHUCHIEN");
        if (missing.Count > 0)
        {
            skipped.Add(new ImportProblem(at, $"{code ?? "(no code)"} skipped: missing {string.Join(", ", missing)}"));
            return null;
        }
        if (status is not null && status != "1")
        {
            skipped.Add(new ImportProblem(at, $"{code} skipped: not public (TRANGTHAI {status})"));
            return null;
        }

        var agency = string.Join("; ", agencies.Distinct());
        var ways = channels.Where(c => c.ProcessingTime.Length > 0).ToList();
        var first = ways.FirstOrDefault(c => c.Kind == "direct") ?? ways[0];
        var online = ways.Any(c => c.Kind == "online");
        var several = cases.Count(c => c.Steps.Count > 0) > 1;
        return new Procedure(
            idOf(code!), "", code, name!, string.Join("; ", fields.Distinct()), Level(agency), agency, Where(agency, ways),
            online ? new OnlineService(OnlineMode.Partial, PortalPage + code) : new OnlineService(OnlineMode.None, null),
            first.ProcessingTime, first.Fee, documents,
            cases.SelectMany(c => c.Steps.Select(s => several && c.Case is { Length: > 0 } k ? $"{k}: {s}" : s)).ToList(),
            string.Join("; ", results), legal, [])
        {
            Channels = ways.Select(c => c.Kind).Distinct().Count() > 1 ? ways.DistinctBy(c => c.Kind).ToList() : [],
        };
    }

    private static ChannelTerms Channel(JsonElement e, string at)
    {
        var kind = Text(e, at, "KENH") switch
        {
            "1" => "direct",
            "2" => "online",
            "3" => "postal",
            var other => throw Wrong($"{at}.KENH", $"unknown channel {other ?? "(none)"} (expected 1 direct, 2 online or 3 postal)"),
        };
        var times = Items(e, at, "THOIGIAN").ToList();
        var time = string.Join("; ", times.Select(t => Join(" ", Text(t.E, t.At, "THOIGIANGIAIQUYET"), Text(t.E, t.At, "DONVITINH"))
            + (Text(t.E, t.At, "MOTA") is { } note ? $" ({note})" : "")).Where(s => s.Trim().Length > 0));
        var fees = times.SelectMany(t => Items(t.E, t.At, "PHILEPHI")).Select(f => Fee(f.E, f.At)).Where(s => s.Length > 0).Distinct().ToList();
        return new ChannelTerms(kind, time.Trim(), fees.Count > 0 ? string.Join("; ", fees) : "Không thu phí");
    }

    private static string Fee(JsonElement e, string at)
    {
        var amount = Text(e, at, "SOTIEN");
        var note = Text(e, at, "MOTA");
        if (amount is null or "0" && note is null) return "";
        var money = amount is null or "0" ? null : decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
            ? n.ToString("#,0", CultureInfo.GetCultureInfo("vi-VN")) + " " + (Text(e, at, "DONVI") ?? "đồng")
            : amount;
        return Join(": ", note, money);
    }

    private static string? Document(JsonElement e, string at)
    {
        var name = Text(e, at, "TENGIAYTO");
        if (name is null) return null;
        var form = Text(e, at, "TENMAUDON");
        var url = Text(e, at, "URL");
        return form is null && url is null ? name : $"{name} (mẫu: {Join(", ", form, url)})";
    }

    private static string Level(string agency) => Lower(agency) switch
    {
        var a when a.Contains("cấp xã") || a.Contains("ủy ban nhân dân xã") || a.Contains("ủy ban nhân dân phường") || a.Contains("thị trấn") => "Cấp xã",
        var a when a.Contains("cấp huyện") || a.Contains("huyện") || a.Contains("quận") => "Cấp huyện",
        var a when a.StartsWith("bộ ") || a.Contains("cục ") || a.Contains("tổng cục") => "Cấp trung ương",
        _ => "Cấp tỉnh",
    };

    private static string Where(string agency, IReadOnlyList<ChannelTerms> ways)
    {
        var how = new List<string>();
        if (ways.Any(c => c.Kind == "direct")) how.Add($"nộp trực tiếp tại {agency}");
        if (ways.Any(c => c.Kind == "postal")) how.Add("qua dịch vụ bưu chính công ích");
        if (ways.Any(c => c.Kind == "online")) how.Add("trực tuyến trên Cổng Dịch vụ công quốc gia");
        var text = string.Join(", ", how);
        return char.ToUpper(text[0]) + text[1..];
    }

    private static string Lower(string s) => s.ToLower(CultureInfo.GetCultureInfo("vi-VN"));

    private static string Join(string separator, params string?[] parts) => string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));

    /// <summary>A string, or a number as written; null when absent or empty; any other kind refuses the file.</summary>
    private static string? Text(JsonElement e, string at, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        var text = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString()!,
            JsonValueKind.Number => v.GetRawText(),
            _ => throw Wrong($"{at}.{name}", $"expected text, found {v.ValueKind.ToString().ToLowerInvariant()}"),
        };
        text = text.Normalize(System.Text.NormalizationForm.FormC).Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>The objects of an array; absent or null is none; any other kind refuses the file.</summary>
    private static IEnumerable<(JsonElement E, string At)> Items(JsonElement e, string at, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return [];
        if (v.ValueKind != JsonValueKind.Array) throw Wrong($"{at}.{name}", $"expected an array, found {v.ValueKind.ToString().ToLowerInvariant()}");
        return v.EnumerateArray().Select((item, i) => item.ValueKind == JsonValueKind.Object
            ? (item, $"{at}.{name}[{i}]")
            : throw Wrong($"{at}.{name}[{i}]", $"expected an object, found {item.ValueKind.ToString().ToLowerInvariant()}")).ToList();
    }

    private static ImportFormatException Wrong(string path, string reason) => new(new ImportProblem(path, reason));
}
