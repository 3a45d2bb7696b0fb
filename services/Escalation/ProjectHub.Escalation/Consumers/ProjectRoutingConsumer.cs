using ProjectHub.Escalation.Persistence;
using ProjectHub.Hosting.Projects;

namespace ProjectHub.Escalation.Consumers;

/// <summary>Registry events that carry a project's routing: kept locally for alerts and tier permissions.</summary>
public sealed class ProjectRoutingConsumer(EscalationDbContext db, TimeProvider time) : ProjectRoutingConsumerBase<EscalationDbContext>(db, time)
{
    public const string Name = "escalation.project-routing";

    protected override string InboxName => Name;
}
