using ReformBot.Core.Answering;
using Xunit;

namespace ReformBot.Tests.Answering;

public sealed class AnswererTests(SamplePack sample) : IClassFixture<SamplePack>
{
    [Theory]
    [InlineData("Xin chào")]
    [InlineData("xin chao")]
    public void GreetsWhenTheCitizenSaysHello(string text)
    {
        var answered = Assert.IsType<Decision.Answered>(sample.Answerer.Answer(text));

        Assert.Equal("bot-chao-hoi", answered.Best.Id);
        Assert.False(answered.Handoff);
    }

    [Theory]
    [InlineData("Cho tôi gặp cán bộ")]
    [InlineData("cho minh gap nguoi that")]
    public void HandsOffWhenTheCitizenAsksForAPerson(string text)
    {
        var answered = Assert.IsType<Decision.Answered>(sample.Answerer.Answer(text));

        Assert.Equal("bot-gap-nhan-vien", answered.Best.Id);
        Assert.True(answered.Handoff);
    }

    [Fact]
    public void OffersChoicesWhenSeveralProceduresFitEqually()
    {
        // "Chứng chỉ năng lực" alone fits first issue, re-issue and amendment alike.
        var ambiguous = Assert.IsType<Decision.Ambiguous>(sample.Answerer.Answer("chứng chỉ năng lực"));

        Assert.InRange(ambiguous.Choices.Count, 2, 3);
        Assert.All(ambiguous.Choices, c => Assert.StartsWith("xd-ccnl-", c.Id));
    }

    [Theory]
    [InlineData("giá vàng sjc hôm nay bao nhiêu")]
    [InlineData("chỉ mình cách nấu bún bò Huế với")]
    public void EscalatesQuestionsTheKnowledgeDoesNotCover(string text)
    {
        var decision = sample.Answerer.Answer(text);

        Assert.IsType<Decision.NoAnswer>(decision);
    }

    [Theory]
    [InlineData("làm giấy khai sinh cho con ở đâu")]
    [InlineData("Sở có tuyển dụng công chức năm nay không")]
    public void CountsATopicThePackNeverMentionsAsUnknown(string text)
    {
        // Each syllable occurs somewhere in the sample pack, but no entry speaks of birth registration or recruitment
        // in any of the thesaurus's words for them.
        var decision = sample.Answerer.Answer(text);

        Assert.IsNotType<Decision.Answered>(decision);
        Assert.True(decision.Candidates[0].Features.UnknownShare > 0.2, $"unknown share {decision.Candidates[0].Features.UnknownShare}");
    }

    [Fact]
    public void ATopicThePackMentionsInOtherWordsIsKnown()
    {
        var answered = Assert.IsType<Decision.Answered>(sample.Answerer.Answer("làm giấy phép xây nhà cần giấy tờ gì"));

        Assert.Equal(0, answered.Best.Features.UnknownShare);
    }

    [Fact]
    public void EscalatesWhenNothingMatchesAtAll()
    {
        var noAnswer = Assert.IsType<Decision.NoAnswer>(sample.Answerer.Answer("???"));

        Assert.Empty(noAnswer.Candidates);
    }

    [Theory]
    [InlineData("gia hạn giấy phép xây dựng")]
    [InlineData("gia han giay phep xay dung")]
    [InlineData("GIA HAN GIAY PHEP XAY DUNG")]
    [InlineData("gia ha\u0323n giâ\u0301y phe\u0301p xây dư\u0323ng")] // combining marks (NFD-style input)
    public void AnswersTheSameWithOrWithoutDiacritics(string text)
    {
        var answered = Assert.IsType<Decision.Answered>(sample.Answerer.Answer(text));

        Assert.Equal("xd-gpxd-gia-han-nha-o", answered.Best.Id);
        Assert.InRange(answered.Best.Confidence, 0, 1);
    }

    [Fact]
    public void UnderstandsChatSpellingsAndAcronyms()
    {
        var answered = Assert.IsType<Decision.Answered>(sample.Answerer.Answer("gpxd het han chua khoi cong thi gia han ntn"));

        Assert.Equal("xd-gpxd-gia-han-nha-o", answered.Best.Id);
    }

    [Fact]
    public void AlternativesNeverRepeatTheAnswer()
    {
        var answered = Assert.IsType<Decision.Answered>(sample.Answerer.Answer("gia hạn giấy phép xây dựng"));

        Assert.True(answered.Alternatives.Count <= 3);
        Assert.DoesNotContain(answered.Alternatives, c => c.Id == answered.Best.Id);
    }

