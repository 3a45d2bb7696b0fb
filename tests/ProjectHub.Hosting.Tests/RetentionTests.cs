using Microsoft.Extensions.Time.Testing;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProjectHub.Contracts.Approval;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Testing;
using static ProjectHub.Testing.DeliveryRows;

namespace ProjectHub.Hosting.Tests;

/// <summary>
/// Retention of the delivery tables on a real SQLite file (whose provider cannot translate DateTimeOffset
/// comparisons, so the deletes compare in SQL): what is old goes in bounded batches, what is young or unsent stays.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("projecthub-retention-").FullName;
    private readonly FakeTimeProvider _time = new(Start);
    private readonly List<WebApplication> _apps = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
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
        // Stored with other offsets: as text, the first sorts after the cutoff and the second before it; the instants
        // are the other way round, and the instants decide.
        var oldInShanghai = Sent((cutoff - TimeSpan.FromHours(1)).ToOffset(TimeSpan.FromHours(8)));
        var youngInNewYork = Sent((cutoff + TimeSpan.FromHours(1)).ToOffset(TimeSpan.FromHours(-5)));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            db.Notes.Add(new Note { Id = 1, Text = "a business row, written long ago" });
            db.Set<OutboxMessage>().AddRange(oldSent, justOld, justYoung, young, unsentAncient, oldInShanghai, youngInNewYork);
            db.Set<ProcessedMessage>().Add(new ProcessedMessage { MessageId = Guid.NewGuid(), Consumer = "c", ProcessedAt = now });
            await db.SaveChangesAsync();
        }

        var result = await Retention(app).RunOnceAsync(CancellationToken.None);

        Assert.Equal(cutoff, result.Cutoff);
        Assert.Equal(3, result.OutboxRows);
        Assert.Equal(0, result.InboxRows);
        await using var check = app.Services.CreateAsyncScope();
        var left = await check.ServiceProvider.GetRequiredService<TestDbContext>().Set<OutboxMessage>().Select(m => m.Id).ToListAsync();
        Assert.Equal(
            new[] { justYoung.Id, young.Id, unsentAncient.Id, youngInNewYork.Id }.Order(),
            left.Order());
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<TestDbContext>().Notes.CountAsync());
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<TestDbContext>().Set<ProcessedMessage>().CountAsync());

        // A second pass finds nothing more; a year later the unsent row is still there, whatever its age.
        Assert.Equal(0, (await Retention(app).RunOnceAsync(CancellationToken.None)).OutboxRows);
        _time.Advance(TimeSpan.FromDays(365));
        Assert.Equal(3, (await Retention(app).RunOnceAsync(CancellationToken.None)).OutboxRows);
        Assert.Equal(unsentAncient.Id, (await check.ServiceProvider.GetRequiredService<TestDbContext>().Set<OutboxMessage>().SingleAsync()).Id);
    }

    [Fact]
    public async Task Twelve_hundred_old_rows_go_in_three_batches_of_at_most_five_hundred()
    {
        var app = await BuildAsync();
        var now = _time.GetUtcNow();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            db.Set<OutboxMessage>().AddRange(Enumerable.Range(0, 1200).Select(i => Sent(now - TimeSpan.FromDays(10) + TimeSpan.FromSeconds(i))));
            db.Set<OutboxMessage>().AddRange(Enumerable.Range(0, 30).Select(i => Sent(now - TimeSpan.FromHours(i))));
            db.Set<ProcessedMessage>().AddRange(Enumerable.Range(0, 1000).Select(i => Processed(now - TimeSpan.FromDays(8) - TimeSpan.FromMinutes(i))));
            db.Set<ProcessedMessage>().AddRange(Enumerable.Range(0, 20).Select(i => Processed(now - TimeSpan.FromMinutes(i))));
            await db.SaveChangesAsync();
        }

        var retention = Retention(app);
        Assert.Equal(500, retention.Settings.BatchSize);
        var result = await retention.RunOnceAsync(CancellationToken.None);

        Assert.Equal<int>([500, 500, 200], result.OutboxBatches);
        // Exactly two full batches: the third finds nothing and ends the pass.
        Assert.Equal<int>([500, 500, 0], result.InboxBatches);
        await using var check = app.Services.CreateAsyncScope();
        var db2 = check.ServiceProvider.GetRequiredService<TestDbContext>();
        Assert.Equal(30, await db2.Set<OutboxMessage>().CountAsync());
        Assert.Equal(20, await db2.Set<ProcessedMessage>().CountAsync());
    }

    [Fact]
    public async Task A_smaller_batch_size_takes_more_and_smaller_batches()
    {
        var app = await BuildAsync(new Dictionary<string, string?> { ["Messaging:Retention:BatchSize"] = "7" });
        var now = _time.GetUtcNow();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            db.Set<OutboxMessage>().AddRange(Enumerable.Range(0, 20).Select(_ => Sent(now - TimeSpan.FromDays(9))));
            await db.SaveChangesAsync();
        }

        var result = await Retention(app).RunOnceAsync(CancellationToken.None);

        Assert.Equal<int>([7, 7, 6], result.OutboxBatches);
        Assert.Equal<int>([0], result.InboxBatches);
    }

    [Fact]
    public async Task Inbox_rows_older_than_the_window_go_and_a_redelivery_of_a_kept_id_is_still_dropped()
    {
        var app = await BuildAsync(bus: true);
        var bus = app.Services.GetRequiredService<IBus>();
        var ledger = app.Services.GetRequiredService<RetentionLedger>();
        var forgotten = new ApprovalsCompleted(Guid.NewGuid(), _time.GetUtcNow(), "P-old", "C");
        await bus.Publish(forgotten);
        await ledger.WaitForDeliveriesAsync(forgotten.EventId, 1);
        _time.Advance(TimeSpan.FromDays(2));
        var kept = new ApprovalsCompleted(Guid.NewGuid(), _time.GetUtcNow(), "P-kept", "C");
        await bus.Publish(kept);
        await ledger.WaitForDeliveriesAsync(kept.EventId, 1);

        // forgotten was processed 7.5 days ago, kept 5.5 days ago.
        // (The started host's own first pass may have run by now too; either way the state below is what counts.)
        _time.Advance(TimeSpan.FromDays(5.5));
        await Retention(app).RunOnceAsync(CancellationToken.None);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<TestDbContext>().Set<ProcessedMessage>().SingleAsync();
            Assert.Equal(kept.EventId, row.MessageId);
        }

        // Redeliveries: the kept id is still dropped by the inbox; the pruned one would apply again, which is why the
        // window must outlast anything the broker could still redeliver.
        await bus.Publish(kept);
        await bus.Publish(forgotten);
        await ledger.WaitForDeliveriesAsync(kept.EventId, 2);
        await ledger.WaitForDeliveriesAsync(forgotten.EventId, 2);
        Assert.Equal(1, ledger.Effects[kept.EventId]);
        Assert.Equal(2, ledger.Effects[forgotten.EventId]);
    }

    [Fact]
    public async Task The_service_prunes_every_interval_logs_what_it_removed_survives_a_failure_and_stops_on_shutdown()
    {
        var logs = new RetentionLogs();
        var app = await BuildAsync(new Dictionary<string, string?> { ["Messaging:Retention:Interval"] = "00:00:00.100" }, bus: true, logs: logs);
        var retention = Retention(app);
        var now = _time.GetUtcNow();
        await AddAsync(app, [Sent(now - TimeSpan.FromDays(8)), Sent(now - TimeSpan.FromDays(9)), Sent(now)], [Processed(now - TimeSpan.FromDays(30))]);
        // A pass may run between the outbox and the inbox part of that commit: what counts is the sum it logs.
        await WaitUntilAsync(() => logs.Removed() == (2, 1));
        Assert.Equal(1, await CountOutboxAsync(app));

        // A pass that fails (its table is gone) is logged; the loop goes on and succeeds once the table is back.
        await ExecuteAsync(app, "ALTER TABLE \"processed_messages\" RENAME TO \"processed_messages_away\"");
        await WaitUntilAsync(() => logs.Contains(LogLevel.Warning, "Delivery retention for TestDbContext failed; retrying in 00:00:00.1000000"));
        Assert.False(retention.ExecuteTask!.IsCompleted);
        await ExecuteAsync(app, "ALTER TABLE \"processed_messages_away\" RENAME TO \"processed_messages\"");
        await AddAsync(app, [Sent(now - TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1))], [Processed(now - TimeSpan.FromDays(8)), Processed(now - TimeSpan.FromDays(8))]);
        await WaitUntilAsync(() => logs.Removed() == (3, 3));
        Assert.Equal(1, await CountOutboxAsync(app));

        await app.StopAsync();
        Assert.True(retention.ExecuteTask.IsCompleted);
        Assert.False(retention.ExecuteTask.IsFaulted);
    }

    [Fact]
    public async Task Turned_off_the_service_runs_no_pass_however_far_the_clock_moves()
    {
        var app = await BuildAsync(new Dictionary<string, string?> { ["Messaging:Retention:Enabled"] = "false" }, bus: true);
        var now = _time.GetUtcNow();
        await AddAsync(app, [Sent(now - TimeSpan.FromDays(30))], [Processed(now - TimeSpan.FromDays(30))]);
        var retention = Retention(app);
        Assert.False(retention.Settings.Enabled);
        // The loop ends at once instead of waiting for its first interval (a running loop never completes here).
        await retention.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        _time.Advance(TimeSpan.FromDays(1));
        await Task.Delay(200);
        Assert.Equal(1, await CountOutboxAsync(app));
    }

    [Theory]
    [InlineData("Messaging:Retention:Window", "23:59:59", "Messaging:Retention:Window is 23:59:59, but it must be at least 1.00:00:00 (one day)")]
    [InlineData("Messaging:Retention:Window", "00:00:00", "redelivery would be applied twice")]
    [InlineData("Messaging:Retention:Interval", "00:00:00", "Messaging:Retention:Interval must be positive")]
    [InlineData("Messaging:Retention:BatchSize", "0", "Messaging:Retention:BatchSize must be at least 1, not 0.")]
    public void The_host_refuses_to_start_with_bad_retention_settings(string key, string value, string message)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration[key] = value;
        builder.Configuration["Database:Directory"] = _directory;
        builder.AddServiceDatabase<TestDbContext>("Refused");
        var refused = Assert.Throws<InvalidOperationException>(() => builder.AddOutboxRelay<TestDbContext>());
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_defaults_are_every_ten_minutes_seven_days_and_five_hundred_rows_and_a_day_is_accepted()
    {
        var defaults = Retention(await BuildAsync()).Settings;
        Assert.Equal(new DeliveryRetentionSettings(TimeSpan.FromMinutes(10), TimeSpan.FromDays(7), 500), defaults);

        var app = await BuildAsync(new Dictionary<string, string?> { ["Messaging:Retention:Window"] = "1.00:00:00" });
        Assert.Equal(TimeSpan.FromDays(1), Retention(app).Settings.Window);
    }

    private async Task<WebApplication> BuildAsync(
        Dictionary<string, string?>? settings = null, bool bus = false, RetentionLogs? logs = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Database:Directory"] = Path.Combine(_directory, _apps.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in settings ?? [])
        {
            builder.Configuration[key] = value;
        }

        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.AddServiceDatabase<TestDbContext>("Retention");
        builder.AddOutboxRelay<TestDbContext>();
        if (bus)
        {
            builder.Services.AddSingleton<RetentionLedger>();
            builder.AddBusConsumer<RetentionInboxConsumer>();
            builder.AddProjectHubBus();
        }

        var app = builder.Build();
        _apps.Add(app);
        await app.Services.InitializeDatabasesAsync();
        if (bus)
        {
            await app.StartAsync();
        }

        return app;
    }

    private static DeliveryRetention<TestDbContext> Retention(WebApplication app) =>
        app.Services.GetServices<IHostedService>().OfType<DeliveryRetention<TestDbContext>>().Single();

    private static Task AddAsync(WebApplication app, OutboxMessage[] outbox, ProcessedMessage[] inbox) =>
        DeliveryRows.AddAsync<TestDbContext>(app, outbox, inbox);

    private static async Task<int> CountOutboxAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TestDbContext>().Set<OutboxMessage>().CountAsync();
    }

    private static async Task ExecuteAsync(WebApplication app, string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>Polls <paramref name="condition"/>, moving the fake clock one retention interval (100 ms) per poll so the
    /// service's loop, which waits on that clock, gets its turns; 15 s of real time at most.</summary>
    private async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 15 s");
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(50);
        }
    }
}

