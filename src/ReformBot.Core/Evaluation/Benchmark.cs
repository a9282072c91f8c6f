using System.Diagnostics;
using System.Globalization;
using System.Text;
using ReformBot.Core.Answering;
using ReformBot.Core.Knowledge;
using ReformBot.Core.Knowledge.Analysis;
using ReformBot.Core.Knowledge.Index;

namespace ReformBot.Core.Evaluation;

public sealed record BenchResult(int Docs, long BuildMs, double P50Us, double P99Us, double PeakMB, int Answers);

/// <summary>
/// Speed at scale: grows a pack to N entries with synthetic variants (originals kept), builds the index, then answers
/// the pack's own questions (accented and unaccented) repeatedly and measures each answer.
/// </summary>
public static class Benchmark
{
    public static BenchResult Run(KnowledgePack pack, int scale, SearchProfile profile, AnswererOptions options, int answers = 5000)
    {
        var grown = Grow(pack, scale);
        var build = Stopwatch.StartNew();
        using var index = KnowledgeIndex.Build(grown, profile);
        build.Stop();

        var answerer = new Answerer(index, options);
        var questions = Questions(pack);
        foreach (var q in questions.Take(200)) answerer.Answer(q); // warm-up: JIT and Lucene's caches

        var micros = new double[answers];
        var clock = new Stopwatch();
        for (var i = 0; i < answers; i++)
        {
            clock.Restart();
            answerer.Answer(questions[i % questions.Count]);
            micros[i] = clock.Elapsed.TotalMicroseconds;
        }
        Array.Sort(micros);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        return new BenchResult(grown.Entries.Count(), build.ElapsedMilliseconds, Percentile(micros, 0.50), Percentile(micros, 0.99), Math.Round(peak, 1), answers);
    }

    /// <summary>The pack's questions and names, each also typed without diacritics, as citizens often do.</summary>
    public static IReadOnlyList<string> Questions(KnowledgePack pack)
    {
        var texts = pack.Faq.SelectMany(f => f.Questions).Concat(pack.Procedures.Select(p => p.Name)).ToList();
        return texts.Concat(texts.Select(VietnameseText.Fold)).ToList();
    }

    /// <summary>The pack plus synthetic procedures and FAQ entries up to <paramref name="scale"/> entries in all.</summary>
    public static KnowledgePack Grow(KnowledgePack pack, int scale)
    {
        var random = new Random(42);
        var vocabulary = pack.Entries.SelectMany(Words).Distinct().ToArray();
        string Noise(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => vocabulary[random.Next(vocabulary.Length)]));

        var procedures = pack.Procedures.ToList();
        var faq = pack.Faq.ToList();
        var originals = pack.Entries.ToArray();
        for (var i = 0; procedures.Count + faq.Count < scale; i++)
        {
            var id = $"{originals[i % originals.Length].Id}-syn{i}";
            switch (originals[i % originals.Length])
            {
                case Procedure p:
                    procedures.Add(p with { Id = id, Name = $"{p.Name} {Noise(4)}", Keywords = [.. p.Keywords.Select(k => $"{k} {Noise(2)}")], Documents = [.. p.Documents, Noise(12)] });
                    break;
                case FaqEntry f:
                    faq.Add(f with { Id = id, Questions = [.. f.Questions.Select(q => $"{q} {Noise(3)}")], Answer = $"{f.Answer} {Noise(15)}" });
                    break;
            }
        }
        return pack with { Procedures = procedures, Faq = faq };
    }

    private static IEnumerable<string> Words(KnowledgeEntry entry) => entry switch
    {
        Procedure p => p.Name.Split(' ').Concat(p.Documents.SelectMany(d => d.Split(' '))),
        FaqEntry f => f.Questions.SelectMany(q => q.Split(' ')).Concat(f.Answer.Split(' ')),
        _ => [],
    };

    private static double Percentile(double[] sorted, double p) => Math.Round(sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))], 1);
}
