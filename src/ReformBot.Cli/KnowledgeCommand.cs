using System.CommandLine;
using ReformBot.Core.Knowledge;
using ReformBot.Core.Knowledge.Import;
using ReformBot.Core.Storage;

namespace ReformBot.Cli;

/// <summary>
/// <c>reformbot knowledge export DIR</c>: the FAQ entries staff saved from tickets, as pack files (see <see cref="KnowledgeExport"/>);
/// <c>reformbot knowledge import --from dvcqg|decision FILE [--out DIR]</c>: procedures from the national database's format (see <see cref="PackImport"/>).
/// </summary>
internal static class KnowledgeCommand
{
    public static Command Create() => new("knowledge", "The pack's procedures and FAQ: import from the national database, export what staff added")
    {
        Export(), Import(),
    };

    private static Command Export()
    {
        var output = new Argument<string>("dir") { Description = "Folder to write the entries to (created)" };
        var knowledge = CliOptions.Knowledge();
        var export = new Command("export", "Write the FAQ entries saved by staff as pack files for review") { output, knowledge };
        export.SetAction(parse =>
        {
            if (CliOptions.LoadPack(parse.GetValue(knowledge)!) is not { } pack) return 1;
            using var staff = new StaffDatabase(CliOptions.DataPath());
            var saved = new SavedFaqStore(staff).All();
            var dir = parse.GetValue(output)!;
            var (created, variants, procedures) = KnowledgeExport.Write(pack, saved, dir);
            Console.WriteLine($"{created} new FAQ entries, {variants} FAQ entries and {procedures} procedures with new ways of asking, in {Path.GetFullPath(dir)}");
            return 0;
        });
        return export;
    }

    private static Command Import()
    {
        var file = new Argument<string>("file") { Description = "The file to import" };
        var from = new Option<string>("--from")
        {
            Description = "dvcqg: procedures as the national portal shares them (LayThuTuc); decision: one publishing decision's new, amended and abolished procedures",
            Required = true,
        }.AcceptOnlyFromAmong("dvcqg", "decision");
        var output = new Option<string>("--out") { Description = "The pack folder to update (default: ReformBot:KnowledgePath, else ./knowledge)" };
        var import = new Command("import", "Import procedures into a pack folder and print what changed") { file, from, output };
        import.SetAction(parse =>
        {
            var pack = parse.GetValue(output) ?? CliOptions.Configuration()["ReformBot:KnowledgePath"] ?? "knowledge";
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) return Output.Fail($"No file {path}.");
            try
            {
                var report = parse.GetValue(from) == "decision" ? PackImport.FromDecision(path, pack) : PackImport.FromDvcqg(path, pack);
                Console.Write(report.Text);
                Console.WriteLine(report.ReportFile is { } written ? $"Written to {Path.GetFullPath(pack)}; the report is in {written}." : "Nothing to write: the pack already says this.");
                return 0;
            }
            catch (ImportFormatException e)
            {
                return Output.Fail($"{path} is not in the {parse.GetValue(from)} format; nothing was changed. At {e.Problem}");
            }
            catch (InvalidOperationException e)
            {
                return Output.Fail(e.Message);
            }
        });
        return import;
    }
}