/// <summary>Every delivery and every applied effect of <see cref="RetentionInboxConsumer"/>.</summary>
public sealed class RetentionLedger
{
    public ConcurrentDictionary<Guid, int> Deliveries { get; } = new();

    public ConcurrentDictionary<Guid, int> Effects { get; } = new();

    public async Task WaitForDeliveriesAsync(Guid id, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Deliveries.GetValueOrDefault(id) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{id} was not delivered {count} time(s) within 15 s");
            await Task.Delay(20);
        }
    }
}

/// <summary>Idempotent through the inbox, stamped with the test's clock.</summary>
public sealed class RetentionInboxConsumer(RetentionLedger ledger, TestDbContext db, TimeProvider time) : IConsumer<ApprovalsCompleted>
{
    public async Task Consume(ConsumeContext<ApprovalsCompleted> context)
    {
        var id = context.Message.EventId;
        if (await db.TryMarkProcessedAsync(id, nameof(RetentionInboxConsumer), time.GetUtcNow(), context.CancellationToken))
        {
            await db.SaveChangesAsync(context.CancellationToken);
            ledger.Effects.AddOrUpdate(id, 1, (_, n) => n + 1);
        }

        // Counted last, so a test that saw the delivery also sees its effect (or its absence).
        ledger.Deliveries.AddOrUpdate(id, 1, (_, n) => n + 1);
    }
}

/// <summary>Log lines of a host, as formatted.</summary>
public sealed partial class RetentionLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _entries = new();

    public bool Contains(LogLevel level, string text) =>
        _entries.Any(e => e.Level == level && e.Text.Contains(text, StringComparison.Ordinal));

    /// <summary>The outbox and inbox rows the retention's log lines say it removed, summed over every pass.</summary>
    public (int Outbox, int Inbox) Removed()
    {
        var lines = _entries
            .Where(e => e.Level == LogLevel.Information)
            .Select(e => RemovedLine().Match(e.Text))
            .Where(m => m.Success)
            .ToList();
        return (lines.Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)),
            lines.Sum(m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    [GeneratedRegex(@"^Delivery retention for TestDbContext removed (\d+) sent outbox row\(s\) and (\d+) processed inbox row\(s\) older than ")]
    private static partial Regex RemovedLine();

    private sealed class Logger(RetentionLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
