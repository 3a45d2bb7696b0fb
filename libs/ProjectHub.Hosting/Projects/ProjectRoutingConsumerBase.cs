using MassTransit;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Contracts.Registry;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Hosting.Projects;

/// <summary>
/// Keeps a service's <see cref="ProjectRoute"/> copy from the registry's project events; a redelivered event changes
/// nothing (inbox). A service that wants more events (progress reports, light changes, so that projects registered
/// before it listened become known) adds their IConsumer interfaces and calls <see cref="ApplyAsync"/>.
/// </summary>
/// <remarks>
/// Each service derives its own consumer with a name of its own: endpoints (queues) are named after the consumer
/// class, and two services must not share, and compete on, one queue on RabbitMQ.
/// </remarks>
public abstract class ProjectRoutingConsumerBase<TContext>(TContext db, TimeProvider time)
    : IConsumer<ProjectRegistered>, IConsumer<ProjectUpdated>, IConsumer<ProjectStageChanged>, IConsumer<ProjectExited>
    where TContext : DbContext
{
    /// <summary>The inbox name: one per service, e.g. "approval.project-routing".</summary>
    protected abstract string InboxName { get; }

    protected TContext Db => db;

    public Task Consume(ConsumeContext<ProjectRegistered> context) =>
        ApplyAsync(context.Message.EventId, context.Message.Project, context.Message.OccurredAt, context.CancellationToken);

    public Task Consume(ConsumeContext<ProjectUpdated> context) =>
        ApplyAsync(context.Message.EventId, context.Message.Project, context.Message.OccurredAt, context.CancellationToken);

    public Task Consume(ConsumeContext<ProjectStageChanged> context) =>
        ApplyAsync(context.Message.EventId, context.Message.Project, context.Message.OccurredAt, context.CancellationToken);

    public Task Consume(ConsumeContext<ProjectExited> context) =>
        ApplyAsync(context.Message.EventId, context.Message.Project, context.Message.OccurredAt, context.CancellationToken);

    /// <returns>False when this event was already processed (nothing changed).</returns>
    public async Task<bool> ApplyAsync(Guid eventId, ProjectRouting project, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        if (!await db.TryMarkProcessedAsync(eventId, InboxName, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        if (await db.UpsertRouteAsync(project, occurredAt, cancellationToken) is { } route)
        {
            await OnRouteChangedAsync(route, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>What else follows the routing in this service (saved in the same unit of work).</summary>
    protected virtual Task OnRouteChangedAsync(ProjectRoute route, CancellationToken cancellationToken) => Task.CompletedTask;
}
