using System.CommandLine;
using System.Text;
using Microsoft.Extensions.Configuration;
using ReformBot.Core.Answering;
using ReformBot.Core.Escalation;
using ReformBot.Core.Knowledge;
using ReformBot.Core.Knowledge.Index;

namespace ReformBot.Cli;

/// <summary>Options shared by the commands, and the configuration the host uses too (appsettings.json, ReformBot__* environment).</summary>
internal static class CliOptions
{
    public static Option<string> Knowledge() => new("--knowledge", "-k")
    {
        Description = "Knowledge pack folder (default: ReformBot:KnowledgePath, else ./knowledge)",
        DefaultValueFactory = _ => Configuration()["ReformBot:KnowledgePath"] ?? "knowledge",
    };

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object instead of text" };

    private static readonly Lazy<IConfiguration> LoadedConfiguration = new(() => new ConfigurationBuilder()
        .SetBasePath(Directory.GetCurrentDirectory())
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build());

    public static IConfiguration Configuration() => LoadedConfiguration.Value;

    /// <summary>The data folder the host uses: ReformBot:DataPath, else ./data.</summary>
    public static string DataPath() => Path.GetFullPath(Configuration()["ReformBot:DataPath"] ?? "data");

    public static AnswererOptions Answering() =>
        Configuration().GetSection(AnswererOptions.Section).Get<AnswererOptions>() ?? new AnswererOptions();

    public static RankingOptions Ranking() =>
        Configuration().GetSection(RankingOptions.Section).Get<RankingOptions>() ?? new RankingOptions();

    /// <summary>Loads and validates a pack; on problems prints each one to stderr and returns null.</summary>
    public static KnowledgePack? LoadPack(string directory)
    {
        var result = OfficeCard.LoadPack(directory);
        if (result.Pack is { } pack) return pack;
        Console.Error.WriteLine($"The knowledge pack in {directory} has {result.Problems.Count} problem(s):");
        foreach (var problem in result.Problems) Console.Error.WriteLine($"  {problem}");
        return null;
    }

    /// <summary>A password or token: from the terminal without echo, or the first line of redirected standard input (scripts, tests).</summary>
    public static string ReadSecret(string prompt)
    {
        if (Console.IsInputRedirected) return Console.In.ReadLine() ?? "";
        Console.Write(prompt);
        var secret = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (secret.Length > 0) secret.Length--; }
            else if (!char.IsControl(key.KeyChar)) secret.Append(key.KeyChar);
        }
        Console.WriteLine();
        return secret.ToString();
    }
}
