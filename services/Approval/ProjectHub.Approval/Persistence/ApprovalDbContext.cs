using Microsoft.EntityFrameworkCore;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Approval.Persistence;

/// <summary>The approval service's own database.</summary>
public sealed class ApprovalDbContext(DbContextOptions<ApprovalDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}
