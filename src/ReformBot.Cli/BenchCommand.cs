using System.CommandLine;
using System.Text.Json;
using ReformBot.Core.Evaluation;
using ReformBot.Core.Knowledge.Index;

namespace ReformBot.Cli;

/// <summary><c>reformbot bench</c>: index build time, answer latency and memory at scale, against the baseline analyzer.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var knowledge = CliOptions.Knowledge();
        var scale = new Option<int>("--scale") { Description = "Grow the pack to this many entries", DefaultValueFactory = _ => 10_000 };
        var json = CliOptions.Json();
        var command = new Command("bench", "Measure index build time, answer latency and memory at scale") { knowledge, scale, json };
        command.SetAction(parse =>
        {
            if (CliOptions.LoadPack(parse.GetValue(knowledge)!) is not { } pack) return 2;
            var options = CliOptions.Answering();
            // Baseline first, so the product's figures include its own peak working set (the peak only grows).
            var baseline = Benchmark.Run(pack, parse.GetValue(scale), SearchProfile.Baseline, options);
            var product = Benchmark.Run(pack, parse.GetValue(scale), SearchProfile.Vietnamese, options);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    docs = product.Docs, buildMs = product.BuildMs, p50Us = product.P50Us, p99Us = product.P99Us, peakMB = product.PeakMB,
                    baseline = new { buildMs = baseline.BuildMs, p50Us = baseline.P50Us, p99Us = baseline.P99Us },
                }, Output.JsonOptions));
                return 0;
            }
            Console.WriteLine($"{product.Docs} entries, {product.Answers} answers each");
            Console.WriteLine($"{"",-10} {"build ms",9} {"p50 µs",9} {"p99 µs",9}");
            Console.WriteLine($"{"ReformBot",-10} {product.BuildMs,9} {product.P50Us,9:0.0} {product.P99Us,9:0.0}");
            Console.WriteLine($"{"baseline",-10} {baseline.BuildMs,9} {baseline.P50Us,9:0.0} {baseline.P99Us,9:0.0}");
            Console.WriteLine($"peak working set: {product.PeakMB:0.0} MB");
            return 0;
        });
        return command;
    }
}
