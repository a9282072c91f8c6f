using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReformBot.Core.Knowledge;
using ReformBot.Tests.Host;

namespace ReformBot.Tests.Conversations;

/// <summary>
/// What a citizen reads when a question goes to staff, on the real host with the sample pack: the due time promised
/// must follow from the office hours shown beside it, which are the pack's office card (8 working hours a day:
/// 7h00–11h30 is 4.5 h, 13h30–17h00 is 3.5 h), with Tết days off configured.
/// </summary>
public sealed class DueTimePromiseTests
{
    [Theory]
    // Sunday night: nothing until Monday 7h00, then 8 h is the whole of Monday.
    [InlineData("2026-11-29T22:00", "trước 17h00 thứ Hai, 30/11/2026", true)]
    // Friday 16h30: 0.5 h on Friday, then 7.5 h on Monday: 4.5 h to 11h30 and 3 h from 13h30.
    [InlineData("2026-11-27T16:30", "trước 16h30 thứ Hai, 30/11/2026", false)]
    // The working day before Tết (days off Friday 5/2, Monday 8/2 to Wednesday 10/2/2027), Thursday 4/2 at 16h30: 0.5 h,
    // then nothing until Thursday 11/2, and 7.5 h that day.
    [InlineData("2027-02-04T16:30", "trước 16h30 thứ Năm, 11/02/2027", false)]
    public async Task PromisesTheDueTimeThatTheHoursShownGive(string localTime, string promise, bool closed)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(DateTime.Parse(localTime), TimeSpan.FromHours(7)));
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform, extra: new Dictionary<string, string?>
        {
            ["ReformBot:MessageWindowSeconds"] = "0",
            ["ReformBot:Escalation:AnswerWithinWorkingHours"] = "8",
            ["ReformBot:Escalation:Holidays:0"] = "2027-02-05",
            ["ReformBot:Escalation:Holidays:1"] = "2027-02-08",
            ["ReformBot:Escalation:Holidays:2"] = "2027-02-09",
            ["ReformBot:Escalation:Holidays:3"] = "2027-02-10",
        }, configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var card = PackLoader.Load(SamplePack.Directory).Pack!.Office!.Hours!;

        await host.PostWebChatAsync("citizen-0001", "giá vàng hôm nay bao nhiêu");
        var reply = await ReplyAsync(host, "citizen-0001");

        Assert.Equal("Thứ Hai đến Thứ Sáu, 7h00–11h30, 13h30–17h00", card);
        Assert.Contains($"{promise} (giờ làm việc: {card}).", reply);
        Assert.Equal(closed, reply.Contains("Hiện đang ngoài giờ làm việc"));
    }

    private static async Task<string> ReplyAsync(RunningHost host, string session)
    {
        for (var i = 0; i < 200; i++, await Task.Delay(50))
            if (await host.Http.GetFromJsonAsync<List<JsonElement>>($"/webchat/messages?session={session}&after=0") is [var reply, ..])
                return reply.GetProperty("text").GetString()!;
        throw new TimeoutException("no reply from the web chat");
    }
}
