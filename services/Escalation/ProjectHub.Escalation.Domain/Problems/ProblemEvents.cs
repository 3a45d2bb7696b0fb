using ProjectHub.Escalation.Domain.Ladders;

namespace ProjectHub.Escalation.Domain.Problems;

// The domain events a problem emits, kept together because they form one closed family the service switches over.
// Version is the problem's version after the step, so (ProblemId, Version) identifies an event for de-duplication.

public abstract record ProblemEvent(Guid ProblemId, string ProjectId, int Version, DateTimeOffset OccurredAt);

/// <summary>A problem was raised and arrived at the first tier.</summary>
public sealed record ProblemRaised(
    Guid ProblemId, string ProjectId, int Version, DateTimeOffset OccurredAt,
    ProblemKind Kind, ProblemCategory Category, string RaisedBy, LadderTier Tier, DateOnly Deadline)
    : ProblemEvent(ProblemId, ProjectId, Version, OccurredAt);

public sealed record ProblemAcknowledged(
    Guid ProblemId, string ProjectId, int Version, DateTimeOffset OccurredAt, string By, LadderTier Tier)
    : ProblemEvent(ProblemId, ProjectId, Version, OccurredAt);

public sealed record ProblemResolved(
    Guid ProblemId, string ProjectId, int Version, DateTimeOffset OccurredAt, string By, string Resolution, LadderTier Tier)
    : ProblemEvent(ProblemId, ProjectId, Version, OccurredAt);

/// <summary>
/// The problem climbed one tier and arrived at <see cref="To"/>. <see cref="Automatic"/> escalations are by
/// <see cref="Actors.System"/> and take effect at <see cref="EffectiveAt"/>, the instant the deadline passed.
/// </summary>
public sealed record ProblemEscalated(
    Guid ProblemId, string ProjectId, int Version, DateTimeOffset OccurredAt,
    LadderTier From, LadderTier To, bool Automatic, string By, string Reason, DateTimeOffset EffectiveAt, DateOnly Deadline)
    : ProblemEvent(ProblemId, ProjectId, Version, OccurredAt);

/// <summary>The raiser rejected the resolution; the problem is open again at the same tier with a fresh deadline.</summary>
public sealed record ProblemReopened(
    Guid ProblemId, string ProjectId, int Version, DateTimeOffset OccurredAt,
    string By, string Reason, LadderTier Tier, DateOnly Deadline)
    : ProblemEvent(ProblemId, ProjectId, Version, OccurredAt);

/// <summary>The light of a supervision case's project changed to <see cref="Light"/>; noted, the case stays open until resolved.</summary>
public sealed record ProjectLightNoted(
    Guid ProblemId, string ProjectId, int Version, DateTimeOffset OccurredAt, LadderTier Tier, Supervision.ProjectLight Light)
    : ProblemEvent(ProblemId, ProjectId, Version, OccurredAt);

/// <summary>临期提醒: the current tier's deadline is at most one working day away. Once per tier visit.</summary>
public sealed record DeadlineApproaching(
    Guid ProblemId, string ProjectId, int Version, DateTimeOffset OccurredAt, LadderTier Tier, DateOnly Deadline)
    : ProblemEvent(ProblemId, ProjectId, Version, OccurredAt);

/// <summary>The problem is overdue at the top tier; sent at most once per working day, on <see cref="RemindedOn"/>.</summary>
public sealed record TopTierOverdueReminder(
    Guid ProblemId, string ProjectId, int Version, DateTimeOffset OccurredAt,
    LadderTier Tier, DateOnly Deadline, DateOnly RemindedOn)
    : ProblemEvent(ProblemId, ProjectId, Version, OccurredAt);
