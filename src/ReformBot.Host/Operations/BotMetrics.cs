using System.Diagnostics.Metrics;

namespace ReformBot.Host.Operations;

/// <summary>
/// The message path's counters, exported at /metrics (Prometheus text) with ASP.NET Core's request metrics (rejected
/// webhooks show there as 4xx by route) and the runtime's (GC, working set). Tags are channels and outcomes, never users.
/// </summary>
internal sealed class BotMetrics
{
    public const string MeterName = "ReformBot";

    private readonly Counter<long> received;
    private readonly Counter<long> acknowledged;
    private readonly Counter<long> turns;
    private readonly Histogram<double> answerSeconds;
    private readonly Counter<long> deliveries;
    private readonly Counter<long> retries;
    private readonly Counter<long> circuit;

    public BotMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        received = meter.CreateCounter<long>("reformbot.events.received", "{event}", "Messages from verified, well-formed webhooks");
        acknowledged = meter.CreateCounter<long>("reformbot.events.acknowledged", "{event}",
            "Messages acknowledged with 200, by outcome: stored in the inbox, duplicate (a redelivery) or throttled");
        turns = meter.CreateCounter<long>("reformbot.turns", "{turn}", "Turns answered, by outcome: answered, escalated (a ticket) or quiet (staff own it)");
        answerSeconds = meter.CreateHistogram<double>("reformbot.answer.duration", "s",
            "Time to answer a turn: search, decision, and the commit of the batch that writes its replies",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1] });
        deliveries = meter.CreateCounter<long>("reformbot.outbox.deliveries", "{reply}", "Replies leaving the outbox, by outcome: delivered, retry or failed");
        retries = meter.CreateCounter<long>("reformbot.platform.retries", "{attempt}", "HTTP attempts to a platform retried after a transient failure");
        circuit = meter.CreateCounter<long>("reformbot.platform.circuit", "{transition}", "Circuit breaker transitions per platform: opened, half_open, closed");
    }

    public void Received(string channel) => received.Add(1, Tag("channel", channel));

    public void Acknowledged(string channel, string outcome) => acknowledged.Add(1, Tag("channel", channel), Tag("outcome", outcome));

    public void Turn(string channel, string outcome, TimeSpan took)
    {
        turns.Add(1, Tag("channel", channel), Tag("outcome", outcome));
        answerSeconds.Record(took.TotalSeconds, Tag("channel", channel));
    }

    public void Delivery(string channel, string outcome) => deliveries.Add(1, Tag("channel", channel), Tag("outcome", outcome));

    public void Retry(string platform) => retries.Add(1, Tag("platform", platform));

    public void Circuit(string platform, string transition) => circuit.Add(1, Tag("platform", platform), Tag("state", transition));

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
