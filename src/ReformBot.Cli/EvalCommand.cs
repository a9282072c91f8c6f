using System.CommandLine;
using System.Text.Json;
using ReformBot.Core.Answering;
using ReformBot.Core.Evaluation;
using ReformBot.Core.Knowledge;
using ReformBot.Core.Knowledge.Index;

namespace ReformBot.Cli;

/// <summary><c>reformbot eval</c>: ranking and answer-or-escalate quality on a labelled question set.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var knowledge = CliOptions.Knowledge();
        var questions = new Option<string>("--questions", "-q") { Description = "Labelled questions (JSONL)", Required = true };
        var json = CliOptions.Json();
        var baseline = new Option<bool>("--baseline") { Description = "Also measure the common C# baseline (StandardTokenizer + lower case + ASCII folding)" };
        var misses = new Option<bool>("--misses") { Description = "List the questions ranked or decided wrongly" };
        var outcomesFile = new Option<string?>("--outcomes") { Description = "Write each question's candidates and features to this JSONL file, for calibrating thresholds" };
        var fitOn = new Option<string[]>("--fit-on")
        {
            Description = "Fit the answer thresholds on another pack and its questions (DIR QUESTIONS), then measure this pack with them",
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("eval", "Measure retrieval and decisions on labelled questions") { knowledge, questions, json, baseline, misses, outcomesFile, fitOn };
        command.SetAction(parse =>
        {
            if (CliOptions.LoadPack(parse.GetValue(knowledge)!) is not { } pack) return 2;
            if (Load(parse.GetValue(questions)!) is not { } set) return 2;

            var options = CliOptions.Answering();
            if (parse.GetValue(fitOn) is [var fitPack, var fitQuestions])
            {
                if (CliOptions.LoadPack(fitPack) is not { } other || Load(fitQuestions) is not { } otherSet) return 2;
                using var otherIndex = KnowledgeIndex.Build(other, SearchProfile.Vietnamese, CliOptions.Ranking());
                options = Calibration.Fit(Evaluator.Consider(new Answerer(otherIndex, options), otherSet), options);
                var fitted = $"thresholds fitted on {fitPack}: answer {options.AnswerThreshold:0.00}, offer {options.OfferThreshold:0.00}, margin {options.AmbiguityMargin:0.00}";
                (parse.GetValue(json) ? Console.Error : Console.Out).WriteLine(fitted);
            }
            var outcomes = Run(pack, SearchProfile.Vietnamese, options, set);
            var report = Evaluator.Summarise(outcomes);
            if (parse.GetValue(baseline))
                report = report with { Baseline = Evaluator.Summarise(Run(pack, SearchProfile.Baseline, options, set)) };

            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(report, Output.JsonOptions));
            else Print(report);
            if (parse.GetValue(misses)) PrintMisses(outcomes);
            if (parse.GetValue(outcomesFile) is { } path) WriteOutcomes(path, outcomes);
            return 0;
        });
        return command;
    }

    private static IReadOnlyList<EvalOutcome> Run(KnowledgePack pack, SearchProfile profile, AnswererOptions options, IReadOnlyList<EvalQuestion> set)
    {
        using var index = KnowledgeIndex.Build(pack, profile, CliOptions.Ranking());
        return Evaluator.Run(new Answerer(index, options), set, options);
    }

    private static IReadOnlyList<EvalQuestion>? Load(string path)
    {
        try { return EvalQuestion.Load(path); }
        catch (Exception e) when (e is FormatException or IOException) { Console.Error.WriteLine(e.Message); return null; }
    }

    private static void Print(EvalReport r)
    {
        Console.WriteLine($"{"kind",-14} {"n",4} {"top1",6} {"answered",9}");
        foreach (var (kind, k) in r.ByKind) Console.WriteLine($"{kind,-14} {k.N,4} {k.Top1,6:0.000} {k.AnsweredCorrect,9:0.000}");
        Console.WriteLine();
        Row("", r);
        if (r.Baseline is { } b) Row("baseline ", b);
        Console.WriteLine("(out-of-scope row: share not answered directly)");
    }

    private static void Row(string label, EvalReport r) => Console.WriteLine(
        $"{label}n={r.N} inScope={r.InScope} outOfScope={r.OutOfScope} top1={r.Top1:0.000} top3={r.Top3:0.000} mrr={r.Mrr:0.000} " +
        $"answeredCorrect={r.AnsweredCorrect:0.000} offeredCorrect={r.OfferedCorrect:0.000} wrongAnswerRate={r.WrongAnswerRate:0.000} oosEscalated={r.OosEscalated:0.000}");

    private static void PrintMisses(IReadOnlyList<EvalOutcome> outcomes)
    {
        Console.WriteLine("\nMisses (rank of the expected id, decision, top candidates with confidence):");
        foreach (var o in outcomes)
        {
            var ok = o.Question.InScope ? o.Rank == 1 && o.AnsweredDirectly : !o.AnsweredDirectly;
            if (ok) continue;
            var top = string.Join("  ", o.Candidates.Take(3).Select(c => $"{c.Id}={c.Confidence:0.00}"));
            Console.WriteLine($"[{o.Question.Kind}] rank {o.Rank} {o.Decision} expect={o.Question.Expect ?? "∅"} | {o.Question.Q}\n    {top}");
        }
    }

    private static void WriteOutcomes(string path, IReadOnlyList<EvalOutcome> outcomes) =>
        File.WriteAllLines(path, outcomes.Select(o => JsonSerializer.Serialize(new
        {
            q = o.Question.Q, expect = o.Question.Expect, kind = o.Question.Kind, decision = o.Decision,
            candidates = o.Candidates.Select(c => new { id = c.Id, c.Score, c.Confidence, c.Features }),
        }, Output.JsonOptions)));
}
