namespace ReformBot.Core.Conversations;

/// <summary>Splits a text longer than a platform's limit at line, then sentence, then word boundaries.</summary>
public static class TextChunks
{
    public static IReadOnlyList<string> Split(string text, int max)
    {
        var chunks = new List<string>();
        var rest = text.Trim();
        while (rest.Length > max)
        {
            var cut = BestCut(rest, max);
            chunks.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0 || chunks.Count == 0) chunks.Add(rest);
        return chunks;
    }

    private static int BestCut(string text, int max)
    {
        var line = text.LastIndexOf('\n', max - 1);
        if (line > max / 2) return line + 1;
        var sentence = text.LastIndexOfAny(['.', '!', '?', ';'], max - 1);
        if (sentence > max / 2) return sentence + 1;
        var space = text.LastIndexOf(' ', max - 1);
        return space > max / 2 ? space + 1 : max;
    }
}
