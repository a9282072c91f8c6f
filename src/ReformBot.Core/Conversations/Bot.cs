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

    /// <summary>A button that does something (a rating, asking for a person): the turn records it instead of a question.</summary>
    public Tap? Tap { get; init; }
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
        greetingId = answerer.Answer("xin chào") is Decision.Answered { Handoff: false } greeting ? greeting.Best.Id : null;
        Greeting = Greet(index.Pack);
    }

    public const string TextOnly =
        "Xin lỗi, hiện tôi chỉ đọc được tin nhắn dạng chữ. Bạn vui lòng gõ câu hỏi của mình, ví dụ: \"thủ tục xin giấy phép xây dựng nhà ở\".";

    private const string DefaultGreeting =
        "Xin chào! Tôi là trợ lý tự động trả lời về thủ tục hành chính. Bạn hãy gõ câu hỏi ngắn gọn, ví dụ: \"hồ sơ xin giấy phép xây dựng nhà ở\".";

    public const string HelpfulQuestion = "Câu trả lời có giúp ích cho bạn không?";

    public TurnResult OnTurn(IReadOnlyList<Activity> activities)
    {
        if (activities.Select(a => Tap.Parse(a.Text)).LastOrDefault(t => t is not null) is { } tap) return Tapped(tap);

        // A tapped choice carries an entry id (Zalo sends a tapped button back as text, so text equal to an id counts too).
        var chosen = activities.Select(a => entries.GetValueOrDefault(a.Text.Trim())).LastOrDefault(e => e is not null);
        if (chosen is not null) return new([AskIfHelpful(Answer(chosen, []), chosen)], null, null) { Chosen = chosen };

        var question = string.Join(' ', activities
            .Where(a => a.Kind is ActivityKind.Text or ActivityKind.Choice)
            .Select(a => a.Text.Trim())
            .Where(t => t.Length > 0));
        if (question.Length > 0) return Ask(question);
        if (activities.Any(a => a.Kind == ActivityKind.Follow)) return new([Greeting], null, null);
        if (activities.All(a => a.Kind == ActivityKind.Unfollow)) return new([], null, null);
        return new([Reply.Plain(TextOnly)], null, null);
    }

    private TurnResult Ask(string question)
    {
        var decision = answerer.Answer(question);
        var reply = decision switch
        {
            Decision.Answered { Handoff: true } a => new Reply(renderer.Render(decision), Choices(a.Alternatives.Select(c => c.Entry)), true),
            Decision.Answered a => AskIfHelpful(new Reply(renderer.Render(decision), Choices(a.Alternatives.Select(c => c.Entry))), a.Best.Entry),
            Decision.Ambiguous a => new Reply(renderer.Render(decision), Choices(a.Choices.Select(c => c.Entry)), decision.Escalates),
            _ => new Reply(renderer.Render(decision), [], Escalated: true),
        };
        return new([reply], question, decision);
    }

    private Reply Answer(KnowledgeEntry entry, IEnumerable<Candidate> alternatives) =>
        new(renderer.Render(entry), Choices(alternatives.Select(c => c.Entry)));

    /// <summary>
    /// SIPAS-style, after a direct answer: "Có" / "Chưa" first, the other entries after. Not after the greeting, nor after
    /// an entry that hands the conversation to a person.
    /// </summary>
    private Reply AskIfHelpful(Reply answer, KnowledgeEntry entry)
    {
        if (entry.Id == greetingId || entry is FaqEntry { IsHandoff: true }) return answer;
        List<ReplyChoice> asked = [new("Có", new Tap.Helpful(entry.Id, true).Payload), new("Chưa", new Tap.Helpful(entry.Id, false).Payload)];
        if (entry is Procedure) asked.Add(new ReplyChoice(FollowTitle, new Tap.Follow(entry.Id).Payload));
        return answer with { Text = answer.Text + "\n\n" + HelpfulQuestion, Choices = [.. asked, .. answer.Choices] };
    }

    public const string FollowTitle = "Theo dõi thủ tục này";

    private static List<ReplyChoice> FollowChoices(Procedure p) => p.Field.Length > 0
        ? [new("Theo dõi lĩnh vực", new Tap.FollowField(p.Field).Payload), new("Hủy theo dõi", new Tap.Unfollow(p.Id).Payload)]
        : [new("Hủy theo dõi", new Tap.Unfollow(p.Id).Payload)];

    private TurnResult Tapped(Tap tap) => tap switch
    {
        Tap.Follow f when entries.GetValueOrDefault(f.ProcedureId) is Procedure p => new([new Reply(
            $"Bạn đã theo dõi thủ tục \"{p.Name}\". Khi thủ tục thay đổi (phí, thời hạn, hồ sơ, nơi nộp…), chúng tôi sẽ nhắn bạn tại đây. " +
            "Gõ \"hủy theo dõi\" nếu bạn không muốn nhận nữa.",
            FollowChoices(p))], null, null) { Tap = tap },
        Tap.FollowField f => new([Reply.Plain(
            $"Bạn đã theo dõi lĩnh vực \"{f.Field}\": thông báo về các thủ tục của lĩnh vực này sẽ được nhắn tới bạn tại đây. " +
            "Gõ \"hủy theo dõi\" nếu bạn không muốn nhận nữa.")], null, null) { Tap = tap },
        Tap.Follow => new([Reply.Plain("Thủ tục này không còn trong danh sách thủ tục, nên bạn không theo dõi được. Bạn có thể hỏi thủ tục khác.")], null, null),
        Tap.Unfollow { ProcedureId: { } id } => new([Reply.Plain(
            $"Bạn đã hủy theo dõi thủ tục \"{(entries.GetValueOrDefault(id)?.Title ?? id)}\".")], null, null) { Tap = tap },
        Tap.Unfollow => new([Reply.Plain("Bạn đã hủy theo dõi tất cả thủ tục và lĩnh vực; bạn sẽ không nhận thông báo nữa.")], null, null) { Tap = tap },
        Tap.Helpful { Yes: true } => new([Reply.Plain("Cảm ơn bạn đã cho biết! Chúc bạn làm thủ tục thuận lợi.")], null, null) { Tap = tap },
        Tap.Helpful h => new([new Reply("Cảm ơn bạn đã cho biết. Bạn có muốn chuyển câu hỏi tới cán bộ để được hướng dẫn cụ thể hơn không?",
            [new ReplyChoice("Gặp cán bộ", new Tap.Person(h.EntryId).Payload)])], null, null) { Tap = tap },
        Tap.TicketRating r => new([new Reply("Cảm ơn bạn đã đánh giá. Ý kiến của bạn giúp chúng tôi phục vụ tốt hơn.",
            [new ReplyChoice("Góp ý thêm", new Tap.Comment(r.Number).Payload)])], null, null) { Tap = tap },
        Tap.Comment => new([Reply.Plain("Mời bạn nhắn góp ý của mình trong tin nhắn tiếp theo.")], null, null) { Tap = tap },
        // The ticket and its acknowledgement are the conversation's to write.
        _ => new([], null, null) { Tap = tap },
    };

    /// <summary>
    /// What a citizen is shown first, on every channel: the web chat's first screen, Zalo's follow, Messenger's Get
    /// Started. The pack's own greeting (small talk is content, answering "xin chào"), or a plain one if the pack has
    /// none, with the pack's main topics as buttons (<see cref="TopicButtons"/>).
    /// </summary>
    public Reply Greeting { get; }

    // The pack's answer to "xin chào", if it has one.
    private readonly string? greetingId;

    private Reply Greet(KnowledgePack pack)
    {
        var text = greetingId is { } id ? renderer.Render(entries[id]) : DefaultGreeting;
        return new Reply(text, TopicButtons.For(pack, answerer));
    }

    private static IReadOnlyList<ReplyChoice> Choices(IEnumerable<KnowledgeEntry> entries) =>
        entries.Take(MaxChoices).Select(e => new ReplyChoice(e.Title, e.Id)).ToList();
}
