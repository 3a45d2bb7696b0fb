using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using ProjectHub.Escalation.Domain.Ladders;
using ProjectHub.Escalation.Persistence;
using D = ProjectHub.Escalation.Domain.Problems;
using V1 = ProjectHub.Escalation.V1;

namespace ProjectHub.Escalation.Api;

/// <summary>Rows and domain values → wire messages (and the enum conversions back).</summary>
public static class ProtoMapping
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static V1.LadderTier ToProto(LadderTier tier, Ladder ladder)
    {
        var message = new V1.LadderTier { Number = tier.Number, Id = tier.Id, ChineseName = tier.ChineseName, Top = ladder.IsTop(tier.Index) };
        if (tier.WorkingDayLimit is { } limit)
        {
            message.WorkingDayLimit = limit;
        }

        return message;
    }

    public static V1.Ladder ToProto(Ladder ladder)
    {
        var message = new V1.Ladder { TopTierReminderAfterWorkingDays = ladder.TopTierReminderAfterWorkingDays };
        message.Tiers.AddRange(ladder.Tiers.Select(t => ToProto(t, ladder)));
        return message;
    }

    public static V1.Problem ToProto(ProblemRow row, Ladder ladder, DateTimeOffset now)
    {
        var state = System.Enum.Parse<D.ProblemState>(row.State);
        var message = new V1.Problem
        {
            Id = row.Id.ToString(),
            ProjectId = row.ProjectId,
            Category = ToProto(System.Enum.Parse<D.ProblemCategory>(row.Category)),
            Description = row.Description,
            RaisedBy = row.RaisedBy,
            RaisedAt = Timestamp.FromDateTimeOffset(row.RaisedAt),
            Kind = System.Enum.Parse<D.ProblemKind>(row.Kind) == D.ProblemKind.Supervision ? V1.ProblemKind.Supervision : V1.ProblemKind.Ordinary,
            State = ToProto(state),
            TierEnteredAt = Timestamp.FromDateTimeOffset(row.TierEnteredAt),
            TierDeadline = Date(row.TierDeadline),
            Overdue = state != D.ProblemState.Resolved && D.EscalationRules.IsOverdue(row.TierDeadline, now),
            AcknowledgedBy = row.AcknowledgedBy ?? "",
            ResolvedBy = row.ResolvedBy ?? "",
            Resolution = row.Resolution ?? "",
            Version = row.Version,
        };
        if (ladder.TierAtOrNull(row.TierIndex) is { } tier)
        {
            message.Tier = ToProto(tier, ladder);
        }

        if (row.AcknowledgedAt is { } ack)
        {
            message.AcknowledgedAt = Timestamp.FromDateTimeOffset(ack);
        }

        if (row.ResolvedAt is { } resolved)
        {
            message.ResolvedAt = Timestamp.FromDateTimeOffset(resolved);
        }

        return message;
    }

    public static V1.ProblemHistoryEntry ToProto(ProblemHistoryRow row, Ladder ladder) => new()
    {
        Version = row.Version,
        Action = ScreamingCase(row.Action),
        Actor = row.Actor,
        RecordedAt = Timestamp.FromDateTimeOffset(row.RecordedAt),
        EffectiveAt = Timestamp.FromDateTimeOffset(row.EffectiveAt),
        FromTierId = ladder.TierAtOrNull(row.FromTierIndex)?.Id ?? "",
        ToTierId = ladder.TierAtOrNull(row.ToTierIndex)?.Id ?? "",
        FromState = row.FromState is null ? V1.ProblemState.Unspecified : ToProto(System.Enum.Parse<D.ProblemState>(row.FromState)),
        ToState = ToProto(System.Enum.Parse<D.ProblemState>(row.ToState)),
        TierDeadline = Date(row.TierDeadline),
        Note = row.Note ?? "",
    };

    public static V1.Alert ToProto(AlertRow row)
    {
        var message = new V1.Alert
        {
            Id = row.AlertId,
            RecipientId = row.RecipientId,
            Code = row.Code,
            Title = row.Title,
            Body = row.Body,
            ProjectId = row.ProjectId,
            ProblemId = row.ProblemId?.ToString() ?? "",
            CreatedAt = Timestamp.FromDateTimeOffset(row.CreatedAt),
            Sequence = row.Sequence,
            Acknowledged = row.AcknowledgedAt is not null,
        };
        if (row.AcknowledgedAt is { } ack)
        {
            message.AcknowledgedAt = Timestamp.FromDateTimeOffset(ack);
        }

        return message;
    }

    public static V1.ProblemState ToProto(D.ProblemState state) => state switch
    {
        D.ProblemState.Open => V1.ProblemState.Open,
        D.ProblemState.Acknowledged => V1.ProblemState.Acknowledged,
        _ => V1.ProblemState.Resolved,
    };

    public static D.ProblemState? FromProto(V1.ProblemState state) => state switch
    {
        V1.ProblemState.Open => D.ProblemState.Open,
        V1.ProblemState.Acknowledged => D.ProblemState.Acknowledged,
        V1.ProblemState.Resolved => D.ProblemState.Resolved,
        _ => null,
    };

    // Proto and domain categories share their names (LAND ↔ Land), so the wire code is the bridge.
    public static V1.ProblemCategory ToProto(D.ProblemCategory category) =>
        System.Enum.Parse<V1.ProblemCategory>(D.ProblemCategories.Code(category), ignoreCase: true);

    public static D.ProblemCategory? FromProto(V1.ProblemCategory category) =>
        category == V1.ProblemCategory.Unspecified ? null : D.ProblemCategories.FromCode(category.ToString());

    private static string ScreamingCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}
