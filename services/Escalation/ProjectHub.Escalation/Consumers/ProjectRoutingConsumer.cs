using MassTransit;
using ProjectHub.Contracts.Registry;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Escalation.Consumers;

/// <summary>Registry events that carry a project's routing: kept locally for alerts and tier permissions.</summary>
public sealed class ProjectRoutingConsumer(EscalationDbContext db, TimeProvider time)
    : IConsumer<ProjectRegistered>, IConsumer<ProjectUpdated>, IConsumer<ProjectStageChanged>
{
    public const string Name = "escalation.project-routing";

    public Task Consume(ConsumeContext<ProjectRegistered> context) =>
        HandleAsync(context.Message.EventId, context.Message.Project, context.Message.OccurredAt, context.CancellationToken);

    public Task Consume(ConsumeContext<ProjectUpdated> context) =>
        HandleAsync(context.Message.EventId, context.Message.Project, context.Message.OccurredAt, context.CancellationToken);

    public Task Consume(ConsumeContext<ProjectStageChanged> context) =>
        HandleAsync(context.Message.EventId, context.Message.Project, context.Message.OccurredAt, context.CancellationToken);

    private async Task HandleAsync(Guid eventId, ProjectRouting project, DateTimeOffset occurredAt, CancellationToken ct)
    {
        if (!await db.TryMarkProcessedAsync(eventId, Name, time.GetUtcNow(), ct))
        {
            return;
        }

        await ProjectRoutes.UpsertAsync(db, project, occurredAt, ct);
        await db.SaveChangesAsync(ct);
    }
}
