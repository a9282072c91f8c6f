using System.IO.Compression;
using System.Net;
using LiteDB;
using ReformBot.Core.Storage;
using ReformBot.Host.Staff;
using ReformBot.Tests.Host;

namespace ReformBot.Tests.Staff;

/// <summary>The real <c>reformbot backup</c> command, run as a process against a host taking webhooks, and with none.</summary>
public sealed class BackupTests
{
    private static readonly string[] BotIndexes = ["inbox.AnsweredAt", "outbox.State", "webchat.Session", "tickets.Number", "tickets.UserId", "tickets.Status"];

    private static (string DataPath, string AdminToken, string StaffToken) NewDataFolder()
    {
        var dataPath = RunningHost.NewDataPath();
        using var staffFile = new StaffDatabase(dataPath);
        var staff = new StaffStore(staffFile, TimeProvider.System);
        staff.Add("minh", StaffRole.Admin, "mat-khau-cua-minh");
        staff.Add("lan", StaffRole.Staff, "mat-khau-cua-lan");
        return (dataPath, staff.IssueToken("minh")!, staff.IssueToken("lan")!);
    }

    /// <summary>Answered questions, escalated ones (tickets) and a web chat exchange.</summary>
    private static async Task ConverseAsync(RunningHost host, FakePlatform platform, string prefix)
    {
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent($"{prefix}-1", $"mid.{prefix}.1", "thu tuc xin phep xay nha can gi"));
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent($"{prefix}-2", $"mid.{prefix}.2", "gia vang hom nay bao nhieu"));
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent($"{prefix}-3", $"mid.{prefix}.3", "ty gia do la my"));
        await host.PostWebChatAsync($"{prefix}-web", "le phi cap giay phep xay dung");
        await platform.WaitForAsync(sent => sent.Count(m => m.UserId.StartsWith(prefix)) >= 3);
    }

    private static LiteDatabase OpenCopy(string zip, string fileName)
    {
        var dir = RunningHost.NewDataPath();
        ZipFile.ExtractToDirectory(zip, dir);
        return new LiteDatabase(new ConnectionString { Filename = Path.Combine(dir, fileName), ReadOnly = true });
    }

    private static HashSet<string> Ids(LiteDatabase db, string collection) =>
        db.GetCollection(collection).FindAll().Select(d => d["_id"].RawValue.ToString()!).ToHashSet();

    private static Dictionary<string, int> Counts(LiteDatabase db) =>
        db.GetCollectionNames().Order().ToDictionary(name => name, name => db.GetCollection(name).Count());

    private static string[] Indexes(LiteDatabase db) =>
        db.GetCollection("$indexes").FindAll().Select(i => $"{i["collection"].AsString}.{i["name"].AsString}").Order().ToArray();

    [Fact]
    public async Task CopiesBothDatabasesFromTheHostWhileItTakesWebhooksAndTheHostCarriesOn()
    {
        var (dataPath, admin, _) = NewDataFolder();
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform, dataPath);
        await ConverseAsync(host, platform, "before");
        var bot = host.Service<BotDatabase>();
        var inbox = bot.Inbox.FindAll().Select(i => i.Id).ToHashSet();
        var outbox = bot.Outbox.FindAll().Select(o => o.Id.ToString()).ToHashSet();
        var tickets = bot.Tickets.FindAll().Select(t => t.Id.ToString()).ToHashSet();
        Assert.NotEmpty(tickets);

        using var stop = new CancellationTokenSource();
        var traffic = Task.Run(async () =>
        {
            var statuses = new List<HttpStatusCode>();
            for (var n = 0; !stop.IsCancellationRequested; n++)
                statuses.Add((await host.PostFacebookAsync(FacebookChannelTests.TextEvent($"during-{n % 20}", $"mid.during.{n}", "thu tuc xin phep xay nha can gi"))).StatusCode);
            return statuses;
        });
        var zip = Path.Combine(dataPath, "backups", "now.zip");
        var url = new UriBuilder(host.Http.BaseAddress!) { Host = "localhost" }.ToString(); // the host listens on 127.0.0.1, as the systemd unit has it
        var backup = await StaffCliTests.RunAsync(dataPath, admin + "\n", "backup", zip, "--url", url);
        await stop.CancelAsync();
        var during = await traffic;

        Assert.True(backup.Code == 0, backup.Output);
        Assert.Contains("the running host makes the copy", backup.Output);
        Assert.True(during.Count > 0 && during.All(s => s == HttpStatusCode.OK), $"{during.Count} webhooks during the backup: {string.Join(",", during.Distinct())}");
        using (var copy = OpenCopy(zip, BotDatabase.FileName))
        {
            Assert.Superset(inbox, Ids(copy, "inbox"));
            Assert.Superset(outbox, Ids(copy, "outbox"));
            Assert.Superset(tickets, Ids(copy, "tickets"));
            Assert.Subset(Indexes(copy).ToHashSet(), BotIndexes.ToHashSet());
        }
        using (var staffCopy = OpenCopy(zip, StaffDatabase.FileName))
            Assert.Equal(["lan", "minh"], Ids(staffCopy, "staff").Order());

        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("after", "mid.after", "le phi cap giay phep xay dung"));
        await platform.WaitForAsync(sent => sent.Any(m => m.UserId == "after"));
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task CopiesTheFilesItselfWhenNoHostRuns()
    {
        var (dataPath, _, _) = NewDataFolder();
        await using (var platform = await FakePlatform.StartAsync())
        await using (var host = await RunningHost.StartAsync(platform, dataPath))
            await ConverseAsync(host, platform, "earlier");

        var zip = Path.Combine(dataPath, "offline.zip");
        var backup = await StaffCliTests.RunAsync(dataPath, "", "backup", zip, "--url", "http://127.0.0.1:9");

        Assert.True(backup.Code == 0, backup.Output);
        Assert.DoesNotContain("token", backup.Output);
        using (var source = new LiteDatabase(new ConnectionString { Filename = Path.Combine(dataPath, BotDatabase.FileName), ReadOnly = true }))
        using (var copy = OpenCopy(zip, BotDatabase.FileName))
        {
            Assert.Equal(Counts(source), Counts(copy));
            Assert.Equal(Indexes(source), Indexes(copy));
            Assert.Subset(Indexes(copy).ToHashSet(), BotIndexes.ToHashSet());
        }
        using (var staffCopy = OpenCopy(zip, StaffDatabase.FileName))
            Assert.Equal(2, staffCopy.GetCollection("staff").Count());
    }

    [Fact]
    public async Task RefusesAStaffTokenAndWritesNothing()
    {
        var (dataPath, _, staffToken) = NewDataFolder();
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform, dataPath);

        var zip = Path.Combine(dataPath, "refused.zip");
        var backup = await StaffCliTests.RunAsync(dataPath, staffToken + "\n", "backup", zip, "--url", host.Http.BaseAddress!.ToString());

        Assert.NotEqual(0, backup.Code);
        Assert.Contains("403", backup.Output);
        Assert.Empty(Directory.GetFiles(dataPath, "refused.zip*"));
    }
}
