using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ReformBot.Host.Channels.Facebook;

/// <summary>
/// The page's Get Started button, greeting and persistent menu, set through the Messenger Profile API
/// (<c>reformbot facebook setup-profile</c>). The greeting is the start of the bot's own (the pack's), which Get Started
/// then sends whole with its topics. Menu items send their title as the question, so the knowledge pack answers them.
/// </summary>
public static partial class MessengerProfile
{
    /// <summary>Messenger shows at most 160 characters of greeting before the citizen presses Get Started.</summary>
    public const int MaxGreeting = 160;

    public static readonly string[] Menu = ["Thủ tục hành chính", "Dịch vụ công trực tuyến", "Thanh toán", "Gặp cán bộ"];

    public sealed record Profile(
        [property: JsonPropertyName("get_started")] Payload GetStarted,
        [property: JsonPropertyName("greeting")] List<LocalisedText> Greeting,
        [property: JsonPropertyName("persistent_menu")] List<PersistentMenu> PersistentMenu);

    public sealed record Payload([property: JsonPropertyName("payload")] string Value);

    public sealed record LocalisedText([property: JsonPropertyName("locale")] string Locale, [property: JsonPropertyName("text")] string Text);

    public sealed record PersistentMenu(
        [property: JsonPropertyName("locale")] string Locale,
        [property: JsonPropertyName("composer_input_disabled")] bool ComposerInputDisabled,
        [property: JsonPropertyName("call_to_actions")] List<MenuItem> CallToActions);

    public sealed record MenuItem(
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("payload")] string Payload);

    public static Profile Build(string greeting) => new(
        new Payload(FacebookWebhook.GetStarted),
        [new LocalisedText("default", WelcomeText(greeting))],
        [new PersistentMenu("default", false, Menu.Select(title => new MenuItem("postback", title, title)).ToList())]);

    /// <summary>Posts the profile; returns the platform's answer as text, or throws with the platform's error.</summary>
    public static async Task<string> SetUpAsync(HttpClient http, FacebookOptions options, string greeting, CancellationToken ct)
    {
        var url = $"{options.GraphApiBaseUrl.TrimEnd('/')}/me/messenger_profile?{options.Credentials()}";
        using var response = await http.PostAsJsonAsync(url, Build(greeting), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"Messenger Profile API answered {(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>The whole sentences of <paramref name="greeting"/> that fit in <see cref="MaxGreeting"/> characters.</summary>
    public static string WelcomeText(string greeting)
    {
        var whole = greeting.Trim();
        var text = "";
        foreach (var sentence in SentenceEnd().Split(whole).Where(s => s.Length > 0))
        {
            var longer = text.Length == 0 ? sentence : $"{text} {sentence}";
            if (longer.Length > MaxGreeting) break;
            text = longer;
        }
        if (text.Length > 0 || whole.Length <= MaxGreeting) return text; // whole sentences, or nothing to say
        var cut = whole.LastIndexOf(' ', MaxGreeting - 2);
        return whole[..(cut > 0 ? cut : MaxGreeting - 1)].TrimEnd() + "…";
    }

    [GeneratedRegex(@"(?<=[.!?…])\s+|\s*\n\s*")]
    private static partial Regex SentenceEnd();
}
