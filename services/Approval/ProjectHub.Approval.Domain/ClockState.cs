namespace ProjectHub.Approval.Domain;

/// <summary>Whether an item's working-day clock is running.</summary>
public enum ClockState
{
    /// <summary>Never accepted: the clock starts at acceptance.</summary>
    NotStarted,
    Running,

    /// <summary>Returned, or resubmitted and not yet accepted again.</summary>
    Paused,

    /// <summary>Approved.</summary>
    Stopped,
}
