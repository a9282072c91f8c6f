using ReformBot.Core.Conversations;
using ReformBot.Core.Escalation;
using ReformBot.Core.Knowledge;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Staff;

/// <summary>
/// Rebuilds the index when knowledge/ changes (debounced file watcher), when an admin asks (POST /api/staff/knowledge/reload),
/// or when staff save an FAQ entry. A pack with problems is refused with the loader's messages; the last good index keeps serving.
/// </summary>
internal sealed class KnowledgeReloader(LiveKnowledge knowledge, SavedFaqStore savedFaq, Core.Publishing.Announcements announcements, BotOptions options, IWebHostEnvironment environment, ILogger<KnowledgeReloader> log)
    : BackgroundService
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly string path = BotCoreExtensions.Resolve(environment.ContentRootPath, options.KnowledgePath);
    private DateTime changedAt;

    public sealed record Outcome(bool Loaded, int Entries, IReadOnlyList<string> Problems);

    public async Task<Outcome> ReloadAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var result = await Task.Run(() => OfficeCard.LoadPack(path), ct);
            if (result.Pack is null)
            {
                log.LogWarning("Knowledge in {Path} not reloaded, the current index keeps serving: {Problems}", path, string.Join("; ", result.Problems));
                return new Outcome(false, knowledge.Current.Pack.Entries.Count(), result.Problems.Select(p => p.ToString()).ToList());
            }
            var pack = SavedFaq.Apply(result.Pack, savedFaq.All());
            var changes = PackChanges.Between(knowledge.Current.Pack, pack);
            await Task.Run(() => knowledge.Replace(pack), ct);
            // Each change becomes a draft notice for staff to edit and approve; nothing is sent without them.
            var drafts = announcements.Propose(changes);
            log.LogInformation("Knowledge reloaded: {Entries} entries, {Changes} procedures changed, {Drafts} notices proposed",
                pack.Entries.Count(), changes.Count, drafts.Count);
            return new Outcome(true, pack.Entries.Count(), []);
        }
        finally
        {
            gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watcher = Watch();
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Quiet, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            if (watcherFailed)
            {
                watcherFailed = false;
                watcher.Dispose();
                watcher = Watch();
            }
            // An editor saves in several writes: reload once the folder has been quiet for a second.
            if (changedAt != default && DateTime.UtcNow - changedAt >= Quiet)
            {
                changedAt = default;
                await ReloadAsync(stoppingToken);
            }
        }
        watcher.Dispose();
    }

    private volatile bool watcherFailed;

    private FileSystemWatcher Watch()
    {
        var watcher = new FileSystemWatcher(path) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        FileSystemEventHandler changed = (_, _) => changedAt = DateTime.UtcNow;
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, _) => changedAt = DateTime.UtcNow;
        // A watcher that fails (its event buffer overflowed) raises nothing more: watch again, and reload, since
        // something changed.
        watcher.Error += (_, e) =>
        {
            log.LogWarning(e.GetException(), "The knowledge folder's watcher failed; watching it again");
            watcherFailed = true;
            changedAt = DateTime.UtcNow;
        };
        return watcher;
    }
}
