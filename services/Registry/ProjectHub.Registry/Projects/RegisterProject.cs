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
/// A registration as read from the request: the project's fields (null when the request had none), the stage to
/// register in (null when the value is unknown), the actual start, and every field that could not be read.
/// </summary>
public sealed record RegisterProjectCommand(ProjectDraft? Project, ProjectStage? Stage, DateOnly? ActualStart, Violations ParseViolations);

/// <summary>Puts a project on the list: validated, stored with baseline version 1, audited, published, lit.</summary>
public sealed class RegisterProject(RegistryDbContext db, UnitOfWork work, LightEngine lights, TimeProvider time)
{
    public async Task<ProjectView> HandleAsync(RegisterProjectCommand command, Caller caller, CancellationToken ct)
    {
        RegistryAccess.RequireManage(caller, "登记项目");
        var actor = CallActor.Of(caller);
        var v = new Violations();
        var today = time.Today();
        if (command.Project is null)
        {
            v.Add("project", "必填：项目信息。");
            v.ThrowIfAny();
        }

        var draft = command.Project!;
        v.AddRange(command.ParseViolations.Items);
        v.AddRange(ProjectValidator.Validate(draft, today), "project.");
        ProjectStore.RequireRoutingFields(draft, v);

        var stage = command.Stage;
        if (stage is not (ProjectStage.Reserve or ProjectStage.PreConstruction or ProjectStage.UnderConstruction))
        {
            v.Add("stage", $"登记项目时的阶段须为{RegistryTexts.Stage(ProjectStage.Reserve)}、{RegistryTexts.Stage(ProjectStage.PreConstruction)}或{RegistryTexts.Stage(ProjectStage.UnderConstruction)}。");
        }

        var actualStart = command.ActualStart;
        if (actualStart is not null && stage != ProjectStage.UnderConstruction)
        {
            v.Add("actual_start", $"只有按{RegistryTexts.Stage(ProjectStage.UnderConstruction)}登记的项目才填写实际开工日期。");
        }

        if (actualStart > today)
        {
            v.Add("actual_start", "实际开工日期不能晚于今天。");
        }

        v.ThrowIfAny();

        var nowMs = time.NowMs();
        var row = new ProjectRow
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()).ToString(),
            Stage = stage!.Value.ToString(),
            BaselineVersion = 1,
            RegisteredAtMs = nowMs,
            RegisteredOn = today,
            UpdatedAtMs = nowMs,
            ActualStart = stage == ProjectStage.UnderConstruction ? actualStart ?? draft.PlannedStart : null,
        };
        ProjectRowMapping.Apply(draft, row);

        return await work.RunAsync(async () =>
        {
            db.Projects.Add(row);
            db.Baselines.Add(new BaselineRow
            {
                ProjectId = row.Id,
                Version = 1,
                MilestonesJson = row.MilestonesJson,
                PlannedStart = row.PlannedStart,
                PlannedCompletion = row.PlannedCompletion,
                CreatedAtMs = nowMs,
                CreatedBy = actor,
                Reason = "Registered",
            });
            ProjectStore.Audit(db, row.Id, nowMs, actor, "REGISTERED", "", [$"name: {row.Name}", $"stage: {row.Stage}"]);
            db.AddIntegrationEvent(new ProjectRegistered(
                Guid.NewGuid(), time.GetUtcNow(), ProjectRowMapping.Routing(row), LightEngine.UpperSnake(row.Tier), LightEngine.UpperSnake(row.Stage),
                row.TotalInvestment, row.YearPlannedInvestment, row.PlannedStart, row.PlannedCompletion, actor));
            await db.SaveChangesAsync(ct);
            await lights.EvaluateAsync(db, row, ct);
            return await ProjectStore.ViewAsync(db, row, ct);
        }, ct);
    }
}
