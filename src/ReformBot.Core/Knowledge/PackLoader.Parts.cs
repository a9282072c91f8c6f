using System.Text.Json;
using System.Text.RegularExpressions;
using ReformBot.Core.Knowledge.Analysis;

namespace ReformBot.Core.Knowledge;

public static partial class PackLoader
{
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex IdPattern();

    private static string? ReadId(JsonFields f)
    {
        var id = f.RequiredString("id");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            f.Problem("id", $"id \"{id}\" must be lowercase ASCII letters, digits, '.', '_' or '-', starting with a letter or digit");
            return null;
        }
        return id;
    }

    private static IReadOnlyList<FaqEntry>? ReadFaqFile(JsonElement root, string file, string _, List<PackProblem> problems)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new PackProblem(file, "$", "an FAQ file must be a JSON array of entries"));
            return null;
        }
        var before = problems.Count;
        var entries = new List<FaqEntry>();
        var i = 0;
        foreach (var item in root.EnumerateArray())
        {
            var path = $"$[{i++}]";
            if (!JsonFields.IsObject(item, file, path, problems)) continue;
            var f = new JsonFields(item, file, path, problems);
            var id = ReadId(f);
            var questions = f.RequiredStrings("questions");
            var answer = f.RequiredString("answer");
            var tags = f.OptionalStrings("tags");
            var links = ReadLinks(f);
            if (id is not null && answer is not null && questions.Count > 0)
                entries.Add(new FaqEntry(id, file, questions, answer, tags, links));
        }
        return problems.Count == before ? entries : null;
    }

    private static IReadOnlyList<FaqLink> ReadLinks(JsonFields f)
    {
        if (f.Child("links", JsonValueKind.Array, required: false) is not { } array) return [];
        var links = new List<FaqLink>();
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"{f.Path}.links[{i++}]";
            if (!f.IsObject(item, path)) continue;
            var link = f.At(item, path);
            var title = link.RequiredString("title");
            var url = link.RequiredString("url");
            if (url is not null && !IsWebAddress(url)) link.Problem("url", $"\"{url}\" is not an http(s) address");
            else if (title is not null && url is not null)
                links.Add(new FaqLink(title, url));
        }
        return links;
    }

    private static string? ReadSynonyms(string directory, List<PackProblem> problems)
    {
        var path = Path.Combine(directory, "synonyms.txt");
        if (!File.Exists(path)) return null;
        var text = File.ReadAllText(path);
        problems.AddRange(Thesaurus.Validate(text).Select(p => new PackProblem("synonyms.txt", $"line {p.Line}", p.Reason)));
        return text;
    }

    private static Office? ReadOffice(string directory, List<PackProblem> problems)
    {
        var path = Path.Combine(directory, "office.json");
        if (!File.Exists(path)) return null;
        using var doc = ParseJson(path, "office.json", problems);
        if (doc is null || !JsonFields.IsObject(doc.RootElement, "office.json", "$", problems)) return null;
        var f = new JsonFields(doc.RootElement, "office.json", "$", problems);
        return new Office(f.OptionalString("name"), f.OptionalString("address"), f.OptionalString("hotline"),
            f.OptionalString("email"), f.OptionalString("hours"));
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>System.Text.Json appends 0-based " LineNumber: … | BytePositionInLine: …" and " Path: …"; the location says it better.</summary>
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal) is var i and > 0 ? i : message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
