using System.Text.RegularExpressions;

namespace ReformBot.Core.Conversations;

/// <summary>Personal data kept out of logs: platform user ids, phone numbers and ID-card numbers.</summary>
public static partial class Mask
{
    /// <summary>"6142494823123456789" → "…6789": enough to tell users apart in a log, not to contact them.</summary>
    public static string Id(string? id) => string.IsNullOrEmpty(id) ? "-" : id.Length <= 4 ? "…" : "…" + id[^4..];

    /// <summary>Runs of 8 or more digits (phones, CCCD numbers), spaces and dots allowed inside, become "***".</summary>
    public static string Text(string text) => LongNumber().Replace(text, "***");

    [GeneratedRegex(@"\+?\d(?:[ .-]?\d){7,}")]
    private static partial Regex LongNumber();
}
