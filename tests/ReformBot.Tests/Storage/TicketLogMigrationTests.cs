using LiteDB;
using ReformBot.Core.Escalation;
using ReformBot.Core.Storage;
using ReformBot.Tests.Host;

namespace ReformBot.Tests.Storage;

public sealed class TicketLogMigrationTests
{
    [Fact]
    public void ReadsAFreeTextLogIntoTypedEventsOnce()
    {
        var dataPath = RunningHost.NewDataPath();
        Directory.CreateDirectory(dataPath);
        var at = new DateTime(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc);
        using (var legacy = new LiteDatabase(Path.Combine(dataPath, BotDatabase.FileName)))
        {
            BsonDocument Action(int minutes, string who, string what) => new() { ["At"] = at.AddMinutes(minutes), ["Who"] = who, ["What"] = what };
            legacy.GetCollection("tickets").Insert(new BsonDocument
            {
                ["_id"] = 1L, ["Number"] = "HC-2026-000001", ["Channel"] = "zalo", ["UserId"] = "u1", ["Status"] = "Closed",
                ["Messages"] = new BsonArray { new BsonDocument { ["At"] = at.AddMinutes(5), ["From"] = "Staff", ["Text"] = "Trả lời." } },
                ["Actions"] = new BsonArray
                {
                    Action(0, "bot", "mở phiếu"), Action(1, "lan", "nhận xử lý"), Action(5, "lan", "trả lời (thẻ HUMAN_AGENT)"),
                    Action(6, "bot", "không gửi được trả lời: -230 user not interacted"), Action(7, "lan", "lưu thành câu hỏi thường gặp staff-hc-2026-000001"),
                    Action(8, "lan", "đóng phiếu"), Action(9, "lan", "một việc lạ"),
                },
            });
        }

        using (var db = new BotDatabase(dataPath))
        {
            var ticket = db.Tickets.FindOne(t => t.Number == "HC-2026-000001");
            Assert.Equal(
                ["bot: mở phiếu", "lan: nhận xử lý", "lan: trả lời: thẻ HUMAN_AGENT", "bot: không gửi được trả lời: -230 user not interacted",
                 "lan: lưu thành câu hỏi thường gặp: staff-hc-2026-000001", "lan: đóng phiếu", "lan: ghi chú: một việc lạ"],
                ticket.Actions.Select(a => $"{a.Actor}: {a.Describe()}"));
            Assert.Equal(at.AddMinutes(8), ticket.ClosedAt);
            Assert.Equal(at.AddMinutes(5), ticket.FirstStaffReplyAt);
        }
        using (var again = new BotDatabase(dataPath))
            Assert.Equal(7, again.Tickets.FindOne(t => t.Number == "HC-2026-000001").Actions.Count);
    }
}
