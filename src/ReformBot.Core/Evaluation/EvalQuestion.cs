using System.Text.Json;

namespace ReformBot.Core.Evaluation;

/// <summary>One labelled question: <c>Expect</c> is the id that answers it, or null when the bot must not answer.</summary>
public sealed record EvalQuestion(string Q, string? Expect, string Kind)
{
    public const string OutOfScope = "out-of-scope";

    public bool InScope => Expect is not null;

    /// <summary>Reads a JSONL question set (format in knowledge/README.md); a bad line stops with its line number.</summary>
    public static IReadOnlyList<EvalQuestion> Load(string path)
    {
        var questions = new List<EvalQuestion>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var q = root.GetProperty("q").GetString() ?? throw new FormatException("\"q\" is null");
                var expect = root.TryGetProperty("expect", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                var kind = root.TryGetProperty("kind", out var k) && k.GetString() is { } s ? s : expect is null ? OutOfScope : "unlabelled";
                questions.Add(new EvalQuestion(q, expect, kind));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
            {
                throw new FormatException($"{path} line {lineNumber}: {ex.Message}", ex);
            }
        }
        return questions;
    }
}
