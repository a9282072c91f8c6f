using System.Text;
using ReformBot.Core.Knowledge;

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
        Decision.Answered a => Render(a.Best.Entry),
        Decision.Ambiguous a => Choices(a.Choices.Select(c => c.Entry)),
        _ => NoAnswer(),
    };

    public string Render(KnowledgeEntry entry) => entry switch
    {
        Procedure p => Procedure(p),
        FaqEntry f => Faq(f),
        _ => entry.Title,
    };

    public static string Choices(IEnumerable<KnowledgeEntry> entries)
    {
        var text = new StringBuilder("Có phải bạn muốn hỏi:\n");
        var i = 1;
        foreach (var entry in entries) text.Append(i++).Append(". ").Append(entry.Title).Append('\n');
        return text.Append("Bạn vui lòng chọn một mục, hoặc hỏi cụ thể hơn.").ToString();
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

    private string Procedure(Procedure p)
    {
        var details = DetailsUrl(p);
        var text = new StringBuilder();
        text.Append(p.Name).Append("\n\n");
        text.Append("- Nơi nộp: ").Append(p.Where).Append('\n');
        text.Append("- Thời hạn giải quyết: ").Append(p.ProcessingTime).Append('\n');
        text.Append("- Phí, lệ phí: ").Append(p.Fee).Append('\n');
        text.Append(Online(p.Online));
        var documents = new StringBuilder("- Hồ sơ gồm:\n");
        foreach (var document in p.Documents.Take(MaxDocuments)) documents.Append("  + ").Append(Shorten(document, MaxDocumentLength)).Append('\n');
        if (p.Documents.Count > MaxDocuments) documents.Append("  + … và ").Append(p.Documents.Count - MaxDocuments).Append(" giấy tờ khác\n");
        var footer = details is null ? "" : $"\nXem đầy đủ: {details}";
        if (text.Length + documents.Length + footer.Length <= MaxLength) text.Append(documents);
        return Fit(text.ToString().TrimEnd() + footer, footer);
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
