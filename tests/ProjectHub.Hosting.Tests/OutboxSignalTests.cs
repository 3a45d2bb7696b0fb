using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProjectHub.Contracts.Approval;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Hosting.Tests;

/// <summary>A commit that queued events wakes the relay; one that queued none does not.</summary>
public sealed class OutboxSignalTests
{
    [Fact]
    public async Task Only_commits_with_outbox_rows_signal_the_relay_and_only_once_committed()
    {
        var directory = Directory.CreateTempSubdirectory("projecthub-signal-").FullName;
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Configuration["Database:Directory"] = directory;
            builder.AddServiceDatabase<TestDbContext>("Signal");
            await using var app = builder.Build();
            await app.Services.InitializeDatabasesAsync();
            var signal = app.Services.GetRequiredService<OutboxSignal>();

            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            db.Notes.Add(new Note { Id = 1, Text = "no event" });
            await db.SaveChangesAsync();
            Assert.False(await signal.WaitAsync(typeof(TestDbContext), TimeSpan.Zero, CancellationToken.None));

            db.Notes.Add(new Note { Id = 2, Text = "with event" });
            db.AddIntegrationEvent(new ApprovalsCompleted(Guid.NewGuid(), DateTimeOffset.UtcNow, "P", "C"));
            await db.SaveChangesAsync();
            Assert.True(await signal.WaitAsync(typeof(TestDbContext), TimeSpan.Zero, CancellationToken.None));

            // Inside an explicit transaction the signal waits for the commit, and a rollback never signals.
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.AddIntegrationEvent(new ApprovalsCompleted(Guid.NewGuid(), DateTimeOffset.UtcNow, "P", "C"));
                await db.SaveChangesAsync();
                Assert.False(await signal.WaitAsync(typeof(TestDbContext), TimeSpan.Zero, CancellationToken.None));
                await transaction.CommitAsync();
            }

            Assert.True(await signal.WaitAsync(typeof(TestDbContext), TimeSpan.Zero, CancellationToken.None));

            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.AddIntegrationEvent(new ApprovalsCompleted(Guid.NewGuid(), DateTimeOffset.UtcNow, "P", "C"));
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            }

            Assert.False(await signal.WaitAsync(typeof(TestDbContext), TimeSpan.Zero, CancellationToken.None));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_commit_wakes_the_relay_of_its_own_database_not_another_services()
    {
        // The embedded host runs three relays on one signal; the registry's commit must wake the registry's relay.
        var signal = new OutboxSignal();
        signal.Notify(typeof(TestDbContext));
        Assert.False(await signal.WaitAsync(typeof(OtherDbContext), TimeSpan.Zero, CancellationToken.None));
        Assert.True(await signal.WaitAsync(typeof(TestDbContext), TimeSpan.Zero, CancellationToken.None));
        Assert.False(await signal.WaitAsync(typeof(TestDbContext), TimeSpan.Zero, CancellationToken.None));
    }

    private sealed class OtherDbContext;
}
