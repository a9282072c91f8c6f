using System.Text;
using ReformBot.Core.Knowledge;
using ReformBot.Core.Knowledge.Analysis;

namespace ReformBot.Core.Answering;

/// <summary>
/// Citizen-facing text for a decision, readable on a phone: short lines, at most <see cref="MaxLength"/> characters,
/// with a link to the full text rather than a wall of it. Addresses the citizen as "bạn".
/// </summary>
public sealed class ReplyRenderer(Office? office, string? detailsBaseUrl = null)
{
    public const int MaxLength = 1500;
    private const int MaxDocuments = 4;
    private const int MaxDocumentLength = 160;

    public string Render(Decision decision) => decision switch
    {
        Decision.Answered a => Render(a.Best.Entry, a.Asked),
        Decision.Ambiguous { Unsure.Count: > 0 } a => Nearest(a.Unsure[0], a.Choices.Select(c => c.Entry)),
        Decision.Ambiguous { Foreign: { } topic } a => Referral(topic) + "\n\n" + Choices(a.Choices.Select(c => c.Entry)),
        Decision.Ambiguous a => Choices(a.Choices.Select(c => c.Entry)),
        Decision.NoAnswer { Foreign: { } topic } => Referral(topic),
        _ => NoAnswer(),
    };

    /// <summary>An entry; for a procedure, the parts the question asked for come first, right under its name.</summary>
    public string Render(KnowledgeEntry entry, IReadOnlyList<Facet>? asked = null) => entry switch
    {
        Procedure p => Procedure(p, asked ?? []),
        FaqEntry f => Faq(f),
        _ => entry.Title,
    };

    public static string Choices(IEnumerable<KnowledgeEntry> entries)
    {
        var text = new StringBuilder("Có phải bạn muốn hỏi:\n");
        AppendList(text, entries);
        return text.Append("Bạn vui lòng chọn một mục, hoặc hỏi cụ thể hơn.").ToString();
    }

    /// <summary>The question is a case (foreign element, extension, fine…) that the nearest entries do not cover.</summary>
    private static string Nearest(Qualifier unsure, IEnumerable<KnowledgeEntry> entries)
    {
        var text = new StringBuilder($"Tôi chưa có hướng dẫn riêng về {unsure.Label} mà bạn hỏi. Nội dung gần nhất tôi có:\n");
        AppendList(text, entries);
        return text.Append("Bạn có thể chọn để xem; tôi cũng chuyển câu hỏi tới cán bộ để trả lời đúng trường hợp của bạn.").ToString();
    }

    /// <summary>A matter this agency has nothing on: say so, and who handles it when the national thesaurus knows.</summary>
    private string Referral(Topic topic)
    {
        var agency = office?.Name is { } name ? name : "cơ quan";
        var text = $"Tôi chưa có hướng dẫn về {topic.Name} trong các thủ tục {agency} công bố tại đây.";
        if (topic.Referral is null) return text;
        // "who handles it; how else it can be done" (National/README.md)
        var parts = topic.Referral.Split(';', 2, StringSplitOptions.TrimEntries);
        text += $"\nViệc này do {parts[0]} giải quyết.";
        return parts is [_, { Length: > 0 } advice] ? $"{text}\n{char.ToUpperInvariant(advice[0])}{advice[1..].TrimEnd('.')}." : text;
    }

    public string NoAnswer()
    {
        var text = new StringBuilder("Xin lỗi, tôi chưa có câu trả lời chắc chắn cho câu hỏi này. ");
        text.Append("Câu hỏi của bạn sẽ được chuyển đến cán bộ");
        if (office?.Name is { } name) text.Append(' ').Append(name);
        text.Append(" để trả lời bạn.");
        if (office?.Hotline is { } hotline) text.Append("\nBạn cũng có thể gọi đường dây nóng ").Append(hotline).Append('.');
        return text.ToString();
    }

    private static void AppendList(StringBuilder text, IEnumerable<KnowledgeEntry> entries)
    {
        var i = 1;
        foreach (var entry in entries) text.Append(i++).Append(". ").Append(entry.Title).Append('\n');
    }

