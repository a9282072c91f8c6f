using OpenTelemetry.Metrics;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Operations;

internal static class OperationsExtensions
{
    /// <summary>Metrics (Prometheus) and the retention of conversation text.</summary>
    public static void AddOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BotMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(BotMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "System.Runtime")
            .AddPrometheusExporter());
        builder.Services.AddSingleton<Retention>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Retention>());
    }

    /// <summary>GET /metrics in Prometheus text format. Counts only, no personal data; keep it off the public site (deploy/nginx.conf).</summary>
    public static void MapMetrics(this WebApplication app) => app.MapPrometheusScrapingEndpoint("/metrics");

    /// <summary>GET /healthz: the index is loaded, the database takes writes, and which channels are on.</summary>
    public static void MapHealth(this WebApplication app) =>
        app.MapGet("/healthz", (Core.Conversations.LiveKnowledge knowledge, BotDatabase db, IEnumerable<ChannelState> channels) =>
        {
            var writable = db.IsWritable();
            var body = new
            {
                status = writable ? "ok" : "degraded",
                index = new { entries = knowledge.Current.Pack.Entries.Count() },
                database = new { writable },
                channels = channels.ToDictionary(c => c.Channel, c => c.On ? "on" : $"off ({c.Detail})"),
            };
            return writable ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
}
