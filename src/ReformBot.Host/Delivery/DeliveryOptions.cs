using Microsoft.Extensions.Options;

namespace ReformBot.Host.Delivery;

/// <summary>The <c>ReformBot:Delivery</c> section: how hard the sender tries before a reply waits in the outbox or fails.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "ReformBot:Delivery";

    /// <summary>Retries inside one send, with jittered exponential back-off, on network errors, timeouts, 5xx and 429.</summary>
    public int RetryCount { get; set; } = 3;
    public double FirstRetryDelaySeconds { get; set; } = 0.5;
    /// <summary>A Retry-After longer than this is not waited for inside the send: the reply waits in the outbox instead.</summary>
    public double MaxRetryAfterSeconds { get; set; } = 30;
    public double AttemptTimeoutSeconds { get; set; } = 10;
    /// <summary>Consecutive failed attempts that open the circuit, and how long it stays open.</summary>
    public int BreakAfterFailures { get; set; } = 5;
    public double BreakSeconds { get; set; } = 30;
    /// <summary>Longest pause between two outbox attempts at one reply.</summary>
    public double MaxOutboxDelaySeconds { get; set; } = 300;
    /// <summary>
    /// Sends in flight at once. Each lane can leave one reply duplicated by a crash (sent, not yet recorded), so 1 keeps
    /// that to one reply per crash; raise it when the platforms' latency, not the bot, limits delivery.
    /// </summary>
    public int Lanes { get; set; } = 1;
    /// <summary>
    /// Replies a lane keeps in memory. Beyond that it keeps only their ids and reads the replies back from the outbox when
    /// their turn comes, so a backlog (an outage, a flood) grows the database file, not the process.
    /// </summary>
    public int HeldPerLane { get; set; } = 1_000;
    /// <summary>A reply still undelivered this long after it was written is marked failed.</summary>
    public double GiveUpAfterHours { get; set; } = 24;
}

internal sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions o)
    {
        var errors = new List<string>();
        if (o.RetryCount is < 0 or > 10) errors.Add($"{DeliveryOptions.Section}:RetryCount must be between 0 and 10 (is {o.RetryCount}).");
        if (o.FirstRetryDelaySeconds <= 0) errors.Add($"{DeliveryOptions.Section}:FirstRetryDelaySeconds must be positive.");
        if (o.MaxRetryAfterSeconds < 0) errors.Add($"{DeliveryOptions.Section}:MaxRetryAfterSeconds must not be negative.");
        if (o.AttemptTimeoutSeconds <= 0) errors.Add($"{DeliveryOptions.Section}:AttemptTimeoutSeconds must be positive.");
        if (o.BreakAfterFailures < 1) errors.Add($"{DeliveryOptions.Section}:BreakAfterFailures must be at least 1.");
        if (o.BreakSeconds <= 0) errors.Add($"{DeliveryOptions.Section}:BreakSeconds must be positive.");
        if (o.MaxOutboxDelaySeconds <= 0) errors.Add($"{DeliveryOptions.Section}:MaxOutboxDelaySeconds must be positive.");
        if (o.Lanes is < 1 or > 64) errors.Add($"{DeliveryOptions.Section}:Lanes must be between 1 and 64 (is {o.Lanes}).");
        if (o.HeldPerLane < 1) errors.Add($"{DeliveryOptions.Section}:HeldPerLane must be at least 1 (is {o.HeldPerLane}).");
        if (o.GiveUpAfterHours <= 0) errors.Add($"{DeliveryOptions.Section}:GiveUpAfterHours must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
