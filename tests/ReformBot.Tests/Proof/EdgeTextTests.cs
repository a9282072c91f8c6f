using System.Text;
using ReformBot.Core.Answering;
using ReformBot.Core.Conversations;

namespace ReformBot.Tests.Proof;

/// <summary>Vietnamese edge text goes through the engine and the turn without an error.</summary>
public sealed class EdgeTextTests(SamplePack sample) : IClassFixture<SamplePack>
{
    public static TheoryData<string> Texts => new()
    {
        "",
        "   ",
        "😀🙏🏻👍",
        "?!?!... ,,, ---",
        string.Concat(Enumerable.Repeat("thủ tục xin phép xây nhà cần gì ", 320)),   // about 10,000 characters
        "giấy phép xây dựng".Normalize(NormalizationForm.FormD) + " gia hạn",        // combining marks, mixed with NFC
        "gi\u200Bấy ph\u200Cép x\u200Dây d\uFEFFựng",                              // zero-width characters inside words
        "hoà hòa thuý thúy quỳ quỹ",                                              // old and new tone placement
        "giâý phép xâý dưng",                                                     // tone mark on the wrong vowel
        "\u0000\u0001\u001F control",
        new string('a', 10_000),
        "\uD800 lone surrogate",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void AnswersOrEscalatesWithoutError(string text)
    {
        var decision = sample.Answerer.Answer(text);
        Assert.NotNull(decision);

        var bot = new Bot(sample.Index, new AnswererOptions(), new ReplyRenderer(sample.Pack.Office));
        var result = bot.OnTurn([new Activity("webchat", "edge-user", "m1", ActivityKind.Text, text, DateTimeOffset.UtcNow)]);
        Assert.NotEmpty(result.Replies);
        Assert.All(result.Replies, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
    }
}
