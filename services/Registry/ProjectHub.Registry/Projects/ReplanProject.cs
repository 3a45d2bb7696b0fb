using ProjectHub.Registry.Domain;
using ProjectHub.Contracts.Registry;
using ProjectHub.Domain;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Registry.Access;
using ProjectHub.Registry.Domain.Projects;
using ProjectHub.Registry.Lights;
using ProjectHub.Registry.Persistence;
using ProjectHub.Security;

namespace ProjectHub.Registry.Projects;

/// <summary>
/// A replan as read from the request: the new baseline (empty when it had too many milestones to be read), the
/// new plan dates (null: unchanged), the reason, and every field that could not be read.
/// </summary>
public sealed record ReplanProjectCommand(
    string ProjectId, Baseline Baseline, DateOnly? PlannedStart, DateOnly? PlannedCompletion, string Reason, Violations ParseViolations);

/// <summary>Replaces the baseline with a new version (the old one stays in history) and re-evaluates the light.</summary>
public sealed class ReplanProject(RegistryDbContext db, UnitOfWork work, LightEngine lights, TimeProvider time)
{
    public async Task<ProjectView> HandleAsync(ReplanProjectCommand command, Caller caller, CancellationToken ct)
    {
        RegistryAccess.RequireManage(caller, "调整项目计划");
        var actor = CallActor.Of(caller);
        var v = new Violations();
        ProjectStore.RequireReason(command.Reason, v);
        v.AddRange(command.ParseViolations.Items);
        var baseline = command.Baseline;
        var start = command.PlannedStart;
        var completion = command.PlannedCompletion;
        v.ThrowIfAny();

        var row = await ProjectStore.FindAsync(db, command.ProjectId, ct);
        if (ProjectRowMapping.Stage(row) is ProjectStage.Exited or ProjectStage.Completed)
        {
            throw DomainException.Precondition("PROJECT_CLOSED", $"项目 {row.Id} 已{RegistryTexts.Stage(row.Stage)}，不能再调整计划。");
        }

        var newStart = start ?? row.PlannedStart;
        var newCompletion = completion ?? row.PlannedCompletion;
        if (newCompletion < newStart)
        {
            v.Add("planned_completion", "计划竣工日期不能早于计划开工日期。");
        }

        v.AddRange(baseline.Validate(newStart, newCompletion));
        v.ThrowIfAny();

        return await work.RunAsync(async () =>
        {
            var nowMs = time.NowMs();
            var changes = new List<string> { $"baseline: version {row.BaselineVersion} → {row.BaselineVersion + 1} ({baseline.Milestones.Count} milestones)" };
            if (newStart != row.PlannedStart)
            {
                changes.Add($"planned_start: {AuditText.Date(row.PlannedStart)} → {AuditText.Date(newStart)}");
            }

            if (newCompletion != row.PlannedCompletion)
            {
                changes.Add($"planned_completion: {AuditText.Date(row.PlannedCompletion)} → {AuditText.Date(newCompletion)}");
            }

            row.BaselineVersion++;
            row.PlannedStart = newStart;
            row.PlannedCompletion = newCompletion;
            row.MilestonesJson = Json.Write(baseline.Milestones);
            row.UpdatedAtMs = nowMs;
            db.Baselines.Add(new BaselineRow
            {
                ProjectId = row.Id,
                Version = row.BaselineVersion,
                MilestonesJson = row.MilestonesJson,
                PlannedStart = newStart,
                PlannedCompletion = newCompletion,
                CreatedAtMs = nowMs,
                CreatedBy = actor,
                Reason = command.Reason.Trim(),
            });
            ProjectStore.Audit(db, row.Id, nowMs, actor, "REPLANNED", command.Reason.Trim(), changes);
            db.AddIntegrationEvent(new ProjectUpdated(
                Guid.NewGuid(), time.GetUtcNow(), ProjectRowMapping.Routing(row),
                changes.Select(c => c[..c.IndexOf(':', StringComparison.Ordinal)]).ToList(), command.Reason.Trim(), actor));
            await db.SaveChangesAsync(ct);
            await lights.EvaluateAsync(db, row, ct);
            return await ProjectStore.ViewAsync(db, row, ct);
        }, ct);
    }
}
