using ReformBot.Core.Storage;
using ReformBot.Host.Delivery;

namespace ReformBot.Host.Channels.WebChat;

/// <summary>The local web chat's "platform" is the database: a reply is delivered when the page can read it.</summary>
internal sealed class WebChatAdapter(BotDatabase db, TimeProvider time) : IChannelAdapter
{
    public const string Name = "webchat";

    public Task<SendResult> SendAsync(OutboxItem reply, CancellationToken ct)
    {
        var id = db.WebChat.Insert(new WebChatMessage
        {
            Session = reply.UserId, Text = reply.Text, Choices = reply.Choices, Escalated = reply.Escalated, At = time.GetUtcNow().UtcDateTime,
        });
        return Task.FromResult(SendResult.Delivered(id.AsInt64.ToString()));
    }
}
