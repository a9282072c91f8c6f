using System.Text.Json;
using Microsoft.Extensions.Options;
using ReformBot.Host.Intake;

namespace ReformBot.Host.Channels.Zalo;

internal static class ZaloEndpoints
{
    public static void MapZalo(this IEndpointRouteBuilder app) =>
        app.MapPost("/webhooks/zalo", async (HttpRequest request, IOptions<ZaloOptions> options, MessageIntake intake, TimeProvider time, CancellationToken ct) =>
        {
            var o = options.Value;
            var signature = request.Headers[ZaloSignature.Header].ToString();
            if (signature.Length == 0) return Results.Unauthorized();
            var body = await RawBody.ReadAsync(request, intake.MaxBodyBytes, ct);
            if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            // The signature covers the body's own timestamp, so that one field is read before verifying; what the parser
            // says of a body nobody has vouched for is not told to its sender.
            JsonElement root;
            string timestamp;
            try
            {
                (root, timestamp) = ZaloWebhook.Read(body);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }
            if (!ZaloSignature.IsValid(body, timestamp, signature, o.AppId, o.OaSecretKey)) return Results.Unauthorized();
            try
            {
                if (time.GetUtcNow() - ZaloWebhook.SentAt(timestamp) > TimeSpan.FromHours(o.MaxEventAgeHours))
                    return Results.BadRequest(new { error = $"The event is older than {o.MaxEventAgeHours} h: refused as a replay." });
                var activity = ZaloWebhook.Parse(root, timestamp);
                return activity is null ? Results.Ok(new { ignored = true }) : await intake.AcceptAsync([activity]);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return Results.BadRequest(new { error = $"Not a Zalo OA event: {e.Message}" });
            }
        });
}
