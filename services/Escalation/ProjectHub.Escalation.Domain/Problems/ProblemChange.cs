namespace ProjectHub.Escalation.Domain.Problems;

/// <summary>What one operation caused: audit entries to store and events to publish, in order.</summary>
public sealed record ProblemChange(IReadOnlyList<ProblemHistoryEntry> History, IReadOnlyList<ProblemEvent> Events)
{
    public static ProblemChange Empty { get; } = new([], []);

    /// <summary>True when the operation did nothing (e.g. nothing was due).</summary>
    public bool IsEmpty => History.Count == 0 && Events.Count == 0;

    /// <summary>This change followed by <paramref name="next"/>.</summary>
    public ProblemChange Then(ProblemChange next) =>
        next.IsEmpty ? this : IsEmpty ? next : new([.. History, .. next.History], [.. Events, .. next.Events]);
}
