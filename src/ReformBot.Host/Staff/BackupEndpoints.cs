using System.IO.Compression;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Staff;

/// <summary>
/// <c>GET /api/staff/backup</c> (admin): consistent copies of reformbot.db and staff.db in a zip, for
/// <c>reformbot backup</c> while the host owns reformbot.db.
/// </summary>
internal static class BackupEndpoints
{
    public static void MapBackup(this WebApplication app) =>
        app.MapGet("/api/staff/backup", (BotDatabase bot, StaffDatabase staff) =>
            {
                // Built in a temporary file the server names, so the databases are held for a local copy only, not for as
                // long as the client takes to download; the file goes when the response stream is disposed.
                var zip = new FileStream(Path.Combine(Path.GetTempPath(), $"reformbot-backup-{Guid.NewGuid():N}.zip"), FileMode.CreateNew,
                    FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
                try
                {
                    using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
                    {
                        BackupArchive.Add(archive, BotDatabase.FileName, bot.CopyTo);
                        BackupArchive.Add(archive, StaffDatabase.FileName, staff.CopyTo);
                    }
                    zip.Position = 0;
                    return Results.File(zip, "application/zip", "reformbot-backup.zip");
                }
                catch
                {
                    zip.Dispose();
                    throw;
                }
            })
            .RequireAuthorization(StaffAuthPolicies.ApiAdmin).WithTags("Staff").Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .WithSummary("Consistent copies of reformbot.db and staff.db, as a zip (admin; used by 'reformbot backup')");
}
