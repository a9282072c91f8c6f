using System.CommandLine;
using ReformBot.Core.Knowledge;
using ReformBot.Core.Storage;

namespace ReformBot.Cli;

/// <summary><c>reformbot knowledge export DIR</c>: the FAQ entries staff saved from tickets, as pack files (see <see cref="KnowledgeExport"/>).</summary>
internal static class KnowledgeCommand
{
    public static Command Create()
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
        return new Command("knowledge", "The knowledge staff added from tickets") { export };
    }
}
