namespace ProjectHub.Contracts.Escalation;

/// <summary>A problem moved to a higher tier of the ladder, by hand or because a deadline passed.</summary>
public sealed record ProblemEscalated(
    Guid EventId, DateTimeOffset OccurredAt, string ProblemId, string ProjectId, string FromTier, string ToTier,
    bool Automatic, string Reason) : IIntegrationEvent;

/// <summary>A problem was resolved at a tier.</summary>
public sealed record ProblemResolved(
    Guid EventId, DateTimeOffset OccurredAt, string ProblemId, string ProjectId, string Tier,
    int WorkingDaysToResolve, string ResponsibleUnit) : IIntegrationEvent;
