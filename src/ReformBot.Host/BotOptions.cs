using Microsoft.Extensions.Options;

namespace ReformBot.Host;

/// <summary>The <c>ReformBot</c> section: where the knowledge and the data live, and the limits of the message path.</summary>
public sealed class BotOptions
{
    public const string Section = "ReformBot";

    public string KnowledgePath { get; set; } = "knowledge";
    public string DataPath { get; set; } = "data";
    /// <summary>Messages from one user within this many seconds of each other are answered as one turn.</summary>
    public double MessageWindowSeconds { get; set; } = 2;
    /// <summary>Webhook bodies above this size get 413.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;
    /// <summary>Messages one user may send per minute; the excess is acknowledged and dropped, so no one starves the others.</summary>
    public int MessagesPerMinutePerUser { get; set; } = 30;
    /// <summary>
    /// Conversation text (answered messages, sent replies, web chat, closed tickets' text and user id) is kept this many
    /// days; ticket statistics stay. At least 7: redeliveries must still be recognised.
    /// </summary>
    public int RetentionDays { get; set; } = 365;
}

internal sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.KnowledgePath)) errors.Add("ReformBot:KnowledgePath must name a folder.");
        if (string.IsNullOrWhiteSpace(o.DataPath)) errors.Add("ReformBot:DataPath must name a folder.");
        if (o.MessageWindowSeconds is < 0 or > 60) errors.Add($"ReformBot:MessageWindowSeconds must be between 0 and 60 (is {o.MessageWindowSeconds}).");
        if (o.MaxBodyBytes is < 1024 or > 16 * 1024 * 1024) errors.Add($"ReformBot:MaxBodyBytes must be between 1024 and 16777216 (is {o.MaxBodyBytes}).");
        if (o.RetentionDays < 7) errors.Add($"ReformBot:RetentionDays must be at least 7 (is {o.RetentionDays}).");
        if (o.MessagesPerMinutePerUser < 1) errors.Add($"ReformBot:MessagesPerMinutePerUser must be at least 1 (is {o.MessagesPerMinutePerUser}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

internal static class Urls
{
    public static bool IsHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
