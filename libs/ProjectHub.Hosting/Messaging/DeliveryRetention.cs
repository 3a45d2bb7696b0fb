using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ProjectHub.Hosting.Messaging;

/// <summary>
/// How long the delivery tables keep what they no longer need: "Messaging:Retention:Interval" (default 00:10:00,
/// how often a pass runs), "Messaging:Retention:Window" (default 7.00:00:00, the age after which sent outbox rows and
/// processed inbox rows go; at least one day) and "Messaging:Retention:BatchSize" (default 500 rows per statement).
/// "Messaging:Retention:Enabled" = false stops the background passes (tests that move a fake clock by days and then
/// count outbox rows; an operator pruning by other means).
/// </summary>
public sealed record DeliveryRetentionSettings(TimeSpan Interval, TimeSpan Window, int BatchSize, bool Enabled = true)
{
    /// <summary>
    /// The shortest window accepted. The inbox is what makes a redelivery harmless, so it must remember a message id
    /// for at least as long as the broker could still hand the message over again (a relay that published and died
    /// before marking the row sent, a consumer that crashed before its acknowledgement, a broker node that fails
    /// over): that is seconds to minutes; a day leaves a wide margin.
    /// </summary>
    public static readonly TimeSpan MinimumWindow = TimeSpan.FromDays(1);

    public static DeliveryRetentionSettings Default { get; } = new(TimeSpan.FromMinutes(10), TimeSpan.FromDays(7), 500);

    /// <summary>Reads and checks the settings; a bad value stops the host before it starts.</summary>
    public static DeliveryRetentionSettings From(IConfiguration configuration)
    {
        var interval = configuration.GetValue<TimeSpan?>("Messaging:Retention:Interval") ?? Default.Interval;
        var window = configuration.GetValue<TimeSpan?>("Messaging:Retention:Window") ?? Default.Window;
        var batchSize = configuration.GetValue<int?>("Messaging:Retention:BatchSize") ?? Default.BatchSize;
        if (interval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Messaging:Retention:Interval must be positive, not {interval:c}."));
        }

        if (window < MinimumWindow)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Messaging:Retention:Window is {window:c}, but it must be at least {MinimumWindow:c} (one day): the inbox (processed_messages) has to remember a message id for as long as the broker could still redeliver the message, or a redelivery would be applied twice."));
        }

        if (batchSize < 1)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Messaging:Retention:BatchSize must be at least 1, not {batchSize}."));
        }

        return new DeliveryRetentionSettings(interval, window, batchSize, configuration.GetValue("Messaging:Retention:Enabled", true));
    }
}

/// <summary>What one retention pass removed: the rows each batch (one statement, one short transaction) deleted.</summary>
public sealed record DeliveryRetentionResult(DateTimeOffset Cutoff, IReadOnlyList<int> OutboxBatches, IReadOnlyList<int> InboxBatches)
{
    public int OutboxRows => OutboxBatches.Sum();

    public int InboxRows => InboxBatches.Sum();
}

