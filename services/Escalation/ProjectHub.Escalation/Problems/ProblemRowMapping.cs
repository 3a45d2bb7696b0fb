using ProjectHub.Escalation.Domain.Ladders;
using ProjectHub.Escalation.Domain.Problems;
using ProjectHub.Escalation.Persistence;

namespace ProjectHub.Escalation.Problems;

/// <summary>Problem aggregate ↔ table row. Enums are stored by name so the table reads without the code.</summary>
public static class ProblemRowMapping
{
    public static Problem ToDomain(this ProblemRow row) => Problem.Restore(new ProblemSnapshot(
        row.Id, row.ProjectId, Enum.Parse<ProblemCategory>(row.Category), row.Description, row.RaisedBy, row.RaisedAt,
        Enum.Parse<ProblemKind>(row.Kind), row.TierIndex, Enum.Parse<ProblemState>(row.State), row.TierEnteredAt,
        row.TierDeadline, row.AcknowledgedBy, row.AcknowledgedAt, row.ResolvedBy, row.ResolvedAt, row.Resolution,
        row.DeadlineNoticeSent, row.LastReminderOn, row.Version));

    /// <summary>Copies the aggregate's state onto <paramref name="row"/> (a new row, or the tracked one being updated).</summary>
    public static ProblemRow CopyFrom(this ProblemRow row, Problem problem, Ladder ladder)
    {
        var s = problem.ToSnapshot();
        row.Id = s.Id;
        row.ProjectId = s.ProjectId;
        row.Category = s.Category.ToString();
        row.Description = s.Description;
        row.RaisedBy = s.RaisedBy;
        row.RaisedAt = s.RaisedAt;
        row.RaisedAtMs = s.RaisedAt.ToUnixTimeMilliseconds();
        row.Kind = s.Kind.ToString();
        row.TierIndex = s.TierIndex;
        row.TierId = ladder.TierAtOrNull(s.TierIndex)?.Id ?? "";
        row.State = s.State.ToString();
        row.TierEnteredAt = s.TierEnteredAt;
        row.TierDeadline = s.TierDeadline;
        row.OverdueFromMs = EscalationRules.OverdueFrom(s.TierDeadline).ToUnixTimeMilliseconds();
        row.AcknowledgedBy = s.AcknowledgedBy;
        row.AcknowledgedAt = s.AcknowledgedAt;
        row.ResolvedBy = s.ResolvedBy;
        row.ResolvedAt = s.ResolvedAt;
        row.Resolution = s.Resolution;
        row.DeadlineNoticeSent = s.DeadlineNoticeSent;
        row.LastReminderOn = s.LastReminderOn;
        row.Version = s.Version;
        return row;
    }

    public static ProblemHistoryRow ToRow(this ProblemHistoryEntry e) => new()
    {
        ProblemId = e.ProblemId,
        Version = e.Version,
        Action = e.Action.ToString(),
        Actor = e.Actor,
        RecordedAt = e.RecordedAt,
        EffectiveAt = e.EffectiveAt,
        FromTierIndex = e.FromTierIndex,
        ToTierIndex = e.ToTierIndex,
        FromState = e.FromState?.ToString(),
        ToState = e.ToState.ToString(),
        TierDeadline = e.TierDeadline,
        Note = e.Note,
    };
}
