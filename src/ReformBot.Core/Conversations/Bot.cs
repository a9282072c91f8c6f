using ReformBot.Core.Answering;
using ReformBot.Core.Knowledge;
using ReformBot.Core.Knowledge.Index;

namespace ReformBot.Core.Conversations;

/// <summary>
/// What one turn produced: the replies, and the engine's decision when a question was asked (for tickets), or the entry
/// whose choice was tapped.
/// </summary>
public sealed record TurnResult(IReadOnlyList<Reply> Replies, string? Question, Decision? Decision)
{
    public KnowledgeEntry? Chosen { get; init; }
}

/// <summary>
/// The turn handler (Bot Framework's IBot role): the citizen's activities of one turn in, the bot's replies out.
/// Several short messages sent in a row arrive together and are read as one question.
/// </summary>
public sealed class Bot
{
    private const int MaxChoices = 3;
    private readonly Answerer answerer;
    private readonly ReplyRenderer renderer;
    private readonly Dictionary<string, KnowledgeEntry> entries;

    public Bot(KnowledgeIndex index, AnswererOptions options, ReplyRenderer renderer)
    {
        answerer = new Answerer(index, options);
        this.renderer = renderer;
        entries = index.Pack.Entries.ToDictionary(e => e.Id);
        Greeting = Greet(index.Pack);
    }

    public const string TextOnly =
        "Xin lỗi, hiện tôi chỉ đọc được tin nhắn dạng chữ. Bạn vui lòng gõ câu hỏi của mình, ví dụ: \"thủ tục xin giấy phép xây dựng nhà ở\".";

    private const string DefaultGreeting =
        "Xin chào! Tôi là trợ lý tự động trả lời về thủ tục hành chính. Bạn hãy gõ câu hỏi ngắn gọn, ví dụ: \"hồ sơ xin giấy phép xây dựng nhà ở\".";

    public TurnResult OnTurn(IReadOnlyList<Activity> activities)
    {
        // A tapped choice carries an entry id (Zalo sends a tapped button back as text, so text equal to an id counts too).
        var chosen = activities.Select(a => entries.GetValueOrDefault(a.Text.Trim())).LastOrDefault(e => e is not null);
        if (chosen is not null) return new([Answer(chosen, [])], null, null) { Chosen = chosen };

        var question = string.Join(' ', activities
            .Where(a => a.Kind is ActivityKind.Text or ActivityKind.Choice)
            .Select(a => a.Text.Trim())
            .Where(t => t.Length > 0));
        if (question.Length > 0) return Ask(question);
        if (activities.Any(a => a.Kind == ActivityKind.Follow)) return new([Greeting], null, null);
        return new([Reply.Plain(TextOnly)], null, null);
    }

    private TurnResult Ask(string question)
    {
        var decision = answerer.Answer(question);
        var reply = decision switch
        {
            Decision.Answered a => new Reply(renderer.Render(decision), Choices(a.Alternatives.Select(c => c.Entry)), a.Handoff),
            Decision.Ambiguous a => new Reply(renderer.Render(decision), Choices(a.Choices.Select(c => c.Entry)), decision.Escalates),
            _ => new Reply(renderer.Render(decision), [], Escalated: true),
        };
        return new([reply], question, decision);
    }

    private Reply Answer(KnowledgeEntry entry, IEnumerable<Candidate> alternatives) =>
        new(renderer.Render(entry), Choices(alternatives.Select(c => c.Entry)));

    /// <summary>
    /// What a citizen is shown first, on every channel: the web chat's first screen, Zalo's follow, Messenger's Get
    /// Started. The pack's own greeting (small talk is content, answering "xin chào"), or a plain one if the pack has
    /// none, with the pack's main topics as buttons (<see cref="TopicButtons"/>).
    /// </summary>
    public Reply Greeting { get; }

    private Reply Greet(KnowledgePack pack)
    {
        var text = answerer.Answer("xin chào") is Decision.Answered { Handoff: false } a ? renderer.Render(a.Best.Entry) : DefaultGreeting;
        return new Reply(text, TopicButtons.For(pack, answerer));
    }

    private static IReadOnlyList<ReplyChoice> Choices(IEnumerable<KnowledgeEntry> entries) =>
        entries.Take(MaxChoices).Select(e => new ReplyChoice(e.Title, e.Id)).ToList();
}
