namespace ProjectHub.Escalation.Domain.Problems;

/// <summary>
/// Resting states of a problem. Escalation is not a state: it is an event after which the problem is
/// <see cref="Open"/> again at the next tier, waiting for that tier to acknowledge it. Reopening likewise returns a
/// resolved problem to <see cref="Open"/> at the same tier.
/// </summary>
public enum ProblemState
{
    /// <summary>At a tier, not yet acknowledged (签收) by that tier.</summary>
    Open,

    /// <summary>The current tier has taken it on; its clock keeps running.</summary>
    Acknowledged,

    /// <summary>Closed with a resolution; the raiser may reopen it.</summary>
    Resolved,
}
