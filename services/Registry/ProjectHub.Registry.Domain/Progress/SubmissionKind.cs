namespace ProjectHub.Registry.Domain.Progress;

/// <summary>What storing a submitted report amounts to.</summary>
public enum SubmissionKind
{
    /// <summary>The first report for its period.</summary>
    New,

    /// <summary>A different report for a period that has one: it becomes current, the old one goes to history.</summary>
    Replaces,

    /// <summary>The same content as the current report for the period: nothing changes.</summary>
    Identical,
}
