using System.Text.Json;
using ReformBot.Core.Knowledge;

namespace ReformBot.Core.Escalation;

/// <summary>
/// The office card (office.json) as the bot uses it: its <c>hours</c> are the working week that due times are computed
/// from, so hours that cannot be read are a pack problem like the loader's, with file, location and reason.
/// </summary>
public static class OfficeCard
{
    public const string File = "office.json";

    /// <summary>
    /// <see cref="PackLoader.Load"/>, refused also when the card's hours cannot be read (listed with the loader's other
    /// problems, whether or not the rest of the pack loads).
    /// </summary>
    public static PackLoadResult LoadPack(string directory)
    {
        var loaded = PackLoader.Load(directory);
        return HoursProblem(directory) is { } problem ? new PackLoadResult(null, [.. loaded.Problems, problem]) : loaded;
    }

    private static PackProblem? HoursProblem(string directory)
    {
        var path = Path.Combine(directory, File);
        if (!System.IO.File.Exists(path)) return null;
        try
        {
            using var card = JsonDocument.Parse(System.IO.File.ReadAllText(path));
            // A card that is not an object, or hours that are not a string, are the loader's to report.
            if (card.RootElement.ValueKind != JsonValueKind.Object || !card.RootElement.TryGetProperty("hours", out var hours)
                || hours.ValueKind != JsonValueKind.String || hours.GetString() is not { } text || text.Trim().Length == 0)
                return null;
            // Hours naming no day apply to the configured working days, checked with the configuration at start-up.
            return WorkingWeek.Read(text, new EscalationOptions().WorkingDays) is HoursReading.Unreadable unreadable
                ? new PackProblem(File, "$.hours", $"cannot read the working hours \"{text.Trim()}\": {unreadable.Reason}")
                : null;
        }
        catch (JsonException)
        {
            return null; // reported by the loader
        }
    }
}
