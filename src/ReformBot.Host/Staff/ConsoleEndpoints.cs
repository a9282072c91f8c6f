using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using ReformBot.Core.Answering;
using ReformBot.Core.Conversations;
using ReformBot.Core.Escalation;
using static ReformBot.Host.Staff.ConsoleHtml;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Staff;

/// <summary>/staff: log in, the queue with filters and counts, a ticket with its conversation, reply, claim, close, save as FAQ.</summary>
internal static class ConsoleEndpoints
{
    public static void MapStaffConsole(this WebApplication app)
    {
        app.MapGet("/staff/login", (HttpContext http, IAntiforgery af, string? error) =>
            Html(Page("Đăng nhập", LoginForm(Token(http, af), error))));

        app.MapPost("/staff/login", async (HttpContext http, [FromForm] string username, [FromForm] string password, StaffStore staff) =>
        {
            switch (staff.Login(username.Trim(), password))
            {
                case LoginResult.Ok ok:
                    await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, StaffAuth.Principal(ok.Account, CookieAuthenticationDefaults.AuthenticationScheme));
                    return Results.Redirect("/staff");
                case LoginResult.Locked locked:
                    return Results.Redirect("/staff/login?error=" + Uri.EscapeDataString($"Tài khoản tạm khóa đến {OfficeHours.Describe(locked.Until)} vì đăng nhập sai nhiều lần."));
                default:
                    return Results.Redirect("/staff/login?error=" + Uri.EscapeDataString("Sai tên đăng nhập hoặc mật khẩu."));
            }
        }).AllowAnonymous();

        var console = app.MapGroup("/staff").RequireAuthorization(StaffAuthPolicies.Staff);
        console.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/staff/login");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());

        console.MapGet("/", (HttpContext http, IAntiforgery af, Tickets tickets, TimeProvider time, string? filter, string? channel) =>
            Html(Page("Hàng chờ", Queue(tickets, time, User(http), filter ?? "active", channel), User(http), Token(http, af), refreshSeconds: 15)));

        console.MapGet("/tickets/{number}", (string number, HttpContext http, IAntiforgery af, Tickets tickets, LiveKnowledge knowledge, string? notice) =>
            tickets.Find(number) is { } ticket
                ? Html(Page(ticket.Number, TicketPage(ticket, knowledge, Token(http, af), notice), User(http), Token(http, af)))
                : Results.NotFound());

