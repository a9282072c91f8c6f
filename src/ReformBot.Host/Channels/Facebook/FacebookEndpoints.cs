using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ReformBot.Host.Intake;

namespace ReformBot.Host.Channels.Facebook;

internal static class FacebookEndpoints
{
    public static void MapFacebook(this IEndpointRouteBuilder app)
    {
        app.MapGet("/webhooks/facebook", (HttpRequest request, IOptions<FacebookOptions> options) =>
        {
            var q = request.Query;
            var token = Encoding.UTF8.GetBytes(q["hub.verify_token"].ToString());
            var expected = Encoding.UTF8.GetBytes(options.Value.VerifyToken);
            return q["hub.mode"] == "subscribe" && CryptographicOperations.FixedTimeEquals(token, expected)
                ? Results.Text(q["hub.challenge"].ToString())
                : Results.StatusCode(StatusCodes.Status403Forbidden);
        });

        app.MapPost("/webhooks/facebook", async (HttpRequest request, IOptions<FacebookOptions> options, MessageIntake intake, CancellationToken ct) =>
        {
            var body = await RawBody.ReadAsync(request, intake.MaxBodyBytes, ct);
            if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            var signature = request.Headers[FacebookSignature.Header].ToString();
            if (signature.Length == 0) return Results.Unauthorized();
            if (!FacebookSignature.IsValid(body, signature, options.Value.AppSecret)) return Results.StatusCode(StatusCodes.Status403Forbidden);
            try
            {
                return await intake.AcceptAsync(FacebookWebhook.Parse(body));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return Results.BadRequest(new { error = $"Not a Messenger webhook: {e.Message}" });
            }
        });
    }
}
