using System.Globalization;
using System.Text;
using ReformBot.Core.Reports;
using static ReformBot.Host.Staff.ConsoleHtml;

namespace ReformBot.Host.Staff;

/// <summary>
/// Bar charts drawn on the page as inline SVG, one bar per field, its name above it so a phone's width is enough. Each bar
/// carries its numbers in a <c>&lt;title&gt;</c> (shown on hover, read by screen readers) and in a text label.
/// </summary>
internal static class ReportCharts
{
    private const int Width = 400, Label = 16, Bar = 18, Row = 44;
    /// <summary>The length of a full satisfaction bar; its value is written after it.</summary>
    private const int Track = Width - 110;

    private static readonly (string Css, string Name, string Color, Func<ReportRow, int> Count)[] Outcomes =
    [
        ("answered", "bot trả lời", "#1e8e3e", r => r.Answered),
        ("offered", "bot gợi ý", "#f9ab00", r => r.Offered),
        ("escalated", "chuyển cán bộ", "#b3261e", r => r.Escalated),
    ];

    /// <summary>Questions by field, each bar split by what became of them.</summary>
    public static string QuestionsByField(IReadOnlyList<ReportRow> fields)
    {
        var rows = fields.Where(r => r.Questions > 0).ToList();
        if (rows.Count == 0) return "<p class=\"muted\">Chưa có câu hỏi nào trong kỳ.</p>";
        var most = rows.Max(r => r.Questions);
        var svg = Open("questions-chart", "Câu hỏi theo lĩnh vực", rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (r, y) = (rows[i], i * Row);
            svg.Append($"<g class=\"bar\" data-field=\"{E(r.Name)}\"><text x=\"0\" y=\"{y + Label - 3}\">{E(r.Name)}</text>");
            double x = 0;
            foreach (var (css, name, color, count) in Outcomes)
            {
                var n = count(r);
                if (n == 0) continue;
                var w = Scale(n, most, Width - 40);
                svg.Append($"<rect class=\"{css}\" x=\"{F(x)}\" y=\"{y + Label}\" width=\"{F(w)}\" height=\"{Bar}\" fill=\"{color}\">")
                    .Append($"<title>{E(r.Name)}: {n} {name}</title></rect>");
                x += w;
            }
            svg.Append($"<text class=\"value\" x=\"{F(x + 6)}\" y=\"{y + Label + Bar - 4}\">{r.Questions}</text></g>");
        }
        return svg.Append("</svg>").Append(Legend()).ToString();
    }

    /// <summary>The share of answers rated "Có" by field, and the mean ticket score beside it.</summary>
    public static string SatisfactionByField(IReadOnlyList<ReportRow> fields)
    {
        var rows = fields.Where(r => r.Satisfaction.Yes + r.Satisfaction.No + r.Satisfaction.TicketRatings > 0).ToList();
        if (rows.Count == 0) return "<p class=\"muted\">Chưa có đánh giá nào trong kỳ.</p>";
        var svg = Open("satisfaction-chart", "Mức độ hài lòng theo lĩnh vực", rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (r, y, s) = (rows[i], i * Row, rows[i].Satisfaction);
            var share = s.YesShare is { } yes ? $"{ReportText.Percent(yes)} câu trả lời được đánh giá \"Có\" ({s.Yes}/{s.Yes + s.No})" : "chưa có đánh giá câu trả lời";
            var tickets = s.TicketMean is { } mean ? $"phiếu: {ReportText.Score(mean)}/5 ({s.TicketRatings} đánh giá)" : "phiếu: chưa có đánh giá";
            var w = Scale(s.YesShare ?? 0, 1, Track);
            svg.Append($"<g class=\"bar\" data-field=\"{E(r.Name)}\"><text x=\"0\" y=\"{y + Label - 3}\">{E(r.Name)}</text>")
                .Append($"<rect x=\"0\" y=\"{y + Label}\" width=\"{Track}\" height=\"{Bar}\" fill=\"#e5e7eb\"/>")
                .Append($"<rect class=\"yes\" x=\"0\" y=\"{y + Label}\" width=\"{F(w)}\" height=\"{Bar}\" fill=\"#1e8e3e\"><title>{E(r.Name)}: {E(share)}; {E(tickets)}</title></rect>")
                .Append($"<text class=\"value\" x=\"{Track + 6}\" y=\"{y + Label + Bar - 4}\">{E(ReportText.Percent(s.YesShare))} · {E(ReportText.Score(s.TicketMean))}/5</text></g>");
        }
        return svg.Append("</svg><p class=\"muted\">Thanh: tỉ lệ câu trả lời được đánh giá \"Có\"; số bên phải: tỉ lệ đó và điểm đánh giá phiếu trung bình (1–5).</p>").ToString();
    }

    private static StringBuilder Open(string id, string title, int rows) => new(
        $"<svg id=\"{id}\" role=\"img\" viewBox=\"0 0 {Width} {rows * Row}\" width=\"100%\" style=\"max-width:520px;font:13px system-ui,sans-serif\"><title>{E(title)}</title>");

    private static string Legend() => "<p class=\"muted\">" + string.Join(" ", Outcomes.Select(o =>
        $"<span style=\"color:{o.Color}\">■</span> {E(o.Name)}")) + "</p>";

    /// <summary>The longest bar is <paramref name="room"/> long, leaving the rest of the width for the value.</summary>
    private static double Scale(double value, double most, double room) => most <= 0 ? 0 : value / most * room;

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
