using System.Text;
using System.Text.Json;

namespace ReformBot.Core.Knowledge;

/// <summary>Reads the fields of one JSON object, recording a <see cref="PackProblem"/> for each one missing or of the wrong type.</summary>
internal sealed class JsonFields(JsonElement obj, string file, string path, List<PackProblem> problems)
{
    public string Path => path;

    public static bool IsObject(JsonElement e, string file, string path, List<PackProblem> problems)
    {
        if (e.ValueKind == JsonValueKind.Object) return true;
        problems.Add(new PackProblem(file, path, $"expected a JSON object, found {Describe(e)}"));
        return false;
    }

    public string? RequiredString(string name) => ReadString(name, required: true);

    public string? OptionalString(string name) => ReadString(name, required: false);

    public IReadOnlyList<string> RequiredStrings(string name, bool nonEmpty = true) => ReadStrings(name, required: true, nonEmpty);

    public IReadOnlyList<string> OptionalStrings(string name) => ReadStrings(name, required: false, nonEmpty: false);

    public JsonElement? Child(string name, JsonValueKind kind, bool required)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) Missing(name);
            return null;
        }
        if (value.ValueKind == kind) return value;
        problems.Add(new PackProblem(file, $"{path}.{name}", $"expected {Article(kind)}, found {Describe(value)}"));
        return null;
    }

    public JsonFields? Object(string name, bool required) =>
        Child(name, JsonValueKind.Object, required) is { } child ? new JsonFields(child, file, $"{path}.{name}", problems) : null;

    public bool IsObject(JsonElement e, string at) => IsObject(e, file, at, problems);

    public JsonFields At(JsonElement e, string at) => new(e, file, at, problems);

    public void Problem(string name, string reason) => problems.Add(new PackProblem(file, $"{path}.{name}", reason));

    private string? ReadString(string name, bool required)
    {
        if (Child(name, JsonValueKind.String, required) is not { } value) return null;
        var text = Clean(value.GetString()!);
        if (text.Length > 0) return text;
        if (required) problems.Add(new PackProblem(file, $"{path}.{name}", "must not be empty"));
        return null;
    }

    private IReadOnlyList<string> ReadStrings(string name, bool required, bool nonEmpty)
    {
        if (Child(name, JsonValueKind.Array, required) is not { } array) return [];
        var list = new List<string>();
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && Clean(item.GetString()!) is { Length: > 0 } text) list.Add(text);
            else problems.Add(new PackProblem(file, $"{path}.{name}[{i}]", $"expected a non-empty string, found {Describe(item)}"));
            i++;
        }
        if (nonEmpty && array.GetArrayLength() == 0) problems.Add(new PackProblem(file, $"{path}.{name}", "must list at least one item"));
        return list;
    }

    private void Missing(string name) => problems.Add(new PackProblem(file, $"{path}.{name}", "required field is missing"));

    /// <summary>Text comes in NFC, whatever the editor saved, so that analysis sees one form.</summary>
    internal static string Clean(string text) => text.Normalize(NormalizationForm.FormC).Trim();

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => Article(e.ValueKind),
    };

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
