using Microsoft.Extensions.Time.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Testing;
using static ProjectHub.Testing.DeliveryRows;

namespace ProjectHub.Infrastructure.Tests;

/// <summary>Retention of the delivery tables on the private PostgreSQL (timestamptz columns, the LINQ deletes).</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class RetentionPostgresTests(InfrastructureFixture infra) : IAsyncLifetime
{

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
    private readonly string _database = "retention_" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<WebApplication> _apps = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Sent_outbox_rows_older_than_the_window_go_and_younger_unsent_and_business_rows_stay()
    {
        var app = await BuildAsync();
        var now = _time.GetUtcNow();
        var cutoff = now - TimeSpan.FromDays(7);
        var oldSent = Sent(now - TimeSpan.FromDays(8));
        var justOld = Sent(cutoff - TimeSpan.FromSeconds(1));
        var justYoung = Sent(cutoff + TimeSpan.FromSeconds(1));
        var young = Sent(now - TimeSpan.FromDays(1));
        var unsentAncient = Unsent(now - TimeSpan.FromDays(400));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            db.Notes.Add(new Note { Id = 1, Text = "a business row, written long ago" });
            db.Set<OutboxMessage>().AddRange(oldSent, justOld, justYoung, young, unsentAncient);
            db.Set<ProcessedMessage>().Add(Processed(now));
            await db.SaveChangesAsync();
        }

        var result = await Retention(app).RunOnceAsync(CancellationToken.None);

        Assert.Equal((2, 0), (result.OutboxRows, result.InboxRows));
        await using var check = app.Services.CreateAsyncScope();
        var db2 = check.ServiceProvider.GetRequiredService<TestDbContext>();
        var left = await db2.Set<OutboxMessage>().Select(m => m.Id).ToListAsync();
        Assert.Equal(new[] { justYoung.Id, young.Id, unsentAncient.Id }.Order(), left.Order());
        Assert.Equal(1, await db2.Notes.CountAsync());
        Assert.Equal(1, await db2.Set<ProcessedMessage>().CountAsync());

        _time.Advance(TimeSpan.FromDays(365));
        Assert.Equal(2, (await Retention(app).RunOnceAsync(CancellationToken.None)).OutboxRows);
        Assert.Equal(unsentAncient.Id, (await db2.Set<OutboxMessage>().SingleAsync()).Id);
    }

    [Fact]
    public async Task Twelve_hundred_old_rows_go_in_three_batches_of_at_most_five_hundred()
    {
        var app = await BuildAsync();
        var now = _time.GetUtcNow();
        await AddAsync(app,
            [.. Enumerable.Range(0, 1200).Select(i => Sent(now - TimeSpan.FromDays(10) + TimeSpan.FromSeconds(i))),
             .. Enumerable.Range(0, 30).Select(i => Sent(now - TimeSpan.FromHours(i)))],
            [.. Enumerable.Range(0, 1000).Select(i => Processed(now - TimeSpan.FromDays(8) - TimeSpan.FromMinutes(i))),
             .. Enumerable.Range(0, 20).Select(i => Processed(now - TimeSpan.FromMinutes(i)))]);

        var result = await Retention(app).RunOnceAsync(CancellationToken.None);

        Assert.Equal<int>([500, 500, 200], result.OutboxBatches);
        Assert.Equal<int>([500, 500, 0], result.InboxBatches);
        Assert.Equal((30, 20), await CountAsync(app));
    }

    [Fact]
    public async Task Inbox_rows_older_than_the_window_go_and_a_redelivery_of_a_kept_id_is_still_dropped()
    {
        var app = await BuildAsync();
        var forgotten = Guid.NewGuid();
        var kept = Guid.NewGuid();
        Assert.True(await MarkProcessedAsync(app, forgotten));
        _time.Advance(TimeSpan.FromDays(2));
        Assert.True(await MarkProcessedAsync(app, kept));
        _time.Advance(TimeSpan.FromDays(5.5));

        var result = await Retention(app).RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, result.InboxRows);
        Assert.False(await MarkProcessedAsync(app, kept)); // a redelivery of a kept id is still dropped
        Assert.True(await MarkProcessedAsync(app, forgotten)); // a pruned id is not: hence a window of at least a day
    }

    [Fact]
    public async Task Two_replicas_pruning_the_same_database_at_once_remove_every_old_row_once_without_errors_and_keep_the_rest()
    {
        var first = await BuildAsync();
        var second = await BuildAsync();
        var now = _time.GetUtcNow();
        await AddAsync(first,
            [.. Enumerable.Range(0, 3000).Select(i => Sent(now - TimeSpan.FromDays(8) - TimeSpan.FromSeconds(i))),
             .. Enumerable.Range(0, 50).Select(i => Sent(now - TimeSpan.FromMinutes(i))),
             .. Enumerable.Range(0, 50).Select(i => Unsent(now - TimeSpan.FromDays(30)))],
            [.. Enumerable.Range(0, 2000).Select(i => Processed(now - TimeSpan.FromDays(9) - TimeSpan.FromSeconds(i))),
             .. Enumerable.Range(0, 40).Select(i => Processed(now - TimeSpan.FromMinutes(i)))]);

        var together = await Task.WhenAll(
            Retention(first).RunOnceAsync(CancellationToken.None),
            Retention(second).RunOnceAsync(CancellationToken.None));
        // A replica whose batch came up short (the other held those rows) ends its pass; the next interval takes
        // whatever that left.
        DeliveryRetentionResult[] results = [.. together, await Retention(second).RunOnceAsync(CancellationToken.None)];

        Assert.Equal(3000, results.Sum(r => r.OutboxRows));
        Assert.Equal(2000, results.Sum(r => r.InboxRows));
        Assert.All(results.SelectMany(r => r.OutboxBatches.Concat(r.InboxBatches)), rows => Assert.InRange(rows, 0, 500));
        Assert.Equal((100, 40), await CountAsync(first));
    }

    private async Task<WebApplication> BuildAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Database:Test:Provider"] = "Postgres";
        builder.Configuration["Database:Test:ConnectionString"] = infra.PostgresConnectionString(_database);
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.AddServiceDatabase<TestDbContext>("Test");
        builder.AddOutboxRelay<TestDbContext>();
        var app = builder.Build();
        _apps.Add(app);
        await app.Services.InitializeDatabasesAsync();
        return app;
    }

    private static DeliveryRetention<TestDbContext> Retention(WebApplication app) =>
        app.Services.GetServices<IHostedService>().OfType<DeliveryRetention<TestDbContext>>().Single();

    private static Task AddAsync(WebApplication app, OutboxMessage[] outbox, ProcessedMessage[] inbox) =>
        DeliveryRows.AddAsync<TestDbContext>(app, outbox, inbox);

    private static async Task<(int Outbox, int Inbox)> CountAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        return (await db.Set<OutboxMessage>().CountAsync(), await db.Set<ProcessedMessage>().CountAsync());
    }

    private async Task<bool> MarkProcessedAsync(WebApplication app, Guid messageId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        var first = await db.TryMarkProcessedAsync(messageId, "retention-test", _time.GetUtcNow(), CancellationToken.None);
        await db.SaveChangesAsync();
        return first;
    }
}
