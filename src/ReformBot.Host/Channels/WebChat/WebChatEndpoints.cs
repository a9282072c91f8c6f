using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ReformBot.Core.Conversations;
using ReformBot.Core.Storage;
using ReformBot.Host.Channels.Zalo;
using ReformBot.Host.Intake;

namespace ReformBot.Host.Channels.WebChat;

/// <summary>
/// The chat page on "/" and its calls: the greeting for the first screen, post a message, poll for replies. Same inbox
/// and outbox as the platforms.
/// </summary>
internal static partial class WebChatEndpoints
{
    public const string RateLimitPolicy = "webchat";
    private const int MaxText = 2000;

    public sealed record PostedMessage(string? Session, string? Id, string? Text, string? Choice);

    public static void MapWebChat(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (IOptions<ZaloOptions> zalo) =>
        {
            var meta = zalo.Value.SiteVerification is { Length: > 0 } code
                ? $"<meta name=\"zalo-platform-site-verification\" content=\"{WebUtility.HtmlEncode(code)}\">"
                : "";
            return Results.Content(Page("index.html").Replace("<!--zalo-site-verification-->", meta), "text/html; charset=utf-8");
        });
        app.MapGet("/chat.js", () => Results.Content(Page("chat.js"), "text/javascript; charset=utf-8"));
        app.MapGet("/chat.css", () => Results.Content(Page("chat.css"), "text/css; charset=utf-8"));

        var api = app.MapGroup("/webchat").RequireRateLimiting(RateLimitPolicy);
        // The first screen, before the citizen types: the same greeting and topics as Zalo's follow and Messenger's Get Started.
        api.MapGet("/greeting", (LiveKnowledge knowledge) =>
        {
            var greeting = knowledge.Bot.Greeting;
            return Results.Ok(new { text = greeting.Text, choices = greeting.Choices.Select(c => new { title = c.Title, payload = c.Payload }) });
        });
        api.MapPost("/messages", async (PostedMessage m, MessageIntake intake, TimeProvider time) =>
        {
            if (m.Session is null || !Token().IsMatch(m.Session)) return Results.BadRequest(new { error = "session must be 8–64 letters, digits, '-' or '_'" });
            if (m.Id is null || !Token().IsMatch(m.Id)) return Results.BadRequest(new { error = "id must be 8–64 letters, digits, '-' or '_'" });
            var isChoice = m.Choice is { Length: > 0 };
            var text = isChoice ? m.Choice! : m.Text?.Trim() ?? "";
            if (text.Length is 0 or > MaxText) return Results.BadRequest(new { error = $"text must be 1–{MaxText} characters" });
            var kind = isChoice ? ActivityKind.Choice : ActivityKind.Text;
            return await intake.AcceptAsync([new Activity(WebChatAdapter.Name, m.Session, m.Id, kind, text, time.GetUtcNow())]);
        });
        api.MapGet("/messages", (string? session, long? after, WebChatStore messages) =>
        {
            if (session is null || !Token().IsMatch(session)) return Results.BadRequest(new { error = "session is required" });
            var since = after ?? 0;
            var replies = messages.After(session, since, 50)
                .Select(x => new { id = x.Id, text = x.Text, choices = x.Choices.Select(c => new { title = c.Title, payload = c.Payload }), escalated = x.Escalated });
            return Results.Ok(replies.ToList());
        });
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Pages = new();

    private static string Page(string file) => Pages.GetOrAdd(file, Read);

    private static string Read(string file)
    {
        using var stream = typeof(WebChatEndpoints).Assembly.GetManifestResourceStream($"ReformBot.WebChat.{file}")
            ?? throw new InvalidOperationException($"The web chat file {file} is not embedded.");
        return new StreamReader(stream).ReadToEnd();
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex Token();
}
