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

/// <summary>Retires a project through the exit mechanism (退出机制). Its light goes out; its history stays.</summary>
public sealed class ExitProject(RegistryDbContext db, UnitOfWork work, LightEngine lights, TimeProvider time)
{
    public async Task<V1.Project> HandleAsync(V1.ExitProjectRequest request, Caller caller, CancellationToken ct)
    {
        RegistryAccess.RequireManage(caller, "exit projects");
        var actor = CallActor.Of(caller);
        var v = new Violations();
        ProjectStore.RequireReason(request.Reason, v);
        v.ThrowIfAny();
        var row = await ProjectStore.FindAsync(db, request.ProjectId, ct);
        var from = ProjectMapping.Stage(row);
        if (from == ProjectStage.Exited)
        {
            throw RpcException.FailedPrecondition("ALREADY_EXITED", $"Project {row.Id} has already exited.");
        }

        return await work.RunAsync(async () =>
        {
            var nowMs = time.NowMs();
            var reason = request.Reason.Trim();
            row.Stage = nameof(ProjectStage.Exited);
            row.ExitReason = reason;
            row.UpdatedAtMs = nowMs;
            ProjectStore.Audit(db, row.Id, nowMs, actor, "EXITED", reason, [$"stage: {from} → Exited"]);
            var routing = ProjectMapping.Routing(row);
            db.AddIntegrationEvent(new ProjectStageChanged(
                Guid.NewGuid(), time.GetUtcNow(), routing, LightEngine.UpperSnake(from.ToString()), "EXITED", reason, actor));
            db.AddIntegrationEvent(new ProjectExited(Guid.NewGuid(), time.GetUtcNow(), routing, reason, actor));
            await db.SaveChangesAsync(ct);
            await lights.EvaluateAsync(db, row, ct);
            return await ProjectStore.ToWireAsync(db, row, ct);
        }, ct);
    }
}
