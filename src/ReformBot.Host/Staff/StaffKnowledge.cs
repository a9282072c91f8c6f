using System.Text;
using ReformBot.Core.Escalation;
using ReformBot.Core.Storage;

namespace ReformBot.Host.Staff;

/// <summary>Turning a ticket's question and reply into knowledge: a new FAQ entry, or a new way of asking an existing one.</summary>
internal sealed class StaffKnowledge(SavedFaqStore savedFaq, KnowledgeReloader reloader, Tickets tickets, Core.Conversations.LiveKnowledge knowledge, TimeProvider time)
{
    public abstract record SaveResult
    {
        public sealed record Saved(string Id) : SaveResult;
        public sealed record Refused(string Reason) : SaveResult;
    }

    /// <param name="targetId">An existing entry the question is another way of asking; null for a new entry.</param>
    public async Task<SaveResult> SaveAsync(string number, string who, string question, string? answer, string? targetId, CancellationToken ct)
    {
        if (tickets.Find(number) is not { } ticket) return new SaveResult.Refused($"Không có phiếu {number}.");
        question = question.Trim().Normalize(NormalizationForm.FormC);
        if (question.Length is 0 or > 500) return new SaveResult.Refused("Câu hỏi phải có từ 1 đến 500 ký tự.");
        var entries = knowledge.Current.Pack.Entries.ToDictionary(e => e.Id);
        if (targetId is { Length: > 0 })
        {
            if (!entries.ContainsKey(targetId)) return new SaveResult.Refused($"Không có mục {targetId} trong kho tri thức.");
        }
        else if (string.IsNullOrWhiteSpace(answer) || answer.Trim().Length > 3000)
            return new SaveResult.Refused("Câu trả lời phải có từ 1 đến 3000 ký tự.");

        var id = targetId is { Length: > 0 } ? $"variant-{Guid.NewGuid():N}" : $"staff-{number.ToLowerInvariant()}";
        var suffix = 2;
        while (targetId is not { Length: > 0 } && (entries.ContainsKey(id) || savedFaq.Exists(id))) id = $"staff-{number.ToLowerInvariant()}-{suffix++}";
        savedFaq.Save(new SavedFaqEntry
        {
            Id = id, TargetId = targetId is { Length: > 0 } ? targetId : null, Questions = [question],
            Answer = answer?.Trim().Normalize(NormalizationForm.FormC) ?? "", Ticket = ticket.Number, CreatedBy = who, CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        tickets.SavedAsFaq(number, who, targetId is { Length: > 0 } ? $"thêm cách hỏi vào mục {targetId}" : id);
        var outcome = await reloader.ReloadAsync(ct);
        return outcome.Loaded ? new SaveResult.Saved(id) : new SaveResult.Refused("Đã lưu, nhưng kho tri thức đang có lỗi nên chưa nạp lại: " + string.Join("; ", outcome.Problems));
    }
}
