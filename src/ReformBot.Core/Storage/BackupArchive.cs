using System.IO.Compression;

namespace ReformBot.Core.Storage;

/// <summary>The backup file: a zip of the data folder's LiteDB files under their own names, so restoring is unzipping.</summary>
public static class BackupArchive
{
    public static void Add(ZipArchive zip, string fileName, Action<Stream> copy)
    {
        using var entry = zip.CreateEntry(fileName, CompressionLevel.Fastest).Open();
        copy(entry);
    }
}
