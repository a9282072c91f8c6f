using Microsoft.Extensions.Options;

namespace ReformBot.Host.Delivery;

/// <summary>The <c>ReformBot:Delivery</c> section: how hard the sender tries before a reply waits in the outbox or fails.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "ReformBot:Delivery";

    /// <summary>Retries inside one send, with jittered exponential back-off, on network errors, timeouts, 5xx and 429.</summary>
    public int RetryCount { get; set; } = 3;
    public double FirstRetryDelaySeconds { get; set; } = 0.5;
    /// <summary>
    /// A Retry-After longer than this is not waited for inside the send, which would hold a place among the sends in flight:
    /// the row waits in the outbox instead.
    /// </summary>
    public double MaxRetryAfterSeconds { get; set; } = 5;
    public double AttemptTimeoutSeconds { get; set; } = 10;
    /// <summary>
    /// The circuit opens when at least this many attempts were made in the last 10 s and three in four failed; it stays
    /// open for <see cref="BreakSeconds"/>, and the platform's rows wait in the outbox meanwhile.
    /// </summary>
    public int BreakAfterFailures { get; set; } = 5;
    public double BreakSeconds { get; set; } = 30;
    /// <summary>Longest pause between two outbox attempts at one reply.</summary>
    public double MaxOutboxDelaySeconds { get; set; } = 300;
    /// <summary>
    /// Sends in flight at once, one per user. A crash can duplicate at most this many replies (sent, not yet recorded).
    /// 512 keeps up with 1,000 replies a second from a platform that takes 200 ms to answer, a long reply being two or
    /// three messages (256 reached 868/s).
    /// </summary>
    public int SendsInFlight { get; set; } = 512;
    /// <summary>
    /// Rows of each priority the sender keeps in memory. The rest wait in the outbox and are read in order as room frees,
    /// so a backlog (an outage, a flood) grows the database file, not the process.
    /// </summary>
    public int HeldInMemory { get; set; } = 10_000;
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
        if (o.SendsInFlight is < 1 or > 4096) errors.Add($"{DeliveryOptions.Section}:SendsInFlight must be between 1 and 4096 (is {o.SendsInFlight}).");
        if (o.HeldInMemory < 1) errors.Add($"{DeliveryOptions.Section}:HeldInMemory must be at least 1 (is {o.HeldInMemory}).");
        if (o.GiveUpAfterHours <= 0) errors.Add($"{DeliveryOptions.Section}:GiveUpAfterHours must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
