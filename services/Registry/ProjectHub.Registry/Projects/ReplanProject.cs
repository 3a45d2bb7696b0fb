using ProjectHub.Contracts.Registry;
using ProjectHub.Grpc;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Registry.Common;
using ProjectHub.Registry.Domain.Projects;
using ProjectHub.Registry.Lights;
using ProjectHub.Registry.Persistence;
using ProjectHub.Security;
using V1 = ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Projects;

/// <summary>Replaces the baseline with a new version (the old one stays in history) and re-evaluates the light.</summary>
public sealed class ReplanProject(RegistryDbContext db, UnitOfWork work, LightEngine lights, TimeProvider time)
{
    public async Task<V1.Project> HandleAsync(V1.ReplanProjectRequest request, Caller caller, CancellationToken ct)
    {
        RegistryAccess.RequireManage(caller, "replan projects");
        var actor = CallActor.Of(caller);
        var v = new Violations();
        ProjectStore.RequireReason(request.Reason, v);
        var baseline = Baseline.Empty;
        if (request.Baseline?.Milestones.Count is > ProjectValidator.MaxMilestones and var count)
        {
            // Refused before its milestones are read: thousands of them would each add violations.
            v.Add("baseline.milestones", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"A baseline has at most {ProjectValidator.MaxMilestones} milestones; it has {count}."));
        }
        else
        {
            baseline = ProjectMapping.ToBaseline(request.Baseline, v, "baseline.milestones");
        }

        var start = Wire.ParseOptionalDate(request.PlannedStart, "planned_start", v);
        var completion = Wire.ParseOptionalDate(request.PlannedCompletion, "planned_completion", v);
        v.ThrowIfAny();

        var row = await ProjectStore.FindAsync(db, request.ProjectId, ct);
        if (ProjectMapping.Stage(row) is ProjectStage.Exited or ProjectStage.Completed)
        {
            throw RpcException.FailedPrecondition("PROJECT_CLOSED", $"Project {row.Id} is {row.Stage}; its plan can no longer change.");
        }

        var newStart = start ?? row.PlannedStart;
        var newCompletion = completion ?? row.PlannedCompletion;
        if (newCompletion < newStart)
        {
            v.Add("planned_completion", "The planned completion must not be before the planned start.");
        }

        v.AddRange(baseline.Validate(newStart, newCompletion));
        v.ThrowIfAny();

        return await work.RunAsync(async () =>
        {
            var nowMs = time.NowMs();
            var changes = new List<string> { $"baseline: version {row.BaselineVersion} → {row.BaselineVersion + 1} ({baseline.Milestones.Count} milestones)" };
            if (newStart != row.PlannedStart)
            {
                changes.Add($"planned_start: {Wire.Date(row.PlannedStart)} → {Wire.Date(newStart)}");
            }

            if (newCompletion != row.PlannedCompletion)
            {
                changes.Add($"planned_completion: {Wire.Date(row.PlannedCompletion)} → {Wire.Date(newCompletion)}");
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
                Reason = request.Reason.Trim(),
            });
            ProjectStore.Audit(db, row.Id, nowMs, actor, "REPLANNED", request.Reason.Trim(), changes);
            db.AddIntegrationEvent(new ProjectUpdated(
                Guid.NewGuid(), time.GetUtcNow(), ProjectMapping.Routing(row),
                changes.Select(c => c[..c.IndexOf(':', StringComparison.Ordinal)]).ToList(), request.Reason.Trim(), actor));
            await db.SaveChangesAsync(ct);
            await lights.EvaluateAsync(db, row, ct);
            return await ProjectStore.ToWireAsync(db, row, ct);
        }, ct);
    }
}
