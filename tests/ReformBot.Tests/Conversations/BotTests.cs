using ReformBot.Core.Answering;
using ReformBot.Core.Conversations;

namespace ReformBot.Tests.Conversations;

public sealed class BotTests(SamplePack sample) : IClassFixture<SamplePack>
{
    private readonly Bot bot = new(sample.Index, new AnswererOptions(), new ReplyRenderer(sample.Pack.Office));

    private static Activity Say(string text, ActivityKind kind = ActivityKind.Text) =>
        new("webchat", "session-1", Guid.NewGuid().ToString("N"), kind, text, DateTimeOffset.UtcNow);

    [Fact]
    public void ReadsMessagesSentInARowAsOneQuestion()
    {
        var result = bot.OnTurn([Say("cho em hỏi"), Say("xin phép xây nhà ở"), Say("cần giấy tờ gì ạ")]);

        Assert.Equal("cho em hỏi xin phép xây nhà ở cần giấy tờ gì ạ", result.Question);
        Assert.IsType<Decision.Answered>(result.Decision);
        Assert.StartsWith("Cấp giấy phép xây dựng", Assert.Single(result.Replies).Text);
    }

    [Fact]
    public void AnswersTheChosenEntryWhetherTappedOrSentBackAsText()
    {
        var tapped = bot.OnTurn([Say("xd-gpxd-cap-lai-nha-o", ActivityKind.Choice)]);
        var typedBack = bot.OnTurn([Say("xd-gpxd-cap-lai-nha-o")]);

        Assert.StartsWith("Cấp lại giấy phép xây dựng", Assert.Single(tapped.Replies).Text);
        Assert.Equal(tapped.Replies[0].Text, typedBack.Replies[0].Text);
    }

    [Fact]
    public void OffersChoicesWithEntryIdsWhenAmbiguous()
    {
        var reply = Assert.Single(bot.OnTurn([Say("chung chi")]).Replies);

        Assert.StartsWith("Có phải bạn muốn hỏi", reply.Text);
        Assert.InRange(reply.Choices.Count, 2, 3);
        Assert.All(reply.Choices, c => Assert.Contains(sample.Pack.Entries, e => e.Id == c.Payload && e.Title == c.Title));
    }

    [Fact]
    public void MarksAnUnansweredQuestionAndAHandoffAsEscalated()
    {
        Assert.True(Assert.Single(bot.OnTurn([Say("giá vàng hôm nay bao nhiêu")]).Replies).Escalated);
        Assert.True(Assert.Single(bot.OnTurn([Say("cho tôi gặp cán bộ")]).Replies).Escalated);
        Assert.False(Assert.Single(bot.OnTurn([Say("lệ phí cấp giấy phép xây dựng nhà ở")]).Replies).Escalated);
    }

    [Fact]
    public void GreetsAFollowerWithThePacksGreetingAndItsMainTopics()
    {
        var reply = Assert.Single(bot.OnTurn([Say("", ActivityKind.Follow)]).Replies);

        Assert.Same(bot.Greeting, reply);
        Assert.Equal(sample.Pack.Faq.Single(f => f.Id == "bot-chao-hoi").Answer.Trim(), reply.Text);
        Assert.InRange(reply.Choices.Count, 4, TopicButtons.Max);
        Assert.Equal(reply.Choices.Count, reply.Choices.DistinctBy(c => c.Payload).Count());
        var biggestField = sample.Pack.Procedures.GroupBy(p => p.Field).MaxBy(g => g.Count())!.Key;
        Assert.Equal(biggestField, sample.Pack.Procedures.Single(p => p.Keywords.Contains(reply.Choices[0].Payload)).Field);
    }

    [Fact]
    public void AnswersEachTopicFromTheIndexWithTheProcedureItNames()
    {
        foreach (var topic in bot.Greeting.Choices)
        {
            Assert.InRange(topic.Title.Length, 1, TopicButtons.MaxTitle);
            var procedure = Assert.Single(sample.Pack.Procedures, p => p.Keywords.Contains(topic.Payload));
            var result = bot.OnTurn([Say(topic.Payload, ActivityKind.Choice)]);

            Assert.Equal(procedure.Id, Assert.IsType<Decision.Answered>(result.Decision).Best.Id);
            Assert.StartsWith(procedure.Name, Assert.Single(result.Replies).Text);
        }
    }

    [Fact]
    public void AsksForTextWhenOnlyAnAttachmentCame()
    {
        var reply = Assert.Single(bot.OnTurn([Say("image", ActivityKind.Attachment)]).Replies);

        Assert.Equal(Bot.TextOnly, reply.Text);
    }
}
