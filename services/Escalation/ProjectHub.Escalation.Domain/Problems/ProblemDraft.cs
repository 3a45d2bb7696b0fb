namespace ProjectHub.Escalation.Domain.Problems;

/// <summary>What is needed to raise a problem. The service assigns <see cref="Id"/>.</summary>
public sealed record ProblemDraft(
    Guid Id,
    string ProjectId,
    ProblemCategory Category,
    string Description,
    string RaisedBy,
    ProblemKind Kind = ProblemKind.Ordinary)
{
    /// <summary>
    /// A supervision case (督办) for a project that turned RED: raised by <see cref="Actors.System"/>, category
    /// <see cref="ProblemCategory.Other"/>, the description saying why (typically the light's reasons).
    /// </summary>
    public static ProblemDraft SupervisionCase(Guid id, string projectId, string description) =>
        new(id, projectId, ProblemCategory.Other, description, Actors.System, ProblemKind.Supervision);
}
