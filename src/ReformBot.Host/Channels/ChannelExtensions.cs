using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using ReformBot.Host.Channels.Facebook;
using ReformBot.Host.Channels.WebChat;
using ReformBot.Host.Channels.Zalo;
using ReformBot.Host.Delivery;
using ReformBot.Host.Operations;

namespace ReformBot.Host.Channels;

internal static class ChannelExtensions
{
    /// <summary>
    /// Options for every channel (validated at start-up), and the adapters of the channels that have credentials, keyed
    /// by channel name: a send resolves only its own channel's adapter (and typed HttpClient).
    /// </summary>
    public static void AddChannels(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        AddValidated<FacebookOptions, FacebookOptionsValidator>(services, FacebookOptions.Section);
        AddValidated<ZaloOptions, ZaloOptionsValidator>(services, ZaloOptions.Section);
        AddValidated<DeliveryOptions, DeliveryOptionsValidator>(services, DeliveryOptions.Section);
        services.AddSingleton<PlatformResilience>();
        // Deliveries are logged by the outbox, with the user id masked; the factory's four lines per request are noise.
        services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers());

        var facebook = builder.Configuration.GetSection(FacebookOptions.Section).Get<FacebookOptions>() ?? new();
        services.AddSingleton(State(FacebookWebhook.Channel, facebook.Missing()));
        if (facebook.IsOn)
        {
            services.AddHttpClient<FacebookAdapter>((sp, http) => http.BaseAddress = BaseAddress(sp.GetRequiredService<IOptions<FacebookOptions>>().Value.GraphApiBaseUrl))
                .AddPlatformResilience(FacebookWebhook.Channel);
            services.AddKeyedTransient<IChannelAdapter>(FacebookWebhook.Channel, (sp, _) => sp.GetRequiredService<FacebookAdapter>());
        }

        var zalo = builder.Configuration.GetSection(ZaloOptions.Section).Get<ZaloOptions>() ?? new();
        services.AddSingleton(State(ZaloWebhook.Channel, zalo.Missing()));
        if (zalo.IsOn)
        {
            // No retries for the token call: a refresh token is single-use, and a retried refresh could spend it twice.
            services.AddHttpClient<ZaloTokens>((sp, http) =>
            {
                http.BaseAddress = BaseAddress(sp.GetRequiredService<IOptions<ZaloOptions>>().Value.OAuthBaseUrl);
                http.Timeout = TimeSpan.FromSeconds(15);
            });
            services.AddHttpClient<ZaloAdapter>((sp, http) => http.BaseAddress = BaseAddress(sp.GetRequiredService<IOptions<ZaloOptions>>().Value.OpenApiBaseUrl))
                .AddPlatformResilience(ZaloWebhook.Channel);
            services.AddKeyedTransient<IChannelAdapter>(ZaloWebhook.Channel, (sp, _) => sp.GetRequiredService<ZaloAdapter>());
        }

        services.AddSingleton(new ChannelState(WebChatAdapter.Name, true, "always on"));
        services.AddSingleton<WebChatAdapter>();
        services.AddKeyedSingleton<IChannelAdapter>(WebChatAdapter.Name, (sp, _) => sp.GetRequiredService<WebChatAdapter>());
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(WebChatEndpoints.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) }));
        });
    }

    public static void MapChannels(this WebApplication app)
    {
        var states = app.Services.GetServices<ChannelState>().ToDictionary(s => s.Channel);
        if (states[FacebookWebhook.Channel].On) app.MapFacebook();
        if (states[ZaloWebhook.Channel].On) app.MapZalo();
        app.MapWebChat();
    }

    public static void LogChannelStates(this WebApplication app)
    {
        foreach (var state in app.Services.GetServices<ChannelState>())
        {
            if (state.On) app.Logger.LogInformation("Channel {Channel}: on", state.Channel);
            else app.Logger.LogWarning("Channel {Channel}: off, {Detail}", state.Channel, state.Detail);
        }
    }

    private static ChannelState State(string channel, IEnumerable<string> missing)
    {
        var keys = missing.ToList();
        return new ChannelState(channel, keys.Count == 0, keys.Count == 0 ? "credentials set" : "missing setting " + string.Join(", ", keys));
    }

    private static void AddValidated<TOptions, TValidator>(IServiceCollection services, string section)
        where TOptions : class where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }

    private static Uri BaseAddress(string url) => new(url.TrimEnd('/') + "/");
}
