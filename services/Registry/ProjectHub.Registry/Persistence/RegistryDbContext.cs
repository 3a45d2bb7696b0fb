using Microsoft.EntityFrameworkCore;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Registry.Persistence;

/// <summary>The registry service's own database.</summary>
public sealed class RegistryDbContext(DbContextOptions<RegistryDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}
