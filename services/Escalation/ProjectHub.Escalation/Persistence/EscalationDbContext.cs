using Microsoft.EntityFrameworkCore;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Escalation.Persistence;

/// <summary>The escalation service's own database.</summary>
public sealed class EscalationDbContext(DbContextOptions<EscalationDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}
