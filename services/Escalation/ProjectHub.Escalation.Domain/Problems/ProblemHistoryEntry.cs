namespace ProjectHub.Escalation.Domain.Problems;

/// <summary>
/// One audit record (who, when, what, why) of a problem. <see cref="Version"/> numbers entries 1, 2, 3… per problem,
/// so it orders the trail and doubles as an optimistic-concurrency token.
/// </summary>
/// <param name="RecordedAt">When the service did it.</param>
/// <param name="EffectiveAt">
/// When it took effect; differs from <see cref="RecordedAt"/> only for automatic escalation after downtime, which takes
/// effect at the moment the deadline passed.
/// </param>
/// <param name="TierDeadline">The deadline at <see cref="ToTierIndex"/> after this step.</param>
/// <param name="Note">Reason, resolution or explanation, when the step has one.</param>
public sealed record ProblemHistoryEntry(
    Guid ProblemId,
    int Version,
    ProblemAction Action,
    string Actor,
    DateTimeOffset RecordedAt,
    DateTimeOffset EffectiveAt,
    int FromTierIndex,
    int ToTierIndex,
    ProblemState? FromState,
    ProblemState ToState,
    DateOnly TierDeadline,
    string? Note);
