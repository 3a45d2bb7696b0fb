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

/// <summary>
/// Moves a project between reserve, pre-construction, construction and completion. Any order is allowed among
/// the open stages (the list is adjusted dynamically, 动态调整); completed and exited projects are closed.
/// </summary>
public sealed class ChangeStage(RegistryDbContext db, UnitOfWork work, LightEngine lights, TimeProvider time)
{
    public async Task<V1.Project> HandleAsync(V1.ChangeStageRequest request, Caller caller, CancellationToken ct)
    {
        RegistryAccess.RequireManage(caller, "change project stages");
        var actor = CallActor.Of(caller);
        var v = new Violations();
        ProjectStore.RequireReason(request.Reason, v);
        var target = Wire.FromWire<V1.ProjectStage, ProjectStage>(request.Stage);
        if (target is null or ProjectStage.Exited)
        {
            v.Add("stage", target is null
                ? "Required: RESERVE, PRE_CONSTRUCTION, UNDER_CONSTRUCTION or COMPLETED."
                : "Use ExitProject to retire a project.");
        }

        var today = time.Today();
        var actualStart = Wire.ParseOptionalDate(request.ActualStart, "actual_start", v);
        if (actualStart > today)
        {
            v.Add("actual_start", "The actual start cannot be in the future.");
        }

        if (actualStart is not null && target != ProjectStage.UnderConstruction)
        {
            v.Add("actual_start", "Only given when moving to UNDER_CONSTRUCTION.");
        }

        v.ThrowIfAny();
        var row = await ProjectStore.FindAsync(db, request.ProjectId, ct);
        var from = ProjectMapping.Stage(row);
        if (from is ProjectStage.Exited or ProjectStage.Completed)
        {
            throw RpcException.FailedPrecondition("PROJECT_CLOSED", $"Project {row.Id} is {row.Stage}; its stage can no longer change.");
        }

        if (from == target)
        {
            throw RpcException.FailedPrecondition("SAME_STAGE", $"Project {row.Id} is already {row.Stage}.");
        }

        return await work.RunAsync(async () =>
        {
            var nowMs = time.NowMs();
            var changes = new List<string> { $"stage: {from} → {target}" };
            row.Stage = target!.Value.ToString();
            if (target == ProjectStage.UnderConstruction && row.ActualStart is null)
            {
                row.ActualStart = actualStart ?? today;
                changes.Add($"actual_start: {Wire.Date(row.ActualStart)}");
            }

            row.UpdatedAtMs = nowMs;
            ProjectStore.Audit(db, row.Id, nowMs, actor, "STAGE_CHANGED", request.Reason.Trim(), changes);
            db.AddIntegrationEvent(new ProjectStageChanged(
                Guid.NewGuid(), time.GetUtcNow(), ProjectMapping.Routing(row),
                LightEngine.UpperSnake(from.ToString()), LightEngine.UpperSnake(row.Stage), request.Reason.Trim(), actor));
            await db.SaveChangesAsync(ct);
            await lights.EvaluateAsync(db, row, ct);
            return await ProjectStore.ToWireAsync(db, row, ct);
        }, ct);
    }
}