/// <summary>
/// Keeps a service database's delivery tables from growing forever: at start and then every
/// "Messaging:Retention:Interval" it deletes
/// outbox rows sent longer ago than "Messaging:Retention:Window" and inbox rows processed longer ago than the window,
/// in batches of "Messaging:Retention:BatchSize" rows (each its own statement and transaction, so no lock is held for
/// long and the relay and consumers keep going), until a batch deletes fewer than a full batch. Unsent outbox rows are
/// never deleted, whatever their age, and no other table is touched. A failed pass is logged and retried at the next
/// interval. One per service database, registered with its outbox relay.
/// </summary>
/// <remarks>
/// Each batch is one DELETE whose subquery picks at most a batch of keys, written per provider: EF Core's SQLite
/// provider stores DateTimeOffset as text and cannot translate comparisons on it, so on SQLite <c>julianday()</c> reads
/// the stored text with its offset (exact whatever the offset), and a text bound fourteen hours (the largest UTC
/// offset) past the cutoff lets the outbox's (SentAt, Sequence) index narrow the scan first. On PostgreSQL
/// (timestamptz) the keys are taken <c>FOR UPDATE SKIP LOCKED</c>, so replicas pruning the same database at once take
/// disjoint batches instead of waiting on (or deadlocking over) each other's rows. processed_messages has no index
/// on ProcessedAt on purpose: a pass usually deletes one interval's worth of rows in one batch, so it scans the inbox
/// (window × event rate rows: tens of thousands at a city's scale) about once per interval, cheaper than an index
/// maintained on every consumed event.
/// </remarks>
public sealed partial class DeliveryRetention<TContext>(
    IServiceScopeFactory scopes,
    DeliveryRetentionSettings settings,
    TimeProvider time,
    ILogger<DeliveryRetention<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Delivery retention for {Context} removed {OutboxRows} sent outbox row(s) and {InboxRows} processed inbox row(s) older than {Cutoff}")]
    private static partial void Removed(ILogger logger, string context, int outboxRows, int inboxRows, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery retention for {Context}: nothing older than {Cutoff}")]
    private static partial void NothingToRemove(ILogger logger, string context, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery retention for {Context} failed; retrying in {Interval}")]
    private static partial void PassFailed(ILogger logger, Exception exception, string context, TimeSpan interval);

    /// <summary>Fourteen hours: no UTC offset is larger, so a stored local time can exceed its UTC time by at most this.</summary>
    private static readonly TimeSpan LargestOffset = TimeSpan.FromHours(14);

    public DeliveryRetentionSettings Settings => settings;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled)
        {
            return;
        }

        // Off the start-up path: the host goes on starting while the first pass runs.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                PassFailed(logger, ex, typeof(TContext).Name, settings.Interval);
            }

            try
            {
                await Task.Delay(settings.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One pass: everything older than now minus the window, batch by batch.</summary>
    public async Task<DeliveryRetentionResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - settings.Window;
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var outbox = await DeleteInBatchesAsync(() => DeleteSentAsync(context, cutoff, cancellationToken), cancellationToken);
        var inbox = await DeleteInBatchesAsync(() => DeleteProcessedAsync(context, cutoff, cancellationToken), cancellationToken);
        var result = new DeliveryRetentionResult(cutoff, outbox, inbox);
        if (result.OutboxRows + result.InboxRows > 0)
        {
            Removed(logger, typeof(TContext).Name, result.OutboxRows, result.InboxRows, cutoff);
        }
        else
        {
            NothingToRemove(logger, typeof(TContext).Name, cutoff);
        }

        return result;
    }

    private async Task<IReadOnlyList<int>> DeleteInBatchesAsync(Func<Task<int>> deleteBatch, CancellationToken cancellationToken)
    {
        var batches = new List<int>();
        int deleted;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            deleted = await deleteBatch();
            batches.Add(deleted);
        }
        while (deleted >= settings.BatchSize);

        return batches;
    }

    // Tables and columns as OutboxModelExtensions.AddOutboxAndInbox maps them; every value is a parameter.
    private Task<int> DeleteSentAsync(TContext context, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        if (context.Database.IsSqlite())
        {
            var textBound = cutoff + LargestOffset;
            return context.Database.ExecuteSqlAsync($"""
                DELETE FROM "outbox_messages" WHERE rowid IN (
                    SELECT rowid FROM "outbox_messages"
                    WHERE "SentAt" IS NOT NULL AND "SentAt" < {textBound} AND julianday("SentAt") < julianday({cutoff})
                    LIMIT {settings.BatchSize})
                """, cancellationToken);
        }

        RequirePostgres(context);
        return context.Database.ExecuteSqlAsync($"""
            DELETE FROM "outbox_messages" WHERE "Id" IN (
                SELECT "Id" FROM "outbox_messages"
                WHERE "SentAt" IS NOT NULL AND "SentAt" < {cutoff}
                ORDER BY "SentAt"
                LIMIT {settings.BatchSize}
                FOR UPDATE SKIP LOCKED)
            """, cancellationToken);
    }

    private Task<int> DeleteProcessedAsync(TContext context, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        if (context.Database.IsSqlite())
        {
            return context.Database.ExecuteSqlAsync($"""
                DELETE FROM "processed_messages" WHERE rowid IN (
                    SELECT rowid FROM "processed_messages"
                    WHERE julianday("ProcessedAt") < julianday({cutoff})
                    LIMIT {settings.BatchSize})
                """, cancellationToken);
        }

        RequirePostgres(context);
        return context.Database.ExecuteSqlAsync($"""
            DELETE FROM "processed_messages" WHERE ("MessageId", "Consumer") IN (
                SELECT "MessageId", "Consumer" FROM "processed_messages"
                WHERE "ProcessedAt" < {cutoff}
                LIMIT {settings.BatchSize}
                FOR UPDATE SKIP LOCKED)
            """, cancellationToken);
    }

    private static void RequirePostgres(TContext context)
    {
        if (!context.Database.IsNpgsql())
        {
            throw new NotSupportedException($"Delivery retention supports SQLite and PostgreSQL, not {context.Database.ProviderName}.");
        }
    }
}
