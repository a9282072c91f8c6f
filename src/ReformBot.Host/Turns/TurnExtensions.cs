namespace ReformBot.Host.Turns;

internal static class TurnExtensions
{
    /// <summary>The worker that runs the bot's turns over the inbox.</summary>
    public static void AddTurns(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<InboxWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InboxWorker>());
    }
}
