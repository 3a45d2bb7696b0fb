namespace ProjectHub.Escalation.Persistence;

/// <summary>The project's current supervision case (督办). One row per project; a new case replaces a resolved one.</summary>
public sealed class SupervisionCaseRow
{
    public string ProjectId { get; set; } = "";
    public Guid ProblemId { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
}
