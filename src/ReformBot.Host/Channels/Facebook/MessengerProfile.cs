using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace ReformBot.Host.Channels.Facebook;

/// <summary>
/// The page's Get Started button, greeting and persistent menu, set through the Messenger Profile API
/// (<c>reformbot facebook setup-profile</c>). Menu items send their title as the question, so the knowledge pack answers them.
/// </summary>
public static class MessengerProfile
{
    public const string Greeting =
        "Chào {{user_first_name}}! Tôi trả lời về thủ tục hành chính: hồ sơ, nơi nộp, thời hạn, phí và nộp trực tuyến. Bấm Bắt đầu để hỏi.";

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

    public static Profile Build() => new(
        new Payload(FacebookWebhook.GetStarted),
        [new LocalisedText("default", Greeting)],
        [new PersistentMenu("default", false, Menu.Select(title => new MenuItem("postback", title, title)).ToList())]);

    /// <summary>Posts the profile; returns the platform's answer as text, or throws with the platform's error.</summary>
    public static async Task<string> SetUpAsync(HttpClient http, FacebookOptions options, CancellationToken ct)
    {
        var url = $"{options.GraphApiBaseUrl.TrimEnd('/')}/me/messenger_profile?{options.Credentials()}";
        using var response = await http.PostAsJsonAsync(url, Build(), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"Messenger Profile API answered {(int)response.StatusCode}: {body}");
        return body;
    }
}
