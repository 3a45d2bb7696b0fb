using MassTransit;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Approval.Persistence;
using ProjectHub.Contracts.Registry;
using ProjectHub.Hosting.Projects;

namespace ProjectHub.Approval.Consumers;

/// <summary>
/// Keeps the project routing copy (<see cref="ApprovalDbContext.ProjectRoutes"/>) from every registry event that
/// carries a project's routing; a redelivered event changes nothing (inbox). Progress reports and light changes are
/// consumed too, so a project registered before this service listened becomes known with its next report.
/// </summary>
/// <remarks>
/// Named with the service prefix on purpose: endpoints are named after the consumer class, and the escalation
/// service's ProjectRoutingConsumer must not share (and compete on) this queue on RabbitMQ.
/// </remarks>
public sealed class ApprovalProjectRoutingConsumer(ApprovalDbContext db, TimeProvider time)
    : ProjectRoutingConsumerBase<ApprovalDbContext>(db, time), IConsumer<ProgressReported>, IConsumer<ProjectLightChanged>
{
    public const string Name = "approval.project-routing";

    protected override string InboxName => Name;

    public Task Consume(ConsumeContext<ProgressReported> context) =>
        ApplyAsync(context.Message.EventId, context.Message.Project, context.Message.OccurredAt, context.CancellationToken);

    public Task Consume(ConsumeContext<ProjectLightChanged> context) =>
        ApplyAsync(context.Message.EventId, context.Message.Project, context.Message.OccurredAt, context.CancellationToken);

    /// <summary>The case's owner unit addresses its overdue and due-soon alerts, so it follows the registry too.</summary>
    protected override async Task OnRouteChangedAsync(ProjectRoute route, CancellationToken cancellationToken)
    {
        var opened = await Db.Cases.FirstOrDefaultAsync(c => c.ProjectId == route.ProjectId, cancellationToken);
        if (opened is not null && opened.OwnerUnit != route.OwnerUnit)
        {
            opened.OwnerUnit = route.OwnerUnit;
        }
    }
}
