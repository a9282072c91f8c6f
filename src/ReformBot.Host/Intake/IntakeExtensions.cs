namespace ReformBot.Host.Intake;

internal static class IntakeExtensions
{
    /// <summary>What the channels' endpoints hand their events to: stored in the inbox before the platform is answered.</summary>
    public static void AddIntake(this WebApplicationBuilder builder) => builder.Services.AddSingleton<MessageIntake>();
}
