using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ReformBot.Core.Conversations;
using ReformBot.Core.Escalation;
using ReformBot.Core.Storage;

namespace ReformBot.Tests.Host;

/// <summary>SIPAS-style ratings over the real webhooks: stored with what they rate, never read as questions.</summary>
public sealed class RatingTests
{
    private static string QuickReply(string psid, string mid, string title, string payload, long timestamp) => $$$$"""
        {"object":"page","entry":[{"id":"PAGE","time":1,"messaging":[
          {"sender":{"id":"{{{{psid}}}}"},"recipient":{"id":"PAGE"},"timestamp":{{{{timestamp}}}},
           "message":{"mid":"{{{{mid}}}}","text":"{{{{title}}}}","quick_reply":{"payload":"{{{{payload}}}}"}}}]}]}
        """;

    private static List<(string Title, string Payload)> QuickReplies(SentMessage message) =>
        message.Body.GetProperty("message").TryGetProperty("quick_replies", out var replies)
            ? replies.EnumerateArray().Select(q => (q.GetProperty("title").GetString()!, q.GetProperty("payload").GetString()!)).ToList()
            : [];

    [Fact]
    public async Task AMessengerCitizenRatesAnAnswerAndAsksForAPersonAfterChua()
    {
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform);

        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-R1", "mid.r1", "thu tuc xin phep xay nha o can gi"));
        var answer = (await platform.WaitForAsync(s => s.Count >= 1)).Single();
        Assert.EndsWith(Bot.HelpfulQuestion, answer.Text);
        var choices = QuickReplies(answer);
        var yes = choices.Single(c => c.Title.EndsWith("Có"));
        var no = choices.Single(c => c.Title.EndsWith("Chưa"));

        // Taps within one turn count as the last of them, like a changed mind: each waits for the bot's thanks here.
        await host.PostFacebookAsync(QuickReply("PSID-R1", "mid.r2", yes.Title, yes.Payload, 1764200001000));
        await platform.WaitForAsync(s => s.Count >= 2);
        await host.PostFacebookAsync(QuickReply("PSID-R1", "mid.r3", no.Title, no.Payload, 1764200002000));
        var afterNo = (await platform.WaitForAsync(s => s.Count >= 3))[2];
        Assert.Empty(host.Service<Tickets>().List());

        var person = Assert.Single(QuickReplies(afterNo));
        await host.PostFacebookAsync(QuickReply("PSID-R1", "mid.r4", person.Title, person.Payload, 1764200003000));
        await host.WaitUntilIdleAsync();

        var ratings = host.Service<RatingStore>().Between(DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal([1, 0], ratings.OrderBy(r => r.Id).Select(r => r.Score));
        Assert.All(ratings, r => Assert.Equal(("xd-gpxd-moi-nha-o-rieng-le", "Hoạt động xây dựng", RatingKind.Answer), (r.EntryId!, r.Field!, r.Kind)));
        var ticket = Assert.Single(host.Service<Tickets>().List());
        Assert.StartsWith("Người dân muốn gặp cán bộ về: ", ticket.Question);
        Assert.Equal("Hoạt động xây dựng", ticket.Field);
        Assert.Contains(ticket.Number, platform.Sent.Last().Text);
    }

    [Fact]
    public async Task AZaloButtonComesBackAsTextAndIsStillARatingNotAQuestion()
    {
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform);
        var (json, timestamp) = ZaloChannelTests.TextEvent("zalo-r1", "zmsg-r1", "le phi cap giay phep xay dung nha o");
        await host.PostZaloAsync(json, timestamp);
        var answer = (await platform.WaitForAsync(s => s.Count >= 1)).Single();
        var yes = answer.Body.GetProperty("message").GetProperty("attachment").GetProperty("payload").GetProperty("buttons").EnumerateArray()
            .Single(b => b.GetProperty("title").GetString()!.EndsWith("Có")).GetProperty("payload").GetString()!;

        (json, timestamp) = ZaloChannelTests.TextEvent("zalo-r1", "zmsg-r2", yes, DateTimeOffset.UtcNow.AddSeconds(1));
        await host.PostZaloAsync(json, timestamp);
        await host.WaitUntilIdleAsync();

