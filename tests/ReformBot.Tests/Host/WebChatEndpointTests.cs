using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ReformBot.Tests.Host;

public sealed class WebChatEndpointTests
{
    [Fact]
    public async Task ServesZalosDomainVerificationTagOnTheHomePage()
    {
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform, extra: new Dictionary<string, string?> { ["ReformBot:Zalo:SiteVerification"] = "AbC\"<x>" });

        var page = await host.Http.GetStringAsync("/");

        Assert.Contains("<meta name=\"zalo-platform-site-verification\" content=\"AbC&quot;&lt;x&gt;\">", page);
    }

    [Fact]
    public async Task AnswersAPostedQuestionWhenThePagePolls()
    {
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform);

        Assert.Equal(HttpStatusCode.OK, (await host.PostWebChatAsync("session-0001", "gia hạn giấy phép xây dựng")).StatusCode);

        var replies = new List<JsonElement>();
        for (var i = 0; i < 100 && replies.Count == 0; i++, await Task.Delay(50))
            replies = await host.Http.GetFromJsonAsync<List<JsonElement>>("/webchat/messages?session=session-0001&after=0") ?? [];
        var reply = Assert.Single(replies);
        Assert.StartsWith("Gia hạn giấy phép xây dựng", reply.GetProperty("text").GetString());
        Assert.Empty(await host.Http.GetFromJsonAsync<List<JsonElement>>($"/webchat/messages?session=session-0001&after={reply.GetProperty("id").GetInt64()}") ?? []);
        Assert.Empty(await host.Http.GetFromJsonAsync<List<JsonElement>>("/webchat/messages?session=someone-else&after=0") ?? []);
    }

    [Fact]
    public async Task GivesTheFirstScreenThePacksGreetingAndTopics()
    {
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform);

        var greeting = await host.Http.GetFromJsonAsync<JsonElement>("/webchat/greeting");

        var bot = host.Service<ReformBot.Core.Conversations.LiveKnowledge>().Bot.Greeting;
        Assert.StartsWith("Xin chào! Tôi là trợ lý tự động của Sở Xây dựng", greeting.GetProperty("text").GetString());
        Assert.Equal(bot.Text, greeting.GetProperty("text").GetString());
        Assert.Equal(bot.Choices.Select(c => (c.Title, c.Payload)), greeting.GetProperty("choices").EnumerateArray()
            .Select(c => (c.GetProperty("title").GetString()!, c.GetProperty("payload").GetString()!)));
        Assert.InRange(bot.Choices.Count, 4, 6);
    }

    [Theory]
    [InlineData("""{"session":"short","id":"abcdefgh1","text":"xin chào"}""")]
    [InlineData("""{"session":"session-0002","id":"abcdefgh1","text":""}""")]
    [InlineData("""{"session":"session-0002","id":"bad id!!","text":"xin chào"}""")]
    [InlineData("""{"session":"session-0002","id":"abcdefgh1","text":42}""")]
    [InlineData("""not json""")]
    public async Task RejectsABadMessageWith400AndStoresNothing(string json)
    {
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform);

        var response = await host.Http.PostAsync("/webchat/messages", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, host.Service<ReformBot.Core.Storage.BotDatabase>().Inbox.Count());
    }
}
