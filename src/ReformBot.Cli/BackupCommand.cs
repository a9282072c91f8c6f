using System.CommandLine;
using System.IO.Compression;
using System.Net.Http.Headers;
using ReformBot.Core.Storage;

namespace ReformBot.Cli;

/// <summary>
/// <c>reformbot backup FILE</c>: a zip of data/reformbot.db and data/staff.db (<see cref="BackupArchive"/>). A running
/// host owns reformbot.db (LiteDB direct mode: a second process could open it too, and each would overwrite the
/// other's writes), so then the copy comes from the host, <c>GET /api/staff/backup</c> with an admin API token.
/// Otherwise the files are copied here holding the data folder's lock, so a host started meanwhile fails instead of writing.
/// </summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Zip file to write (replaced if it exists)" };
        var url = new Option<string>("--url") { Description = "The host's address, asked for the copy when it is running", DefaultValueFactory = _ => "http://localhost:5080" };
        var command = new Command("backup", "Consistent copies of reformbot.db and staff.db in a zip, also while the host runs") { file, url };
        command.SetAction(async (parse, ct) =>
        {
            var dataPath = CliOptions.DataPath();
            var botFile = Path.Combine(dataPath, BotDatabase.FileName);
            if (!File.Exists(botFile)) return Output.Fail($"No {BotDatabase.FileName} in {dataPath} (ReformBot:DataPath).");
            var target = Path.GetFullPath(parse.GetValue(file)!);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var partial = target + ".partial";
            try
            {
                if (BotDatabase.TryLockDataFolder(dataPath) is { } locked)
                {
                    using (locked) CopyHere(botFile, dataPath, partial);
                }
                else if (!await DownloadAsync(new Uri(parse.GetValue(url)!), partial, ct)) return 1;
                string contents;
                using (var written = ZipFile.OpenRead(partial))
                    contents = string.Join(", ", written.Entries.Select(e => $"{e.Name} {e.Length / 1024.0 / 1024:0.0} MB"));
                File.Move(partial, target, overwrite: true);
                Console.WriteLine($"{target}: {contents}");
                return 0;
            }
            finally
            {
                File.Delete(partial);
            }
        });
        return command;
    }

    private static void CopyHere(string botFile, string dataPath, string zipFile)
    {
        using var archive = new ZipArchive(new FileStream(zipFile, FileMode.Create), ZipArchiveMode.Create);
        using (var bot = File.OpenRead(botFile)) BackupArchive.Add(archive, BotDatabase.FileName, bot.CopyTo);
        // Left by a host that was killed; LiteDB replays its committed transactions when the restored file is opened.
        var log = Path.Combine(dataPath, Path.GetFileNameWithoutExtension(BotDatabase.FileName) + "-log.db");
        if (File.Exists(log))
        {
            using var logFile = File.OpenRead(log);
            BackupArchive.Add(archive, Path.GetFileName(log), logFile.CopyTo);
        }
        using var staff = new StaffDatabase(dataPath);
        BackupArchive.Add(archive, StaffDatabase.FileName, staff.CopyTo);
    }

    private static async Task<bool> DownloadAsync(Uri host, string zipFile, CancellationToken ct)
    {
        Console.WriteLine($"{BotDatabase.FileName} is in use, so the running host makes the copy: give an admin API token (reformbot staff token NAME).");
        var token = CliOptions.ReadSecret("Admin API token: ").Trim();
        using var http = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromMinutes(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/staff/backup");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                Output.Fail($"The host at {host} refused the backup: {(int)response.StatusCode} {response.ReasonPhrase} (401: unknown or revoked token; 403: not an admin).");
                return false;
            }
            await using var output = new FileStream(zipFile, FileMode.Create);
            await response.Content.CopyToAsync(output, ct);
            return true;
        }
        catch (HttpRequestException e)
        {
            Output.Fail($"{BotDatabase.FileName} is in use, but no host answered at {host} ({e.Message}); give its address with --url.");
            return false;
        }
    }
}
