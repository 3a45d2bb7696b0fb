using ProjectHub.Calendar;
using ProjectHub.Domain;
using ProjectHub.Escalation.Domain.Ladders;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Wire;
using D = ProjectHub.Escalation.Domain.Problems;
using V1 = ProjectHub.Escalation.V1;

namespace ProjectHub.Escalation.Wire;

/// <summary>Rows and domain values → wire messages (and the enum conversions back).</summary>
public static class EscalationWire
{
    public static V1.LadderTier ToWire(LadderTier tier, Ladder ladder)
    {
        var message = new V1.LadderTier { Number = tier.Number, Id = tier.Id, ChineseName = tier.ChineseName, Top = ladder.IsTop(tier.Index) };
        if (tier.WorkingDayLimit is { } limit)
        {
            message.WorkingDayLimit = limit;
        }

        return message;
    }

    public static V1.Ladder ToWire(Ladder ladder)
    {
        var message = new V1.Ladder { TopTierReminderAfterWorkingDays = ladder.TopTierReminderAfterWorkingDays };
        message.Tiers.AddRange(ladder.Tiers.Select(t => ToWire(t, ladder)));
        return message;
    }

    public static V1.Problem ToWire(ProblemRow row, Ladder ladder, DateTimeOffset now, IWorkingCalendar calendar, string projectName = "")
    {
        var state = System.Enum.Parse<D.ProblemState>(row.State);
        var message = new V1.Problem
        {
            Id = row.Id.ToString(),
            ProjectId = row.ProjectId,
            ProjectName = projectName,
            ProjectLight = row.ProjectLight ?? "",
            Category = ToWire(System.Enum.Parse<D.ProblemCategory>(row.Category)),
            Description = row.Description,
            RaisedBy = row.RaisedBy,
            RaisedAt = WireDate.Instant(row.RaisedAt),
            Kind = System.Enum.Parse<D.ProblemKind>(row.Kind) == D.ProblemKind.Supervision ? V1.ProblemKind.Supervision : V1.ProblemKind.Ordinary,
            State = ToWire(state),
            TierEnteredAt = WireDate.Instant(row.TierEnteredAt),
            TierDeadline = WireDate.ToWire(row.TierDeadline),
            Overdue = state != D.ProblemState.Resolved && D.EscalationRules.IsOverdue(row.TierDeadline, now),
            TierDeadlineProvisional = !calendar.KnowsYears(ShanghaiTime.DateOf(row.TierEnteredAt), row.TierDeadline),
            AcknowledgedBy = row.AcknowledgedBy ?? "",
            ResolvedBy = row.ResolvedBy ?? "",
            Resolution = row.Resolution ?? "",
            Version = row.Version,
        };
        if (ladder.TierAtOrNull(row.TierIndex) is { } tier)
        {
            message.Tier = ToWire(tier, ladder);
        }

        if (row.AcknowledgedAt is { } ack)
        {
            message.AcknowledgedAt = WireDate.Instant(ack);
        }

        if (row.ResolvedAt is { } resolved)
        {
            message.ResolvedAt = WireDate.Instant(resolved);
        }

        return message;
    }

    public static V1.ProblemHistoryEntry ToWire(ProblemHistoryRow row, Ladder ladder) => new()
    {
        Version = row.Version,
        Action = ScreamingCase(row.Action),
        Actor = row.Actor,
        RecordedAt = WireDate.Instant(row.RecordedAt),
        EffectiveAt = WireDate.Instant(row.EffectiveAt),
        FromTierId = ladder.TierAtOrNull(row.FromTierIndex)?.Id ?? "",
        ToTierId = ladder.TierAtOrNull(row.ToTierIndex)?.Id ?? "",
        FromTierName = ladder.TierAtOrNull(row.FromTierIndex)?.ChineseName ?? "",
        ToTierName = ladder.TierAtOrNull(row.ToTierIndex)?.ChineseName ?? "",
        FromState = row.FromState is null ? V1.ProblemState.Unspecified : ToWire(System.Enum.Parse<D.ProblemState>(row.FromState)),
        ToState = ToWire(System.Enum.Parse<D.ProblemState>(row.ToState)),
        TierDeadline = WireDate.ToWire(row.TierDeadline),
        Note = row.Note ?? "",
    };

    public static V1.Alert ToWire(AlertRow row, string projectName = "")
    {
        var message = new V1.Alert
        {
            Id = row.AlertId,
            RecipientId = row.RecipientId,
            Code = row.Code,
            Title = row.Title,
            Body = row.Body,
            ProjectId = row.ProjectId,
            ProjectName = projectName,
            ProblemId = row.ProblemId?.ToString() ?? "",
            CreatedAt = WireDate.Instant(row.CreatedAt),
            Sequence = row.Sequence,
            Acknowledged = row.AcknowledgedAt is not null,
        };
        if (row.AcknowledgedAt is { } ack)
        {
            message.AcknowledgedAt = WireDate.Instant(ack);
        }

        return message;
    }

    public static V1.ProblemState ToWire(D.ProblemState state) => state switch
    {
        D.ProblemState.Open => V1.ProblemState.Open,
        D.ProblemState.Acknowledged => V1.ProblemState.Acknowledged,
        _ => V1.ProblemState.Resolved,
    };

    public static D.ProblemState? FromWire(V1.ProblemState state) => state switch
    {
        V1.ProblemState.Open => D.ProblemState.Open,
        V1.ProblemState.Acknowledged => D.ProblemState.Acknowledged,
        V1.ProblemState.Resolved => D.ProblemState.Resolved,
        _ => null,
    };

    // Proto and domain categories share their names (LAND ↔ Land), so the wire code is the bridge.
    public static V1.ProblemCategory ToWire(D.ProblemCategory category) =>
        System.Enum.Parse<V1.ProblemCategory>(D.ProblemCategories.Code(category), ignoreCase: true);

    public static D.ProblemCategory? FromWire(V1.ProblemCategory category) =>
        category == V1.ProblemCategory.Unspecified ? null : D.ProblemCategories.FromCode(category.ToString());

    private static string ScreamingCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}
