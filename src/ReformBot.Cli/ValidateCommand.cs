using System.CommandLine;
using Microsoft.Extensions.Configuration;
using ReformBot.Core.Escalation;

namespace ReformBot.Cli;

/// <summary><c>reformbot validate DIR</c>: every problem in a knowledge pack, with file, location and reason.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("dir") { Description = "Knowledge pack folder", DefaultValueFactory = _ => "knowledge" };
        var command = new Command("validate", "Check a knowledge pack and list every problem") { directory };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(directory)!;
            if (CliOptions.LoadPack(dir) is not { } pack) return 1;
            Console.WriteLine($"{dir}: OK — {pack.Procedures.Count} procedures, {pack.Faq.Count} FAQ entries, " +
                $"{(pack.SynonymsText is null ? "no" : "with")} synonyms.txt, {(pack.Office is null ? "no" : "with")} office.json");
            var escalation = CliOptions.Configuration().GetSection(EscalationOptions.Section).Get<EscalationOptions>() ?? new();
            var source = pack.Office?.Hours is null ? $"{EscalationOptions.Section}:WorkingHours" : "office.json";
            Console.WriteLine($"Office hours ({source}), as citizens read them: {OfficeHours.For(pack.Office, escalation).Text}");
            return 0;
        });
        return command;
    }
}
