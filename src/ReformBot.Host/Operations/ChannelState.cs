namespace ReformBot.Host.Operations;

/// <summary>Which channels are on, and why one is off: logged at start-up and shown by /healthz.</summary>
public sealed record ChannelState(string Channel, bool On, string Detail);
