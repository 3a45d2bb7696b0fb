using MassTransit;
using ProjectHub.Approval.Persistence;
using ProjectHub.Contracts.Registry;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Approval.Projects;

/// <summary>
/// Keeps <see cref="ProjectRoutes"/> from every registry event that carries a project's routing; a redelivered event
/// changes nothing (inbox). Progress reports and light changes are consumed too, so a project registered before this
/// service listened becomes known with its next report.
/// </summary>
/// <remarks>
/// Named with the service prefix on purpose: endpoints are named after the consumer class, and the escalation
/// service's ProjectRoutingConsumer must not share (and compete on) this queue on RabbitMQ.
/// </remarks>
public sealed class ApprovalProjectRoutingConsumer(ApprovalDbContext db, TimeProvider time)
    : IConsumer<ProjectRegistered>, IConsumer<ProjectUpdated>, IConsumer<ProjectStageChanged>, IConsumer<ProjectExited>,
        IConsumer<ProgressReported>, IConsumer<ProjectLightChanged>
{
    public const string Name = "approval.project-routing";

    public Task Consume(ConsumeContext<ProjectRegistered> context) =>
        ApplyAsync(context.Message.EventId, context.Message.Project, context.Message.OccurredAt, context.CancellationToken);

    public Task Consume(ConsumeContext<ProjectUpdated> context) =>
        ApplyAsync(context.Message.EventId, context.Message.Project, context.Message.OccurredAt, context.CancellationToken);

    public Task Consume(ConsumeContext<ProjectStageChanged> context) =>
        ApplyAsync(context.Message.EventId, context.Message.Project, context.Message.OccurredAt, context.CancellationToken);

    public Task Consume(ConsumeContext<ProjectExited> context) =>
        ApplyAsync(context.Message.EventId, context.Message.Project, context.Message.OccurredAt, context.CancellationToken);

    public Task Consume(ConsumeContext<ProgressReported> context) =>
        ApplyAsync(context.Message.EventId, context.Message.Project, context.Message.OccurredAt, context.CancellationToken);

    public Task Consume(ConsumeContext<ProjectLightChanged> context) =>
        ApplyAsync(context.Message.EventId, context.Message.Project, context.Message.OccurredAt, context.CancellationToken);

    /// <returns>False when this event was already processed (nothing changed).</returns>
    public async Task<bool> ApplyAsync(Guid eventId, ProjectRouting project, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        if (!await db.TryMarkProcessedAsync(eventId, Name, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        await ProjectRoutes.UpsertAsync(db, project, occurredAt, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
