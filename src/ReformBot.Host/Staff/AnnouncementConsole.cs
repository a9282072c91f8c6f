using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using ReformBot.Core.Conversations;
using ReformBot.Core.Publishing;
using ReformBot.Core.Storage;
using static ReformBot.Host.Staff.ConsoleHtml;

namespace ReformBot.Host.Staff;

/// <summary>/staff/announcements: the notices proposed from knowledge changes, edited and approved, a free notice, and progress.</summary>
internal static class AnnouncementConsole
{
    public static void MapAnnouncementConsole(this WebApplication app)
    {
        var console = app.MapGroup("/staff/announcements").RequireAuthorization(StaffAuthPolicies.Staff);

        console.MapGet("/", (HttpContext http, IAntiforgery af, AnnouncementStore store, Announcements announcements, LiveKnowledge knowledge, string? notice) =>
        {
            var token = ConsoleEndpoints.Token(http, af);
            return Results.Content(Page("Thông báo", List(store, announcements, knowledge, token, notice), ConsoleEndpoints.User(http), token), "text/html; charset=utf-8");
        });

        console.MapPost("/", ([FromForm] string title, [FromForm] string text, [FromForm] string audience, [FromForm] string? field,
            HttpContext http, Announcements announcements) =>
        {
            if (!Announcements.Fits(title, text)) return Back(TextRequired);
            var followers = audience == "followers";
            if (!followers && string.IsNullOrWhiteSpace(field)) return Back("Chọn lĩnh vực có người theo dõi sẽ nhận thông báo.");
            announcements.Draft(title, text, [], followers ? null : field, followers ? AnnouncementAudience.Followers : AnnouncementAudience.Subscribers,
                ConsoleEndpoints.User(http));
            return Back("Đã lưu bản nháp; kiểm tra lại rồi bấm \"Duyệt và gửi\".");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());

        console.MapPost("/{id:long}/edit", (long id, [FromForm] string title, [FromForm] string text, Announcements announcements) =>
            Back(!Announcements.Fits(title, text) ? TextRequired : announcements.Edit(id, title, text) ?? "Đã lưu."))
            .WithMetadata(new RequireAntiforgeryTokenAttribute());

        console.MapPost("/{id:long}/send", (long id, HttpContext http, Announcements announcements) =>
            Back(announcements.Send(id, ConsoleEndpoints.User(http)) ?? "Đã duyệt; thông báo đang được gửi."))
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
    }

    private static readonly string TextRequired = $"Cần tiêu đề (tối đa {Announcements.MaxTitle} ký tự) và nội dung (tối đa {Announcements.MaxText} ký tự).";

    private static IResult Back(string notice) => Results.Redirect("/staff/announcements?notice=" + Uri.EscapeDataString(notice));

    private static string List(AnnouncementStore store, Announcements announcements, LiveKnowledge knowledge, string token, string? notice)
    {
        var html = new StringBuilder();
        if (notice is not null) html.Append($"<p class=\"card\">{E(notice)}</p>");
        foreach (var a in store.List(null))
        {
            html.Append($"<div class=\"card\"><strong>{E(a.Title)}</strong> <span class=\"muted\">{E(Describe(a))}</span>");
            if (a.Status == AnnouncementStatus.Draft)
            {
                html.Append($"""
                    <form method="post" action="/staff/announcements/{a.Id}/edit">{token}
                    <input type="text" name="title" value="{E(a.Title)}" maxlength="{Announcements.MaxTitle}" aria-label="Tiêu đề">
                    <textarea name="text" rows="4" maxlength="{Announcements.MaxText}" aria-label="Nội dung">{E(a.Text)}</textarea>
                    <button class="secondary">Lưu</button></form>
                    <form method="post" action="/staff/announcements/{a.Id}/send">{token}<button>Duyệt và gửi</button></form>
                    """);
            }
            else
            {
                var p = announcements.Progress(a.Id)!;
                html.Append($"<div class=\"msg bot\">{E(Reply.Notice(a).Text)}</div><p>Người nhận {p.Recipients}: đã gửi {p.Delivered}, lỗi {p.Failed}, đang gửi {p.Pending}");
                foreach (var (reason, count) in p.Skipped) html.Append($"; chưa gửi được {count} ({E(reason)}; họ sẽ thấy khi nhắn tới)");
                html.Append(".</p>");
            }
            html.Append("</div>");
        }
        var fields = knowledge.Current.Pack.Procedures.Select(p => p.Field).Where(f => f.Length > 0).Distinct().Order();
        html.Append($"""
            <div class="card"><strong>Thông báo mới</strong>
            <form method="post" action="/staff/announcements">{token}
            <input type="text" name="title" maxlength="{Announcements.MaxTitle}" placeholder="Tiêu đề" aria-label="Tiêu đề">
            <textarea name="text" rows="4" maxlength="{Announcements.MaxText}" placeholder="Nội dung gửi người dân" aria-label="Nội dung"></textarea>
            <p><label><input type="radio" name="audience" value="subscribers" checked> Người theo dõi lĩnh vực</label>
            <select name="field" aria-label="Lĩnh vực">{string.Concat(fields.Select(f => $"<option>{E(f)}</option>"))}</select></p>
            <p><label><input type="radio" name="audience" value="followers"> Người quan tâm Zalo OA</label></p>
            <button>Lưu bản nháp</button></form>
            <p class="muted">Messenger chỉ cho gửi trong 24 giờ kể từ tin nhắn cuối của người dân, Zalo trong 7 ngày; người ngoài thời hạn sẽ thấy thông báo khi nhắn tới.</p></div>
            """);
        return html.ToString();
    }

    private static string Describe(Announcement a) => a.Status switch
    {
        AnnouncementStatus.Draft => a.Proposed ? "Đề xuất từ thay đổi thủ tục, chờ duyệt" : "Bản nháp, chờ duyệt",
        AnnouncementStatus.Sending => $"Đang gửi (duyệt bởi {a.SentBy})",
        _ => $"Đã gửi (duyệt bởi {a.SentBy})",
    };
}
