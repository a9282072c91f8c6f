using ReformBot.Core.Storage;
using ReformBot.Host.Delivery;

namespace ReformBot.Host.Channels.WebChat;

/// <summary>The local web chat's "platform" is the database: a reply is delivered when the page can read it.</summary>
internal sealed class WebChatAdapter(WebChatStore messages, TimeProvider time) : IChannelAdapter
{
    public const string Name = "webchat";

    public Task<SendResult> SendAsync(OutboxItem reply, CancellationToken ct)
    {
        var id = messages.Add(new WebChatMessage
        {
            Session = reply.UserId, Text = reply.Text, Choices = reply.Choices, Escalated = reply.Escalated, At = time.GetUtcNow().UtcDateTime,
        });
        return Task.FromResult(SendResult.Delivered(id.ToString()));
    }
}
