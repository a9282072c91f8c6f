using ReformBot.Core.Conversations;

namespace ReformBot.Tests.Conversations;

public sealed class TextChunksTests
{
    [Fact]
    public void LeavesAShortTextWhole() => Assert.Equal(["Xin chào."], TextChunks.Split("Xin chào.", 2000));

    [Fact]
    public void SplitsAtLineEndsFirstAndKeepsEveryCharacter()
    {
        var lines = Enumerable.Range(1, 60).Select(i => $"- Giấy tờ số {i}: bản sao có chứng thực hoặc bản chụp kèm bản chính để đối chiếu.");
        var text = string.Join('\n', lines);

        var chunks = TextChunks.Split(text, 1900);

        Assert.True(chunks.Count >= 3);
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 1900));
        Assert.All(chunks, c => Assert.StartsWith("- Giấy tờ số", c));
        Assert.Equal(text.Replace("\n", ""), string.Concat(chunks).Replace("\n", ""));
    }

    [Fact]
    public void SplitsOneLongLineAtSentenceOrWordEnds()
    {
        var text = string.Concat(Enumerable.Repeat("Hồ sơ nộp tại Bộ phận Một cửa của UBND xã. ", 80));

        var chunks = TextChunks.Split(text, 500);

        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 500));
        Assert.All(chunks, c => Assert.EndsWith(".", c));
    }
}