        console.MapPost("/tickets/{number}/claim", (string number, HttpContext http, Tickets tickets) => Back(number, tickets.Claim(number, User(http)), "Đã nhận xử lý."))
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        console.MapPost("/tickets/{number}/release", (string number, HttpContext http, Tickets tickets) => Back(number, tickets.Release(number, User(http)), "Đã trả lại hàng chờ."))
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        console.MapPost("/tickets/{number}/close", (string number, HttpContext http, Tickets tickets) => Back(number, tickets.Close(number, User(http)), "Đã đóng phiếu."))
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        console.MapPost("/tickets/{number}/reopen", (string number, HttpContext http, Tickets tickets) => Back(number, tickets.Reopen(number, User(http)), "Đã mở lại phiếu."))
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        console.MapPost("/tickets/{number}/reply", (string number, [FromForm] string text, HttpContext http, StaffReplies replies) =>
            replies.Send(number, User(http), text) switch
            {
                IStatusCodeHttpResult { StatusCode: 202 } => Back(number, "Đã gửi trả lời qua kênh của người dân."),
                var other => Back(number, "Chưa gửi được: " + Describe(other)),
            });
        console.MapPost("/tickets/{number}/faq", async (string number, [FromForm] string question, [FromForm] string? answer, [FromForm] string? target,
            HttpContext http, StaffKnowledge knowledge, CancellationToken ct) =>
            await knowledge.SaveAsync(number, User(http), question, answer, target, ct) switch
            {
                StaffKnowledge.SaveResult.Saved saved => Back(number, $"Đã lưu ({saved.Id}); bot trả lời câu hỏi này ngay từ bây giờ."),
                StaffKnowledge.SaveResult.Refused refused => Back(number, refused.Reason),
                _ => throw new InvalidOperationException(),
            });
        console.MapReportPage();
    }

    internal static string User(HttpContext http) => http.User.Identity?.Name ?? "";

    internal static string Token(HttpContext http, IAntiforgery af)
    {
        var tokens = af.GetAndStoreTokens(http);
        return Hidden(tokens.FormFieldName, tokens.RequestToken ?? "");
    }

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");

    private static IResult Back(string number, Tickets.Change change, string done) => Back(number, change switch
    {
        Tickets.Change.Done => done,
        Tickets.Change.Refused refused => refused.Reason,
        _ => null,
    });

    private static IResult Back(string number, string? notice) =>
        Results.Redirect($"/staff/tickets/{Uri.EscapeDataString(number)}?notice={Uri.EscapeDataString(notice ?? "Không có phiếu này.")}");

    private static string Describe(IResult result) => result switch
    {
        IValueHttpResult { Value: { } value } => value.GetType().GetProperty("error")?.GetValue(value)?.ToString() ?? "lỗi",
        _ => "không tìm thấy phiếu",
    };

    private static string LoginForm(string token, string? error) => $"""
        <div class="card"><h1>Đăng nhập</h1>
        {(error is null ? "" : $"<p class=\"error\">{E(error)}</p>")}
        <form method="post" action="/staff/login">{token}
        <p><label>Tên đăng nhập<br><input type="text" name="username" autocomplete="username" required></label></p>
        <p><label>Mật khẩu<br><input type="password" name="password" autocomplete="current-password" required></label></p>
        <button>Đăng nhập</button></form></div>
        """;

    private static string Queue(Tickets tickets, TimeProvider time, string user, string filter, string? channel)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var all = tickets.List();
        var filters = new (string Key, string Label, Func<Ticket, bool> Match)[]
        {
            ("active", "Chưa đóng", t => t.IsActive),
            ("open", "Chờ xử lý", t => t.Status == TicketStatus.Open),
            ("mine", "Của tôi", t => t.IsActive && t.Assignee == user),
            ("overdue", "Quá hạn", t => t.Status is TicketStatus.Open or TicketStatus.Claimed && t.DueAt < now),
            ("all", "Tất cả", _ => true),
        };
        var chosen = filters.FirstOrDefault(f => f.Key == filter);
        if (chosen.Key is null) chosen = filters[0];
        var html = new StringBuilder("<div class=\"card filters\">");
        foreach (var f in filters)
            html.Append($"<a href=\"/staff?filter={f.Key}\"{(f.Key == chosen.Key ? " style=\"font-weight:700\"" : "")}>{E(f.Label)} ({all.Count(f.Match)})</a>");
        html.Append("<br><span class=\"muted\">Kênh:</span> ");
        foreach (var c in new[] { "facebook", "zalo", "webchat" })
            html.Append($"<a href=\"/staff?filter={chosen.Key}&channel={c}\">{Channel(c)} ({all.Count(t => chosen.Match(t) && t.Channel == c)})</a>");
        html.Append("</div><div class=\"card\"><table><tr><th>Phiếu</th><th>Câu hỏi</th><th>Trạng thái</th><th>Hạn</th></tr>");
        foreach (var t in all.Where(chosen.Match).Where(t => channel is null || t.Channel == channel).Take(200))
        {
            var overdue = t.IsActive && t.Status != TicketStatus.Answered && t.DueAt < now;
            html.Append($"<tr><td><a href=\"/staff/tickets/{E(t.Number)}\">{E(t.Number)}</a><br><span class=\"muted\">{Channel(t.Channel)}</span></td>")
                .Append($"<td>{E(Shorten(t.Question, 140))}</td><td>{Status(t.Status)}{(t.Assignee is null ? "" : $"<br><span class=\"muted\">{E(t.Assignee)}</span>")}</td>")
                .Append($"<td{(overdue ? " class=\"overdue\"" : "")}>{Time(t.DueAt)}</td></tr>");
        }
        return html.Append("</table></div>").ToString();
    }

    private static string TicketPage(Ticket t, LiveKnowledge knowledge, string token, string? notice)
    {
        var entries = knowledge.Current.Pack.Entries.ToDictionary(e => e.Id);
        var renderer = new ReplyRenderer(knowledge.Current.Pack.Office);
        var html = new StringBuilder();
        if (notice is not null) html.Append($"<div class=\"card\"><strong>{E(notice)}</strong></div>");
        html.Append($"<div class=\"card\"><h1>{E(t.Number)}</h1><p>{Channel(t.Channel)} · {E(t.UserRef)} · <strong>{Status(t.Status)}</strong>")
            .Append($"{(t.Assignee is null ? "" : " · " + E(t.Assignee))}<br>Mở lúc {Time(t.CreatedAt)} · hạn trả lời {Time(t.DueAt)}</p>");
        if (t.DeliveryError is not null) html.Append($"<p class=\"error\">Trả lời gần nhất chưa gửi được: {E(t.DeliveryError)}</p>");
        html.Append("<div class=\"actions\">");
        var actions = t.Status == TicketStatus.Closed
            ? new[] { ("reopen", "Mở lại phiếu") }
            : [("claim", "Nhận xử lý"), ("release", "Trả lại hàng chờ"), ("close", "Đóng phiếu")];
        foreach (var (action, label) in actions)
            html.Append($"<form method=\"post\" action=\"/staff/tickets/{E(t.Number)}/{action}\">{token}<button class=\"secondary\">{label}</button></form> ");
        html.Append("</div></div>");

        html.Append($"<div class=\"card\"><h2>Hội thoại</h2>{Messages(t)}</div>");

        html.Append("<div class=\"card\"><h2>Gợi ý của bot</h2>");
        foreach (var c in t.Candidates)
        {
            var answer = entries.TryGetValue(c.Id, out var entry) ? renderer.Render(entry) : "";
            html.Append($"<p>{E(c.Title)} <span class=\"muted\">({c.Confidence:0.00})</span> ")
                .Append($"<button type=\"button\" class=\"secondary draft\" data-answer=\"{E(answer)}\">Chèn làm bản nháp</button></p>");
        }
        html.Append($"""
            <form method="post" action="/staff/tickets/{E(t.Number)}/reply">{token}
            <p><label>Trả lời người dân<br><textarea id="reply" name="text" rows="7" maxlength="4000" required></textarea></label></p>
            <button>Gửi trả lời</button></form></div>
            """);

        var lastReply = t.Messages.LastOrDefault(m => m.From == TicketAuthor.Staff)?.Text ?? "";
        html.Append($"""
            <div class="card"><h2>Lưu thành câu hỏi thường gặp</h2>
            <form method="post" action="/staff/tickets/{E(t.Number)}/faq">{token}
            <p><label>Câu hỏi<br><input type="text" name="question" value="{E(t.Question)}" required></label></p>
            <p><label>Câu trả lời (cho mục mới)<br><textarea name="answer" rows="5">{E(lastReply)}</textarea></label></p>
            <p><label>Lưu vào<br><select name="target"><option value="">Mục mới</option>
            {string.Concat(t.Candidates.Select(c => $"<option value=\"{E(c.Id)}\">Thêm cách hỏi cho: {E(c.Title)}</option>"))}
            </select></label></p><button>Lưu</button></form></div>
            """);

        html.Append("<div class=\"card\"><h2>Nhật ký</h2><ul>");
        foreach (var a in t.Actions) html.Append($"<li>{Time(a.At)} · {E(a.Actor)}: {E(a.Describe())}</li>");
        html.Append("</ul></div>");
        html.Append("""
            <script>
            document.querySelectorAll("button.draft").forEach(b => b.addEventListener("click", () => {
              const box = document.getElementById("reply"); box.value = b.dataset.answer; box.focus();
            }));
            </script>
            """);
        return html.ToString();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
