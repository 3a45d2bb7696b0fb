using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProjectHub.Contracts.Approval;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Hosting.Tests;

/// <summary>The outbox, relay and inbox working together on a real SQLite file and MassTransit's in-memory bus.</summary>
public sealed class OutboxTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("projecthub-hosting-").FullName;
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // No endpoints are needed; a fixed default port would collide with test projects running in parallel.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Database:Directory"] = _directory;
        builder.AddServiceDatabase<TestDbContext>("Test");
        builder.AddOutboxRelay<TestDbContext>();
        builder.Services.AddSingleton<ReceivedEvents>();
        builder.AddBusConsumer<CompletedConsumer>();
        builder.AddProjectHubBus();
        _app = builder.Build();
        await _app.Services.InitializeDatabasesAsync();
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task An_event_saved_with_a_change_is_published_once_and_marked_sent()
    {
        var evt = new ApprovalsCompleted(Guid.NewGuid(), DateTimeOffset.UtcNow, "P-1", "C-1");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            db.Notes.Add(new Note { Id = 1, Text = "state change" });
            db.AddIntegrationEvent(evt);
            await db.SaveChangesAsync();
        }

        var received = await _app.Services.GetRequiredService<ReceivedEvents>().WaitForAsync(evt.EventId, TimeSpan.FromSeconds(15));
        Assert.Equal("P-1", received.ProjectId);

        await using var check = _app.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<TestDbContext>().Set<OutboxMessage>().SingleAsync();
        await WaitUntilAsync(async () =>
        {
            await using var s = _app.Services.CreateAsyncScope();
            return (await s.ServiceProvider.GetRequiredService<TestDbContext>().Set<OutboxMessage>().SingleAsync()).SentAt is not null;
        });
        Assert.Equal(evt.EventId, stored.Id);
    }

    [Fact]
    public async Task A_rolled_back_change_leaves_no_event()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        db.Notes.Add(new Note { Id = 7, Text = "first" });
        await db.SaveChangesAsync();

        db.ChangeTracker.Clear();
        db.Notes.Add(new Note { Id = 7, Text = "duplicate key: this unit of work fails" });
        db.AddIntegrationEvent(new ApprovalsCompleted(Guid.NewGuid(), DateTimeOffset.UtcNow, "P-2", "C-2"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        await using var check = _app.Services.CreateAsyncScope();
        Assert.Empty(await check.ServiceProvider.GetRequiredService<TestDbContext>().Set<OutboxMessage>().ToListAsync());
    }

    [Fact]
    public async Task The_inbox_accepts_a_message_once_per_consumer()
    {
        var id = Guid.NewGuid();
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        Assert.True(await db.TryMarkProcessedAsync(id, "consumer-a", DateTimeOffset.UtcNow, CancellationToken.None));
        await db.SaveChangesAsync();
        Assert.False(await db.TryMarkProcessedAsync(id, "consumer-a", DateTimeOffset.UtcNow, CancellationToken.None));
        Assert.True(await db.TryMarkProcessedAsync(id, "consumer-b", DateTimeOffset.UtcNow, CancellationToken.None));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 15 s");
            await Task.Delay(50);
        }
    }
}

public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}

public sealed class Note
{
    public int Id { get; set; }

    public string Text { get; set; } = "";
}

public sealed class ReceivedEvents
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, TaskCompletionSource<ApprovalsCompleted>> _events = new();

    public void Add(ApprovalsCompleted evt) => Slot(evt.EventId).TrySetResult(evt);

    public Task<ApprovalsCompleted> WaitForAsync(Guid id, TimeSpan timeout) => Slot(id).Task.WaitAsync(timeout);

    private TaskCompletionSource<ApprovalsCompleted> Slot(Guid id) =>
        _events.GetOrAdd(id, _ => new TaskCompletionSource<ApprovalsCompleted>(TaskCreationOptions.RunContinuationsAsynchronously));
}

public sealed class CompletedConsumer(ReceivedEvents received) : IConsumer<ApprovalsCompleted>
{
    public Task Consume(ConsumeContext<ApprovalsCompleted> context)
    {
        Assert.Equal(context.Message.EventId, context.MessageId);
        received.Add(context.Message);
        return Task.CompletedTask;
    }
}
