using System.Threading.RateLimiting;
using ReformBot.Core.Conversations;
using ReformBot.Core.Storage;
using ReformBot.Host.Operations;
using ReformBot.Host.Turns;

namespace ReformBot.Host.Intake;

/// <summary>
/// The step between a verified webhook and its HTTP 200: store each activity in the inbox (a redelivery is a no-op),
/// then hand it to the worker. One user past the per-minute limit is acknowledged but not stored, so a flood from one
/// sender cannot starve the others.
/// </summary>
internal sealed class MessageIntake(Inbox inbox, InboxWorker worker, BotOptions options, BotMetrics metrics, ILogger<MessageIntake> log) : IDisposable
{
    private readonly PartitionedRateLimiter<string> perUser = PartitionedRateLimiter.Create<string, string>(user =>
        RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.MessagesPerMinutePerUser,
            TokensPerPeriod = options.MessagesPerMinutePerUser,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            // The partitioned limiter replenishes its buckets on its own heartbeat; auto-replenishment would add a timer
            // per bucket, one per sender in a flood.
            AutoReplenishment = false,
        }));

    public int MaxBodyBytes => options.MaxBodyBytes;

    public async Task<IResult> AcceptAsync(IReadOnlyList<Activity> activities)
    {
        int accepted = 0, duplicates = 0, throttled = 0;
        foreach (var activity in activities)
        {
            metrics.Received(activity.Channel);
            using var lease = perUser.AttemptAcquire($"{activity.Channel}:{activity.UserId}");
            if (!lease.IsAcquired)
            {
                throttled++;
                metrics.Acknowledged(activity.Channel, "throttled");
                log.LogWarning("{Channel} user {User} is over {Limit} messages a minute; message dropped",
                    activity.Channel, Mask.Id(activity.UserId), options.MessagesPerMinutePerUser);
                continue;
            }
            var (stored, item) = await inbox.AcceptAsync(activity);
            if (!stored)
            {
                duplicates++;
                metrics.Acknowledged(activity.Channel, "duplicate");
                continue;
            }
            accepted++;
            metrics.Acknowledged(activity.Channel, "stored");
            worker.Enqueue(item);
        }
        return Results.Ok(new { accepted, duplicates, throttled });
    }

    public void Dispose() => perUser.Dispose();
}
