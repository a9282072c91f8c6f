namespace ReformBot.Core.Conversations;

/// <summary>
/// A button that does something rather than ask: its payload ("rb:…") comes back when tapped, as a quick reply, a
/// postback or, on Zalo, as the text of a message. A tap is never read as a question.
/// </summary>
public abstract record Tap
{
    private const string Prefix = "rb:";

    /// <summary>"Câu trả lời có giúp ích không?" — Có / Chưa, about the entry answered.</summary>
    public sealed record Helpful(string EntryId, bool Yes) : Tap;

    /// <summary>After "Chưa": the citizen wants a person to answer about the entry.</summary>
    public sealed record Person(string EntryId) : Tap;

    /// <summary>The 5-point rating of a closed ticket (5 = "Rất hài lòng").</summary>
    public sealed record TicketRating(string Number, int Score) : Tap;

    /// <summary>After rating a ticket, "Góp ý thêm": the next message is a comment on how it was handled.</summary>
    public sealed record Comment(string Number) : Tap;

    /// <summary>"Theo dõi thủ tục này": be told when the procedure changes.</summary>
    public sealed record Follow(string ProcedureId) : Tap;

    /// <summary>"Theo dõi lĩnh vực": be told of every notice about a field (lĩnh vực).</summary>
    public sealed record FollowField(string Field) : Tap;

    /// <summary>Stop following one procedure, or with no id (typing "hủy theo dõi") everything.</summary>
    public sealed record Unfollow(string? ProcedureId) : Tap;

    public string Payload => this switch
    {
        Helpful h => $"{Prefix}helpful:{(h.Yes ? 1 : 0)}:{h.EntryId}",
        Person p => $"{Prefix}person:{p.EntryId}",
        TicketRating t => $"{Prefix}ticket:{t.Score}:{t.Number}",
        Follow f => $"{Prefix}follow:{f.ProcedureId}",
        FollowField f => $"{Prefix}field:{f.Field}",
        Comment c => $"{Prefix}comment:{c.Number}",
        Unfollow u => $"{Prefix}unfollow:{u.ProcedureId}",
        _ => throw new InvalidOperationException(),
    };

    public static Tap? Parse(string text)
    {
        if (IsUnfollowPhrase(text)) return new Unfollow(null);
        var parts = text.Trim().Split(':', 4);
        if (parts.Length < 3 || parts[0] + ":" != Prefix) return null;
        return parts switch
        {
            [_, "helpful", "1" or "0", var id] when id.Length > 0 => new Helpful(id, parts[2] == "1"),
            [_, "person", var id] when id.Length > 0 => new Person(id),
            [_, "ticket", var score, var number] when int.TryParse(score, out var s) && s is >= 1 and <= 5 => new TicketRating(number, s),
            [_, "follow", var id] when id.Length > 0 => new Follow(id),
            [_, "field", var field] when field.Length > 0 => new FollowField(field),
            [_, "comment", var number] when number.Length > 0 => new Comment(number),
            [_, "unfollow", var id] => new Unfollow(id.Length > 0 ? id : null),
            _ => null,
        };
    }

    /// <summary>"hủy theo dõi", "huy theo doi", "Hủy theo dõi!" and the like, the whole message.</summary>
    private static bool IsUnfollowPhrase(string text)
    {
        var said = Knowledge.Analysis.VietnameseText.Fold(Knowledge.Analysis.VietnameseText.Normalize(text)).Trim(' ', '.', '!');
        return said is "huy theo doi" or "dung theo doi" or "bo theo doi" or "ngung theo doi";
    }

    /// <summary>The SIPAS wording of the 5-point scale, best first as it is shown.</summary>
    public static readonly IReadOnlyList<(int Score, string Label)> Scale =
        [(5, "Rất hài lòng"), (4, "Hài lòng"), (3, "Bình thường"), (2, "Không hài lòng"), (1, "Rất không hài lòng")];
}