    /// <summary>One line when every way of submitting says the same, else a line per way.</summary>
    private static string PerChannel(string label, string overall, IEnumerable<(string Channel, string Value)> channels)
    {
        var said = channels.ToList();
        if (said.Select(c => c.Value).Distinct().Count() <= 1) return $"{label}: {(said.Count > 0 ? said[0].Value : overall)}\n";
        return $"{label}:\n" + string.Concat(said.Select(c => $"  + {c.Channel}: {c.Value}\n"));
    }

    private string Procedure(Procedure p, IReadOnlyList<Facet> asked)
    {
        var details = DetailsUrl(p);
        var footer = details is null ? "" : $"\nXem đầy đủ: {details}";
        var parts = new Dictionary<Facet, string>
        {
            [Facet.Where] = $"- Nơi nộp: {p.Where}\n",
            [Facet.Time] = PerChannel("- Thời hạn giải quyết", p.ProcessingTime, p.Channels.Select(c => (c.Name, c.ProcessingTime))),
            [Facet.Fee] = PerChannel("- Phí, lệ phí", p.Fee, p.Channels.Select(c => (c.Name, c.Fee))),
            [Facet.Online] = Online(p.Online),
            [Facet.Documents] = Documents(p.Documents),
            [Facet.Steps] = Numbered("- Các bước:\n", p.Steps),
            [Facet.Result] = $"- Kết quả: {p.Result}\n",
        };
        var text = new StringBuilder(p.Name).Append("\n\n");
        foreach (var facet in asked) text.Append(parts[facet]);
        if (asked.Count > 0) text.Append('\n');
        Facet[] card = [Facet.Where, Facet.Time, Facet.Fee, Facet.Online];
        foreach (var facet in card.Where(f => !asked.Contains(f))) text.Append(parts[facet]);
        var documents = asked.Contains(Facet.Documents) ? "" : parts[Facet.Documents];
        if (text.Length + documents.Length + footer.Length <= MaxLength) text.Append(documents);
        return Fit(text.ToString().TrimEnd() + footer, footer);
    }

    private static string Documents(IReadOnlyList<string> documents)
    {
        var text = new StringBuilder("- Hồ sơ gồm:\n");
        foreach (var document in documents.Take(MaxDocuments)) text.Append("  + ").Append(Shorten(document, MaxDocumentLength)).Append('\n');
        if (documents.Count > MaxDocuments) text.Append("  + … và ").Append(documents.Count - MaxDocuments).Append(" giấy tờ khác\n");
        return text.ToString();
    }

    private static string Numbered(string heading, IReadOnlyList<string> items)
    {
        var text = new StringBuilder(heading);
        for (var i = 0; i < items.Count; i++) text.Append("  ").Append(i + 1).Append(". ").Append(Shorten(items[i], MaxDocumentLength)).Append('\n');
        return text.ToString();
    }

    private static string Online(OnlineService online) => online.Mode switch
    {
        OnlineMode.Full => $"- Nộp trực tuyến toàn trình tại: {online.Url}\n",
        OnlineMode.Partial => $"- Nộp trực tuyến một phần tại: {online.Url}\n",
        _ => "- Thủ tục này chưa nộp trực tuyến được, bạn nộp trực tiếp hoặc qua bưu chính.\n",
    };

    private static string Faq(FaqEntry f)
    {
        var text = new StringBuilder(f.Answer.Trim());
        var links = new StringBuilder();
        foreach (var link in f.Links) links.Append("\n- ").Append(link.Title).Append(": ").Append(link.Url);
        var footer = links.ToString();
        return Fit(text.Append(footer).ToString(), footer);
    }

    private string? DetailsUrl(Procedure p) =>
        detailsBaseUrl is { Length: > 0 } baseUrl ? $"{baseUrl.TrimEnd('/')}/{p.Id}" : p.Online.Url;

    /// <summary>Cuts the text before the footer at a sentence or line end, so the footer (links) always survives.</summary>
    private static string Fit(string text, string footer)
    {
        if (text.Length <= MaxLength) return text;
        var body = text[..^footer.Length];
        var room = MaxLength - footer.Length - 2;
        var cut = body.LastIndexOfAny(['.', '\n', ';'], Math.Max(0, room - 1));
        return body[..(cut > room / 2 ? cut + 1 : room)].TrimEnd() + " …" + footer;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..text.LastIndexOf(' ', max - 2)] + " …";
}
