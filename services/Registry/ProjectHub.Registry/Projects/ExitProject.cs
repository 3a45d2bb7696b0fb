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

/// <summary>Retires a project through the exit mechanism (退出机制). Its light goes out; its history stays.</summary>
public sealed class ExitProject(RegistryDbContext db, UnitOfWork work, LightEngine lights, TimeProvider time)
{
    public async Task<ProjectView> HandleAsync(string projectId, string reason, Caller caller, CancellationToken ct)
    {
        RegistryAccess.RequireManage(caller, "办理项目退出");
        var actor = CallActor.Of(caller);
        var v = new Violations();
        ProjectStore.RequireReason(reason, v);
        v.ThrowIfAny();
        var row = await ProjectStore.FindAsync(db, projectId, ct);
        var from = ProjectRowMapping.Stage(row);
        if (from == ProjectStage.Exited)
        {
            throw DomainException.Precondition("ALREADY_EXITED", $"项目 {row.Id} 已退出，不能再次退出。");
        }

        return await work.RunAsync(async () =>
        {
            var nowMs = time.NowMs();
            var trimmed = reason.Trim();
            row.Stage = nameof(ProjectStage.Exited);
            row.ExitReason = trimmed;
            row.UpdatedAtMs = nowMs;
            ProjectStore.Audit(db, row.Id, nowMs, actor, "EXITED", trimmed, [$"stage: {from} → Exited"]);
            var routing = ProjectRowMapping.Routing(row);
            db.AddIntegrationEvent(new ProjectStageChanged(
                Guid.NewGuid(), time.GetUtcNow(), routing, LightEngine.UpperSnake(from.ToString()), "EXITED", trimmed, actor));
            db.AddIntegrationEvent(new ProjectExited(Guid.NewGuid(), time.GetUtcNow(), routing, trimmed, actor));
            await db.SaveChangesAsync(ct);
            await lights.EvaluateAsync(db, row, ct);
            return await ProjectStore.ViewAsync(db, row, ct);
        }, ct);
    }
}
