using ReformBot.Core.Escalation;
using ReformBot.Core.Storage;

namespace ReformBot.Core.Reports;

/// <summary>The <see cref="ReportSummary"/> of a period, from the turn records, the tickets, the ratings, the subscriptions and the notices.</summary>
public sealed class ReportCalculator(
    TurnLog turns, TicketStore tickets, RatingStore ratings, SubscriptionStore subscriptions, AnnouncementStore announcements, TimeProvider time)
{
    /// <summary>Where what has no field is counted.</summary>
    public const string OtherField = "Khác";
    public const string TotalName = "Tổng cộng";
    private const int TopUnansweredCount = 10;

    /// <param name="hours">The office hours first replies are counted in.</param>
    public ReportSummary Summarize(ReportPeriod period, OfficeHours hours)
    {
        var (from, to) = (period.FromUtc, period.ToUtc);
        var questions = turns.Between(from, to).Where(t => t.Outcome is TurnOutcome.Answered or TurnOutcome.Offered or TurnOutcome.Escalated).ToList();
        var opened = tickets.OpenedBetween(from, to);
        var rated = ratings.Between(from, to);
        var figures = new Figures(hours, time.GetUtcNow().UtcDateTime);

        var byField = figures.Rows(questions, opened, rated, t => FieldOf(t.Field), t => FieldOf(t.Field), r => FieldOf(r.Field))
            .OrderBy(r => r.Name == OtherField).ThenByDescending(r => r.Questions).ThenByDescending(r => r.Tickets)
            .ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var byChannel = figures.Rows(questions, opened, rated, t => t.Channel, t => t.Channel, r => r.Channel)
            .OrderByDescending(r => r.Questions).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

        var topUnanswered = questions.Where(t => t.Outcome == TurnOutcome.Escalated)
            .GroupBy(t => (Field: FieldOf(t.Field), t.EntryId))
            .Select(g => new Unanswered(g.Key.Field, g.Key.EntryId, g.Count()))
            .OrderByDescending(u => u.Escalated).ThenBy(u => u.Field, StringComparer.Ordinal).ThenBy(u => u.EntryId, StringComparer.Ordinal)
            .Take(TopUnansweredCount).ToList();

        var fieldOrder = byField.Select(r => r.Name).ToList();
        var dialogues = opened.GroupBy(t => FieldOf(t.Field))
            .OrderBy(g => fieldOrder.IndexOf(g.Key))
            .Select(g => new DialogueGroup(g.Key, g.OrderBy(t => t.CreatedAt).Select(t => new Dialogue(t.Number, t.Channel, t.CreatedAt, t.Question,
                t.Messages.Where(m => m.From == TicketAuthor.Staff).Select(m => m.Text).ToList())).ToList()))
            .ToList();

        return new ReportSummary(period, figures.Row(TotalName, questions, opened, rated), byField, byChannel, topUnanswered, dialogues,
            Published(from, to));
    }

    private Publishing Published(DateTime from, DateTime to)
    {
        var sent = announcements.List(null).Where(a => a.SentAt >= from && a.SentAt < to).ToList();
        var progress = sent.Select(a => announcements.Progress(a.Id)).ToList();
        var skipped = sent.SelectMany(a => a.Skipped).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
        return new Publishing(subscriptions.Count(), subscriptions.StartedBetween(from, to), sent.Count, sent.Sum(a => a.Recipients),
            progress.Sum(p => p.Delivered), progress.Sum(p => p.Failed), skipped);
    }

    private static string FieldOf(string? field) => string.IsNullOrWhiteSpace(field) ? OtherField : field;

    private sealed class Figures(OfficeHours hours, DateTime now)
    {
        /// <summary>One row per key found among the turns, tickets or ratings.</summary>
        public IEnumerable<ReportRow> Rows(List<TurnRecord> questions, IReadOnlyList<Ticket> opened, IReadOnlyList<Rating> rated,
            Func<TurnRecord, string> turnKey, Func<Ticket, string> ticketKey, Func<Rating, string> ratingKey) =>
            questions.Select(turnKey).Concat(opened.Select(ticketKey)).Concat(rated.Select(ratingKey)).Distinct()
                .Select(key => Row(key, questions.Where(t => turnKey(t) == key).ToList(), opened.Where(t => ticketKey(t) == key).ToList(),
                    rated.Where(r => ratingKey(r) == key).ToList()));

        public ReportRow Row(string name, IReadOnlyList<TurnRecord> questions, IReadOnlyList<Ticket> opened, IReadOnlyList<Rating> rated)
        {
            // A ticket not answered yet and not yet due cannot be judged.
            var judged = opened.Where(t => t.FirstStaffReplyAt is not null || t.DueAt < now).ToList();
            var replyHours = opened.Where(t => t.FirstStaffReplyAt is not null)
                .Select(t => hours.WorkingTimeBetween(t.CreatedAt, t.FirstStaffReplyAt!.Value).TotalHours).ToList();
            var answers = rated.Where(r => r.Kind == RatingKind.Answer).ToList();
            var scores = Enumerable.Range(1, 5).Select(score => rated.Count(r => r.Kind == RatingKind.Ticket && r.Score == score)).ToList();
            return new ReportRow(name,
                questions.Count,
                questions.Count(t => t.Outcome == TurnOutcome.Answered),
                questions.Count(t => t.Outcome == TurnOutcome.Offered),
                questions.Count(t => t.Outcome == TurnOutcome.Escalated),
                opened.Count,
                judged.Count == 0 ? null : (double)judged.Count(t => t.FirstStaffReplyAt <= t.DueAt) / judged.Count,
                Median(replyHours),
                new Satisfaction(answers.Count(r => r.Score == 1), answers.Count(r => r.Score == 0), scores));
        }

        private static double? Median(List<double> values)
        {
            if (values.Count == 0) return null;
            values.Sort();
            var middle = values.Count / 2;
            return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        }
    }
}
