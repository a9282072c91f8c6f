using System.CommandLine;
using System.Text.Json;
using ReformBot.Core.Answering;
using ReformBot.Core.Knowledge.Index;

namespace ReformBot.Cli;

/// <summary><c>reformbot ask "câu hỏi"</c>: the decision, the reply text, and the candidates with their scores.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The citizen's question, e.g. \"thu tuc xin phep xay nha can gi\"" };
        var knowledge = CliOptions.Knowledge();
        var json = CliOptions.Json();
        var command = new Command("ask", "Ask the bot one question") { question, knowledge, json };
        command.SetAction(parse =>
        {
            if (CliOptions.LoadPack(parse.GetValue(knowledge)!) is not { } pack) return 2;
            using var index = KnowledgeIndex.Build(pack, SearchProfile.Vietnamese, CliOptions.Ranking());
            var options = CliOptions.Answering();
            var shortlist = new Answerer(index, options).Consider(parse.GetValue(question)!);
            var decision = Answerer.Decide(shortlist, options);
            var reply = new ReplyRenderer(pack.Office).Render(decision);
            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(ToJson(shortlist.Scope, decision, reply), Output.JsonOptions));
            else Print(shortlist.Scope, decision, reply);
            return 0;
        });
        return command;
    }

    private static object ToJson(QuestionScope scope, Decision decision, string reply) => new
    {
        decision = decision.Kind,
        escalates = decision.Escalates,
        topics = scope.Topics.Select(t => t.Name),
        foreign = scope.Foreign.Select(t => new { t.Name, t.Referral }),
        qualifiers = scope.Qualifiers.Select(q => q.Label),
        id = (decision as Decision.Answered)?.Best.Id,
        handoff = decision is Decision.Answered { Handoff: true },
        choices = (decision as Decision.Ambiguous)?.Choices.Select(c => c.Id),
        reply,
        candidates = decision.Candidates.Select(c => new
        {
            id = c.Id, title = c.Entry.Title, confidence = Math.Round(c.Confidence, 3), score = Math.Round(c.Score, 3),
            coverage = Math.Round(c.Features.Coverage, 3), titleCoverage = Math.Round(c.Features.TitleCoverage, 3),
            offTopic = c.Fit.OffTopic, missing = c.Fit.Missing.Select(q => q.Label),
        }),
    };

    private static void Print(QuestionScope scope, Decision decision, string reply)
    {
        var headline = decision switch
        {
            Decision.Answered a => $"Answered: {a.Best.Id} (confidence {a.Best.Confidence:0.00}){(a.Handoff ? ", hand-off to staff" : "")}",
            Decision.Ambiguous a => $"Ambiguous: {string.Join(", ", a.Choices.Select(c => c.Id))}",
            Decision.NoAnswer n => $"NoAnswer: {n.Reason} (escalate to staff)",
            _ => decision.Kind,
        };
        Console.WriteLine(headline);
        if (scope.Topics.Count + scope.Qualifiers.Count > 0)
            Console.WriteLine($"About: {string.Join(", ", scope.Topics.Select(t => scope.Foreign.Contains(t) ? $"{t.Name} (no entry)" : t.Name))}" +
                              (scope.Qualifiers.Count > 0 ? $"; cases: {string.Join(", ", scope.Qualifiers.Select(q => q.Label))}" : ""));
        Console.WriteLine();
        Console.WriteLine(reply);
        Console.WriteLine();
        Console.WriteLine("Candidates:");
        static string Fit(ScopeFit fit) =>
            (fit.OffTopic ? "  [other matter]" : "") + (fit.RestSaid > 0 ? $"  [says {fit.RestSaid} more]" : "") + (fit.Missing.Count > 0 ? $"  [never says: {string.Join(", ", fit.Missing.Select(q => q.Label))}]" : "");
        foreach (var c in decision.Candidates)
            Console.WriteLine($"  {c.Confidence,5:0.00}  score {c.Score,7:0.00}  cov {c.Features.Coverage:0.00}/{c.Features.TitleCoverage:0.00}/{c.Features.VariantCoverage:0.00}  {c.Id}  {c.Entry.Title}{Fit(c.Fit)}");
    }
}
