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
        RegistryAccess.RequireManage(caller, "调整项目阶段");
        var actor = CallActor.Of(caller);
        var v = new Violations();
        ProjectStore.RequireReason(command.Reason, v);
        var target = command.Stage;
        if (target is null or ProjectStage.Exited)
        {
            v.Add("stage", target is null
                ? $"必填：目标阶段，须为{RegistryTexts.Stage(ProjectStage.Reserve)}、{RegistryTexts.Stage(ProjectStage.PreConstruction)}、{RegistryTexts.Stage(ProjectStage.UnderConstruction)}或{RegistryTexts.Stage(ProjectStage.Completed)}。"
                : "项目退出请通过 ExitProject 办理。");
        }

        var today = time.Today();
        v.AddRange(command.ParseViolations.Items);
        var actualStart = command.ActualStart;
        if (actualStart > today)
        {
            v.Add("actual_start", "实际开工日期不能晚于今天。");
        }

        if (actualStart is not null && target != ProjectStage.UnderConstruction)
        {
            v.Add("actual_start", $"只有调整为{RegistryTexts.Stage(ProjectStage.UnderConstruction)}时才填写实际开工日期。");
        }

        v.ThrowIfAny();
        var row = await ProjectStore.FindAsync(db, command.ProjectId, ct);
        var from = ProjectRowMapping.Stage(row);
        if (from is ProjectStage.Exited or ProjectStage.Completed)
        {
            throw DomainException.Precondition("PROJECT_CLOSED", $"项目 {row.Id} 已{RegistryTexts.Stage(row.Stage)}，不能再调整阶段。");
        }

        if (from == target)
        {
            throw DomainException.Precondition("SAME_STAGE", $"项目 {row.Id} 已处于{RegistryTexts.Stage(row.Stage)}阶段。");
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
