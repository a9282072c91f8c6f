using System.Text.Json;

namespace ReformBot.Core.Knowledge;

/// <summary>
/// Loads a knowledge pack folder (format in knowledge/README.md) and validates all of it, collecting every problem
/// with file, location and reason rather than stopping at the first.
/// </summary>
public static partial class PackLoader
{
    public static PackLoadResult Load(string directory)
    {
        var problems = new List<PackProblem>();
        if (!System.IO.Directory.Exists(directory))
            return new PackLoadResult(null, [new PackProblem(directory, "", "knowledge folder does not exist")]);

        var procedures = ReadFiles(directory, "procedures", problems, ReadProcedure).ToList();
        var faq = ReadFiles(directory, "faq", problems, ReadFaqFile).SelectMany(e => e).ToList();
        var synonyms = ReadSynonyms(directory, problems);
        var office = ReadOffice(directory, problems);

        var entries = procedures.Cast<KnowledgeEntry>().Concat(faq).ToList();
        if (entries.Count == 0 && problems.Count == 0)
            problems.Add(new PackProblem(directory, "", "the pack has no procedures/*.json and no faq/*.json entries"));
        foreach (var duplicate in entries.GroupBy(e => e.Id).Where(g => g.Count() > 1))
        {
            var files = string.Join(", ", duplicate.Select(e => e.File));
            problems.Add(new PackProblem(duplicate.Last().File, $"id \"{duplicate.Key}\"", $"duplicate id, used {duplicate.Count()} times, in {files}"));
        }

        return problems.Count > 0
            ? new PackLoadResult(null, problems)
            : new PackLoadResult(new KnowledgePack(directory, procedures, faq, synonyms, office), problems);
    }

    private static IEnumerable<T> ReadFiles<T>(string root, string folder, List<PackProblem> problems,
        Func<JsonElement, string, string, List<PackProblem>, T?> read) where T : class
    {
        var dir = Path.Combine(root, folder);
        if (!System.IO.Directory.Exists(dir)) yield break;
        foreach (var path in System.IO.Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            var file = $"{folder}/{Path.GetFileName(path)}";
            if (ParseJson(path, file, problems) is not { } doc) continue;
            using (doc)
            {
                if (read(doc.RootElement, file, Path.GetFileNameWithoutExtension(path), problems) is { } item) yield return item;
            }
        }
    }

    private static JsonDocument? ParseJson(string path, string file, List<PackProblem> problems)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path)); // ReadAllText drops a UTF-8 byte order mark
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, column {e.BytePositionInLine + 1}" : "";
            problems.Add(new PackProblem(file, where, $"invalid JSON: {FirstSentence(e.Message)}"));
            return null;
        }
    }

    private static Procedure? ReadProcedure(JsonElement root, string file, string fileId, List<PackProblem> problems)
    {
        if (!JsonFields.IsObject(root, file, "$", problems)) return null;
        var before = problems.Count;
        var f = new JsonFields(root, file, "$", problems);
        var id = ReadId(f);
        if (id is not null && id != fileId)
            f.Problem("id", $"id \"{id}\" does not match the file name (expected \"{fileId}\")");
        var procedure = new Procedure(
            id ?? "", file, f.OptionalString("code"), f.RequiredString("name") ?? "", f.RequiredString("field") ?? "",
            f.RequiredString("level") ?? "", f.RequiredString("agency") ?? "", f.RequiredString("where") ?? "",
            ReadOnline(f), f.RequiredString("processingTime") ?? "", f.RequiredString("fee") ?? "",
            f.RequiredStrings("documents"), f.RequiredStrings("steps"), f.RequiredString("result") ?? "",
            f.OptionalStrings("legalBasis"), f.OptionalStrings("keywords")) { Channels = ReadChannels(f) };
        return problems.Count == before ? procedure : null;
    }

    private static List<ChannelTerms> ReadChannels(JsonFields parent)
    {
        if (parent.Child("channels", JsonValueKind.Array, required: false) is not { } array) return [];
        var channels = new List<ChannelTerms>();
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = $"{parent.Path}.channels[{i++}]";
            if (!parent.IsObject(item, at)) continue;
            var f = parent.At(item, at);
            var kind = f.RequiredString("kind");
            if (kind is not null && !ChannelTerms.Kinds.Contains(kind)) f.Problem("kind", $"unknown channel \"{kind}\" (expected direct, online or postal)");
            if ((kind, f.RequiredString("processingTime"), f.RequiredString("fee")) is ({ } k, { } time, { } fee)) channels.Add(new ChannelTerms(k, time, fee));
        }
        return channels;
    }

    private static OnlineService ReadOnline(JsonFields parent)
    {
        if (parent.Object("online", required: true) is not { } f) return new OnlineService(OnlineMode.None, null);
        var modeText = f.RequiredString("mode");
        var url = f.OptionalString("url");
        OnlineMode? mode = modeText switch
        {
            "full" => OnlineMode.Full,
            "partial" => OnlineMode.Partial,
            "none" => OnlineMode.None,
            _ => null,
        };
        if (modeText is not null && mode is null)
            f.Problem("mode", $"unknown online mode \"{modeText}\" (expected full, partial or none)");
        if (mode is OnlineMode.Full or OnlineMode.Partial && url is null)
            f.Problem("url", $"a url is required when online.mode is {modeText}");
        if (url is not null && !IsWebAddress(url)) f.Problem("url", $"\"{url}\" is not an http(s) address");
        return new OnlineService(mode ?? OnlineMode.None, url);
    }
}
