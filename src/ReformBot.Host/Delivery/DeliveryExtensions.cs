namespace ReformBot.Host.Delivery;

internal static class DeliveryExtensions
{
    /// <summary>The sender that hands the outbox's replies to the channel adapters.</summary>
    public static void AddDelivery(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OutboxSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
    }
}
