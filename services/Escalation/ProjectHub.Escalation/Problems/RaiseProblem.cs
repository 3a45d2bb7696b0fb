using ProjectHub.Escalation.Access;
using ProjectHub.Escalation.Domain.Problems;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Domain;
using ProjectHub.Security;

namespace ProjectHub.Escalation.Problems;

/// <summary>Raises a problem at tier 1; the tier-1 handlers are alerted in the same transaction.</summary>
public sealed class RaiseProblem(ChangeRecorder recorder, EscalationRules rules, TimeProvider time)
{
    public async Task<ProblemRow> HandleAsync(string projectId, ProblemCategory? category, string description, Caller caller, CancellationToken ct)
    {
        var violations = new Violations();
        if (string.IsNullOrWhiteSpace(projectId))
        {
            violations.Add("project_id", "project_id is required.");
        }
        else
        {
            TextRules.Check(violations, "project_id", projectId.Trim(), ProblemText.MaxProjectIdLength, multiLine: false);
        }

        if (category is null)
        {
            violations.Add("category", "category is required (LAND, DEMOLITION, LABOUR, FUNDING, APPROVALS, MATERIALS, UTILITIES or OTHER).");
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            violations.Add("description", "description is required.");
        }
        else
        {
            TextRules.Check(violations, "description", description, ProblemText.MaxDescriptionLength, multiLine: true);
        }

        if (violations.Any)
        {
            throw DomainException.Invalid("The problem cannot be raised.", violations.Items);
        }

        var project = await recorder.KnownRoutingAsync(projectId.Trim(), ct);
        EscalationAccess.EnsureMayRaise(caller, project);

        var now = time.GetUtcNow();
        var (problem, change) = Problem.Raise(
            new ProblemDraft(Guid.NewGuid(), projectId, category!.Value, description, caller.Subject), now, rules);
        var row = new ProblemRow().CopyFrom(problem, rules.Ladder);
        recorder.Db.Problems.Add(row);
        await recorder.RecordAsync(problem, change, project ?? await recorder.RoutingAsync(problem.ProjectId, ct), ct);
        await recorder.SaveAsync(ct);
        return row;
    }
}
