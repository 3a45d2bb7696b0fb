using ProjectHub.Escalation.Domain.Problems;

namespace ProjectHub.Escalation.Domain.Supervision;

/// <summary>
/// A project turning RED opens one supervision case at tier 1; there is never more than one open case per project.
/// </summary>
public static class SupervisionPolicy
{
    /// <param name="openCase">
    /// The project's unresolved supervision case, or null. A resolved case counts as none, so a project that turns RED
    /// again after its case was closed gets a new case.
    /// </param>
    public static SupervisionDecision Decide(Problem? openCase, LightChange change)
    {
        if (openCase is not null && openCase.Kind != ProblemKind.Supervision)
        {
            throw new ArgumentException("Expected the project's supervision case, got an ordinary problem.", nameof(openCase));
        }

        if (openCase is not null && !string.Equals(openCase.ProjectId, change.ProjectId, StringComparison.Ordinal))
        {
            throw new ArgumentException("The supervision case belongs to another project than the light change.", nameof(openCase));
        }

        // Re-evaluations that keep the same light are not changes.
        if (change.From == change.To)
        {
            return SupervisionDecision.Nothing;
        }

        var hasOpenCase = openCase is not null && openCase.State != ProblemState.Resolved;
        return change.To switch
        {
            ProjectLight.Red => hasOpenCase ? SupervisionDecision.NoteRed : SupervisionDecision.Open,
            // Any other light is noted on an open case, so its handlers see the project is no longer RED (YELLOW is
            // still a warning; no light means completed or exited). Closing the case stays a person's decision.
            _ when hasOpenCase => SupervisionDecision.NoteLight,
            _ => SupervisionDecision.Nothing,
        };
    }
}