        var rating = Assert.Single(host.Service<RatingStore>().Between(DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1)));
        Assert.Equal(("zalo", 1), (rating.Channel, rating.Score));
        Assert.Empty(host.Service<Tickets>().List());
        Assert.StartsWith("Cảm ơn bạn", platform.Sent.Last().Text);
    }

    [Fact]
    public async Task AClosedTicketAsksItsCitizenOnceOnTheFivePointScale()
    {
        var dataPath = RunningHost.NewDataPath();
        var token = RunningHost.AddStaff(dataPath, "lan", StaffRole.Staff);
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform, dataPath);
        host.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-T1", "mid.t1", "gia vang hom nay bao nhieu"));
        await host.WaitUntilIdleAsync();
        var number = host.Service<Tickets>().List().Single().Number;

        (await host.Http.PostAsync($"/api/staff/tickets/{number}/close", null)).EnsureSuccessStatusCode();
        var question = (await platform.WaitForAsync(s => s.Count >= 2))[1];
        var scale = QuickReplies(question);
        Assert.Contains(number, question.Text);
        Assert.Equal(["Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Rất không hài lòng"], scale.Select(c => c.Title));

        var best = scale[0];
        await host.PostFacebookAsync(QuickReply("PSID-T1", "mid.t2", best.Title, best.Payload, 1764200001000));
        await platform.WaitForAsync(s => s.Count >= 3);
        await host.PostFacebookAsync(QuickReply("PSID-T1", "mid.t3", best.Title, best.Payload, 1764200002000));
        await host.PostFacebookAsync(QuickReply("PSID-someone-else", "mid.t4", best.Title, best.Payload, 1764200003000));
        await host.WaitUntilIdleAsync();

        var rating = Assert.Single(host.Service<RatingStore>().Between(DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1)));
        Assert.Equal((RatingKind.Ticket, 5, number), (rating.Kind, rating.Score, rating.TicketNumber));

        // The optional comment: asked for with a button, then the next message, kept on the ticket and not answered as a question.
        var comment = Assert.Single(QuickReplies(platform.Sent.First(m => m.UserId == "PSID-T1" && m.Text.StartsWith("Cảm ơn bạn đã đánh giá"))));
        await host.PostFacebookAsync(QuickReply("PSID-T1", "mid.t5", comment.Title, comment.Payload, 1764200004000));
        await host.WaitUntilIdleAsync();
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-T1", "mid.t6", "cán bộ trả lời nhanh nhưng nên gửi kèm mẫu đơn", 1764200005000));
        await host.WaitUntilIdleAsync();

        var ticket = Assert.Single(host.Service<Tickets>().List());
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal("cán bộ trả lời nhanh nhưng nên gửi kèm mẫu đơn", ticket.Messages.Last().Text);
        Assert.Contains(ticket.Actions, a => a.Kind == TicketEvent.Commented);
        Assert.Contains(ticket.Actions, a => a.Kind == TicketEvent.Rated && a.Text == "5/5");
        Assert.StartsWith("Cảm ơn góp ý của bạn", platform.Sent.Last().Text);

        // And the rating is in the reports, with the answer rated "Có" by another citizen meanwhile.
        await host.PostFacebookAsync(FacebookChannelTests.TextEvent("PSID-T2", "mid.t7", "thu tuc xin phep xay nha o can gi", 1764200006000));
        var answer = (await platform.WaitForAsync(s => s.Any(m => m.UserId == "PSID-T2"))).Last(m => m.UserId == "PSID-T2");
        var yes = QuickReplies(answer).Single(c => c.Title.EndsWith("Có"));
        await host.PostFacebookAsync(QuickReply("PSID-T2", "mid.t8", yes.Title, yes.Payload, 1764200007000));
        await host.WaitUntilIdleAsync();
        var today = ReformBot.Core.Escalation.OfficeHours.ToLocal(DateTime.UtcNow).ToString("yyyy-MM-dd");
        var summary = await host.Http.GetFromJsonAsync<JsonElement>($"/api/staff/reports/summary?from={today}&to={today}");
        var satisfaction = summary.GetProperty("satisfaction");
        Assert.Equal((1, 0), (satisfaction.GetProperty("answers").GetProperty("yes").GetInt32(), satisfaction.GetProperty("answers").GetProperty("no").GetInt32()));
        Assert.Equal(1, satisfaction.GetProperty("tickets").GetProperty("5").GetInt32());
        Assert.Single(host.Service<Tickets>().List());
    }
}
