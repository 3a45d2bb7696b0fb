namespace ProjectHub.Escalation.Domain.Problems;

public enum ProblemKind
{
    /// <summary>Raised by an owner or the DRC about a specific obstacle.</summary>
    Ordinary,

    /// <summary>督办: opened automatically when a project turns RED; climbs the same ladder.</summary>
    Supervision,
}