    [Fact]
    public void KeepsAnEntryThatNeverSaysTheCaseAsAChoiceAndEscalates()
    {
        // The sample pack's permits are for houses; a factory is another case of the same matter.
        var ambiguous = Assert.IsType<Decision.Ambiguous>(sample.Answerer.Answer("xin giấy phép xây dựng nhà xưởng"));

        Assert.Equal("nhà xưởng, công trình sản xuất", Assert.Single(ambiguous.Unsure).Label);
        Assert.True(ambiguous.Escalates);
        Assert.Equal("xd-gpxd-moi-nha-o-rieng-le", ambiguous.Choices[0].Id);
        Assert.StartsWith("Tôi chưa có hướng dẫn riêng về nhà xưởng", new ReplyRenderer(sample.Pack.Office).Render(ambiguous));
    }

    [Fact]
    public void AnswersTheSameMatterWithoutTheCase()
    {
        var answered = Assert.IsType<Decision.Answered>(sample.Answerer.Answer("xin giấy phép xây dựng nhà ở riêng lẻ"));

        Assert.Equal("xd-gpxd-moi-nha-o-rieng-le", answered.Best.Id);
        Assert.False(answered.Escalates);
    }

    [Fact]
    public void RemembersWhichPartsOfTheProcedureWereAsked()
    {
        var answered = Assert.IsType<Decision.Answered>(sample.Answerer.Answer("gpxd nha o le phi bao nhieu, mat may ngay"));
        var comma = Assert.IsType<Decision.Answered>(sample.Answerer.Answer("xin phép xây nhà ở phí bao nhiêu, bao lâu có giấy"));

        Assert.Equal([Facet.Fee, Facet.Time], answered.Asked);
        Assert.Equal([Facet.Fee, Facet.Time], comma.Asked);
    }

    [Theory]
    [InlineData("làm hộ chiếu online ở đâu", "cấp hộ chiếu")]
    [InlineData("đổi giấy phép lái xe ô tô hết hạn cần gì", "giấy phép lái xe")]
    public void EscalatesAMatterNoEntryIsAboutWithTheAgencyThatHandlesIt(string text, string topic)
    {
        // "giấy phép" is in every permit of the sample pack; a driving licence is still not one of them.
        var noAnswer = Assert.IsType<Decision.NoAnswer>(sample.Answerer.Answer(text));

        Assert.Equal(topic, noAnswer.Foreign?.Name);
        Assert.Contains("Công an", noAnswer.Foreign?.Referral);
    }

    [Fact]
    public void OffersAnEntryThatSaysMoreOfTheQuestionBesideTheReferral()
    {
        // A ward that does legal aid but not lawsuits: being sued is the citizen's situation, legal aid what they ask for.
        using var ward = ReformBot.Core.Knowledge.Index.KnowledgeIndex.Build(ReformBot.Core.Knowledge.PackLoader.Load(
            Path.Combine(AppContext.BaseDirectory, "Evaluation", "pack-c")).Pack!);

        var ambiguous = Assert.IsType<Decision.Ambiguous>(new Answerer(ward, new AnswererOptions()).Answer("nhà nghèo bị kiện đòi nợ, có luật sư của nhà nước giúp không"));

        Assert.Equal("tgpl-tro-giup-phap-ly", Assert.Single(ambiguous.Choices).Id);
        Assert.Contains("Tòa án", ambiguous.Foreign?.Referral);
        Assert.True(ambiguous.Escalates);
    }
    [Fact]
    public void BelowTheOfferLineOffersOnlyEntriesAboutTheMatterNamed()
    {
        // Thresholds no candidate reaches: what is left is whether the question names a matter some entries are about.
        var strict = new AnswererOptions { AnswerThreshold = 0.99, OfferThreshold = 0.99 };
        var answerer = new Answerer(sample.Index, strict);

        var named = Assert.IsType<Decision.Ambiguous>(answerer.Answer("xin giấy phép xây dựng nhà ở"));
        var unnamed = answerer.Answer("cho hỏi cái này làm sao");

        Assert.All(named.Choices, c => Assert.False(c.Fit.OffTopic));
        Assert.Contains(named.Choices, c => c.Id == "xd-gpxd-moi-nha-o-rieng-le");
        Assert.IsType<Decision.NoAnswer>(unnamed);
    }
}
