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
/// A stage change as read from the request: the target stage (null when unset or unknown), the actual start, the
/// reason, and every field that could not be read.
/// </summary>
public sealed record ChangeStageCommand(string ProjectId, ProjectStage? Stage, DateOnly? ActualStart, string Reason, Violations ParseViolations);

/// <summary>
/// Moves a project between reserve, pre-construction, construction and completion. Any order is allowed among
/// the open stages (the list is adjusted dynamically, 动态调整); completed and exited projects are closed.
/// </summary>
public sealed class ChangeStage(RegistryDbContext db, UnitOfWork work, LightEngine lights, TimeProvider time)
{
    public async Task<ProjectView> HandleAsync(ChangeStageCommand command, Caller caller, CancellationToken ct)
    {
        RegistryAccess.RequireManage(caller, "change project stages");
        var actor = CallActor.Of(caller);
        var v = new Violations();
        ProjectStore.RequireReason(command.Reason, v);
        var target = command.Stage;
        if (target is null or ProjectStage.Exited)
        {
            v.Add("stage", target is null
                ? "Required: RESERVE, PRE_CONSTRUCTION, UNDER_CONSTRUCTION or COMPLETED."
                : "Use ExitProject to retire a project.");
        }

        var today = time.Today();
        v.AddRange(command.ParseViolations.Items);
        var actualStart = command.ActualStart;
        if (actualStart > today)
        {
            v.Add("actual_start", "The actual start cannot be in the future.");
        }

        if (actualStart is not null && target != ProjectStage.UnderConstruction)
        {
            v.Add("actual_start", "Only given when moving to UNDER_CONSTRUCTION.");
        }

        v.ThrowIfAny();
        var row = await ProjectStore.FindAsync(db, command.ProjectId, ct);
        var from = ProjectRowMapping.Stage(row);
        if (from is ProjectStage.Exited or ProjectStage.Completed)
        {
            throw DomainException.Precondition("PROJECT_CLOSED", $"Project {row.Id} is {row.Stage}; its stage can no longer change.");
        }

        if (from == target)
        {
            throw DomainException.Precondition("SAME_STAGE", $"Project {row.Id} is already {row.Stage}.");
        }

        return await work.RunAsync(async () =>
        {
            var nowMs = time.NowMs();
            var changes = new List<string> { $"stage: {from} → {target}" };
            row.Stage = target!.Value.ToString();
            if (target == ProjectStage.UnderConstruction && row.ActualStart is null)
            {
                row.ActualStart = actualStart ?? today;
                changes.Add($"actual_start: {AuditText.Date(row.ActualStart)}");
            }

            row.UpdatedAtMs = nowMs;
            ProjectStore.Audit(db, row.Id, nowMs, actor, "STAGE_CHANGED", command.Reason.Trim(), changes);
            db.AddIntegrationEvent(new ProjectStageChanged(
                Guid.NewGuid(), time.GetUtcNow(), ProjectRowMapping.Routing(row),
                LightEngine.UpperSnake(from.ToString()), LightEngine.UpperSnake(row.Stage), command.Reason.Trim(), actor));
            await db.SaveChangesAsync(ct);
            await lights.EvaluateAsync(db, row, ct);
            return await ProjectStore.ViewAsync(db, row, ct);
        }, ct);
    }
}
