using System.Net;
using System.Text;
using ReformBot.Core.Escalation;

namespace ReformBot.Host.Staff;

/// <summary>The console's HTML, server-rendered, phone-friendly, in Vietnamese. Every piece of text is HTML-encoded here.</summary>
internal static class ConsoleHtml
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Page(string title, string body, string? user = null, string antiforgery = "", int refreshSeconds = 0) => $$"""
        <!doctype html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        {{(refreshSeconds > 0 ? $"<meta http-equiv=\"refresh\" content=\"{refreshSeconds}\">" : "")}}
        <title>{{E(title)}} · ReformBot</title>
        <style>
        body{margin:0;font:15px/1.45 system-ui,sans-serif;background:#f3f4f6;color:#1c2430}
        header{background:#b3261e;color:#fff;padding:10px 14px;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
        header a{color:#fff} header form{margin-left:auto}
        main{max-width:900px;margin:0 auto;padding:12px}
        .card{background:#fff;border-radius:8px;padding:12px;margin-bottom:12px;box-shadow:0 1px 2px #0002}
        table{width:100%;border-collapse:collapse} td,th{padding:6px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top}
        .filters a{margin-right:10px} .overdue{color:#b3261e;font-weight:600} .muted{color:#6b7280;font-size:.85em}
        .msg{padding:8px 10px;border-radius:10px;margin:6px 0;white-space:pre-wrap;overflow-wrap:anywhere}
        .citizen{background:#e8f0fe} .bot{background:#f1f3f4} .staff{background:#e6f4ea}
        textarea,input[type=text],input[type=password]{width:100%;box-sizing:border-box;font:inherit;padding:8px}
        button{font:inherit;padding:7px 12px;border-radius:6px;border:1px solid #0b57d0;background:#0b57d0;color:#fff;cursor:pointer}
        button.secondary{background:#fff;color:#0b57d0} .error{color:#b3261e} .actions form{display:inline}
        </style></head><body>
        <header><strong>ReformBot · Cán bộ</strong>{{(user is null ? "" : $"<a href=\"/staff\">Hàng chờ</a><a href=\"/staff/announcements\">Thông báo</a><a href=\"/staff/reports\">Báo cáo</a><span>{E(user)}</span><form method=\"post\" action=\"/staff/logout\">{antiforgery}<button class=\"secondary\">Đăng xuất</button></form>")}}</header>
        <main>{{body}}</main></body></html>
        """;

    public static string Status(TicketStatus status) => status switch
    {
        TicketStatus.Open => "Chờ xử lý",
        TicketStatus.Claimed => "Đang xử lý",
        TicketStatus.Answered => "Đã trả lời",
        _ => "Đã đóng",
    };

    public static string Channel(string channel) => channel switch
    {
        "facebook" => "Messenger",
        "zalo" => "Zalo",
        _ => "Web",
    };

    public static string Time(DateTime utc) => E(OfficeHours.Describe(utc));

    public static string Hidden(string name, string value) => $"<input type=\"hidden\" name=\"{E(name)}\" value=\"{E(value)}\">";

    public static string Messages(Ticket ticket)
    {
        var html = new StringBuilder();
        foreach (var m in ticket.Messages)
        {
            var (css, who) = m.From switch
            {
                TicketAuthor.Citizen => ("citizen", "Người dân"),
                TicketAuthor.Bot => ("bot", "Bot"),
                _ => ("staff", $"Cán bộ {m.Staff}"),
            };
            html.Append($"<div class=\"msg {css}\"><span class=\"muted\">{E(who)} · {Time(m.At)}</span>\n{E(m.Text)}</div>");
        }
        return html.ToString();
    }
}
