using LiteDB;

namespace ReformBot.Core.Storage;

/// <summary>
/// "Lưu thành câu hỏi thường gặp": a new FAQ entry written from a ticket, or a citizen's question added as another way of
/// asking an existing entry (<see cref="TargetId"/>). Kept in staff.db, added to the live index, exported for review.
/// </summary>
public sealed class SavedFaqEntry
{
    [BsonId] public string Id { get; set; } = "";
    public string? TargetId { get; set; }
    public List<string> Questions { get; set; } = [];
    public string Answer { get; set; } = "";
    public string Ticket { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>The FAQ entries and ways of asking that staff saved from tickets, in <see cref="StaffDatabase"/>.</summary>
public sealed class SavedFaqStore(StaffDatabase db)
{
    public IReadOnlyList<SavedFaqEntry> All() => db.SavedFaq.FindAll().ToList();

    public bool Exists(string id) => db.SavedFaq.FindById(id) is not null;

    public void Save(SavedFaqEntry entry) => db.SavedFaq.Upsert(entry);
}
