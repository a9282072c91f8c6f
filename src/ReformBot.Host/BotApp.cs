using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Logging.Console;
using ReformBot.Host.Channels;
using ReformBot.Host.Delivery;
using ReformBot.Host.Intake;
using ReformBot.Host.Operations;
using ReformBot.Host.Staff;
using ReformBot.Host.Turns;

namespace ReformBot.Host;

/// <summary>The host, in the order a message travels: knowledge and storage, channels, the inbox worker and the sender.</summary>
public static class BotApp
{
    /// <param name="configure">Lets tests add configuration (fake platform URLs, a temporary data folder) before services are built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Configuration is read and validated once, at start-up. Reloading it would put a recursive file watcher on the
        // content root, which holds data/ when run from the repository or /opt/reformbot: it woke on every LiteDB write.
        var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
            builder.WebHost.UseUrls("http://localhost:5080");
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Scopes carry the correlation id (Turn, or Ticket for a staff reply). Logging__Console__FormatterName=json makes
        // each line one JSON object for a log collector (deploy/reformbot.service).
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);
        configure?.Invoke(builder);

        // Behind nginx or Caddy (README, "Going live"): the client's address for rate limits comes from X-Forwarded-For.
        builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        // The JSON API writes Vietnamese letters as they are, not as \uXXXX; characters that matter in HTML stay escaped.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        builder.AddBotCore();
        builder.AddOperations();
        builder.AddChannels();
        builder.AddIntake();
        builder.AddTurns();
        builder.AddDelivery();
        builder.AddStaff();

        var app = builder.Build();
        app.OpenBotCore();
        app.UseForwardedHeaders();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapChannels();
        app.MapStaffApi();
        app.MapAnnouncementApi();
        app.MapStaffConsole();
        app.MapAnnouncementConsole();
        app.MapHealth();
        app.MapMetrics();
        app.LogChannelStates();
        return app;
    }
}
