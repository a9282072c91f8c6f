using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReformBot.Core.Knowledge;

/// <summary>A procedure as a pack file (procedures/&lt;id&gt;.json), written the same way every time.</summary>
public static class ProcedureFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string ToJson(Procedure p) => JsonSerializer.Serialize(new
    {
        id = p.Id, code = p.Code, name = p.Name, field = p.Field, level = p.Level, agency = p.Agency, where = p.Where,
        online = new { mode = p.Online.Mode.ToString().ToLowerInvariant(), url = p.Online.Url },
        processingTime = p.ProcessingTime, fee = p.Fee,
        channels = p.Channels.Count == 0 ? null : p.Channels.Select(c => new { kind = c.Kind, processingTime = c.ProcessingTime, fee = c.Fee }),
        documents = p.Documents, steps = p.Steps, result = p.Result, legalBasis = p.LegalBasis, keywords = p.Keywords,
    }, Json) + "\n";

    public static void Write(string directory, Procedure p)
    {
        Directory.CreateDirectory(Path.Combine(directory, "procedures"));
        File.WriteAllText(Path.Combine(directory, "procedures", $"{p.Id}.json"), ToJson(p));
    }
}
