using Microsoft.Extensions.Time.Testing;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProjectHub.Bench.Report;
using ProjectHub.Bench.Services;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Registry.Persistence;
using ProjectHub.Testing;

namespace ProjectHub.Bench.Retention;

/// <summary>
/// Figure 7: the registry's delivery tables under a steady event load with retention on, over simulated days. The
/// registry's real schema (its migrations) on SQLite and PostgreSQL, its real <see cref="DeliveryRetention{TContext}"/>
/// as AddOutboxRelay registers it, and a simulated clock: every simulated ten minutes (the default interval) a batch
/// of events is written to the outbox and marked sent, as many inbox rows are recorded, and one retention pass runs.
/// The window is one day (the least allowed) so the plateau comes within the run; a longer window only moves it up.
/// </summary>
public static class RetentionBenchmark
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Window = TimeSpan.FromDays(1);

    public static async Task<Section> RunAsync(BenchOptions options, SharedInfra infra)
    {
        var days = options.Quick ? 3 : 5;
        var perInterval = options.Quick ? 50 : 100;
        var section = new Section("retention",
            "7. Delivery tables under steady load with retention (registry schema, simulated days, window 1 day)",
            "database", "simulated day", "outbox rows", "inbox rows", "size MiB", "pass ms p50 / max", "rows removed per pass", "vacuums", "flat");
        await MeasureAsync(section, RegistryDatabase.Sqlite(), days, perInterval);
        var server = await infra.PostgresAsync();
        if (server.Unavailable is { } why)
        {
            section.Add("PostgreSQL", "not measured: " + why, "", "", "", "", "", "", "");
        }
        else
        {
            await MeasureAsync(section, RegistryDatabase.Postgres(server), days, perInterval);
        }

        var plateau = (int)(Window / Interval) * perInterval;
        section.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"Load: {perInterval} events per simulated 10 minutes ({perInterval * 144:N0} a day, more than a city's list produces), each an outbox row marked sent at once and an inbox row; one pass per 10 minutes as the service runs it (batches of 500). Without retention each table would grow by {perInterval * 144:N0} rows a day; with it, from the second day on each holds one window's rows, {plateau:N0} to {plateau + perInterval:N0}."));
        section.Notes.Add("\"flat\": the day ends with the same row counts as the day before (within one interval's rows) and, from the " +
            "third day on, a size at most 5 % above the day before's. " +
            "Size: SQLite's whole database file (pages freed by the deletes are reused, so the file stops growing; the registry's " +
            "other tables are empty here); PostgreSQL's pg_total_relation_size of the two tables with their indexes. PostgreSQL " +
            "reuses the space of deleted rows once VACUUM has reclaimed it, which autovacuum does on real minutes while this run " +
            "compresses a day into seconds: the figure therefore runs a plain VACUUM of a table whenever autovacuum's default " +
            "trigger (dead rows > 50 + 0.2 × live rows) would fire, as its background worker would between two real passes " +
            "(column \"vacuums\"; SQLite needs none).");
        section.Notes.Add("Pass time is one retention pass with the clock 10 minutes on: one batch deleting an interval's worth of " +
            "rows from each table (and, on the inbox, a scan of it: processed_messages has no index on ProcessedAt).");
        return section;
    }

    private static async Task MeasureAsync(Section section, RegistryDatabase database, int days, int perInterval)
    {
        using (database)
        {
            Console.Error.WriteLine($"  retention on {database.Name} …");
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Configuration["Database:Directory"] = database.Directory;
            builder.Configuration["Messaging:Retention:Window"] = Window.ToString("c", CultureInfo.InvariantCulture);
            if (database.ConnectionString is { } connectionString)
            {
                builder.Configuration["Database:Registry:Provider"] = "Postgres";
                builder.Configuration["Database:Registry:ConnectionString"] = connectionString;
            }

            builder.Services.AddSingleton<TimeProvider>(clock);
            builder.AddServiceDatabase<RegistryDbContext, RegistrySqliteDbContext, RegistryPostgresDbContext>("Registry");
            builder.AddOutboxRelay<RegistryDbContext>();
            // Built, never started: the relay and the timed loop stay off, the figure drives the passes itself.
            await using var app = builder.Build();
            await app.Services.InitializeDatabasesAsync();
            var retention = app.Services.GetServices<IHostedService>().OfType<DeliveryRetention<RegistryDbContext>>().Single();

            var postgres = database.ConnectionString is not null;
            var outbox = new Autovacuum("""VACUUM "outbox_messages" """);
            var inbox = new Autovacuum("""VACUUM "processed_messages" """);
            var sequence = 0L;
            (int Outbox, int Inbox, double MiB)? yesterday = null;
            for (var day = 1; day <= days; day++)
            {
                var passMs = new List<double>();
                var removed = new List<int>();
                var vacuums = 0;
                for (var step = 0; step < (int)(TimeSpan.FromDays(1) / Interval); step++)
                {
                    await WriteLoadAsync(app, clock.GetUtcNow(), perInterval, () => ++sequence);
                    clock.Advance(Interval);
                    var pass = Stopwatch.StartNew();
                    var result = await retention.RunOnceAsync(CancellationToken.None);
                    passMs.Add(pass.Elapsed.TotalMilliseconds);
                    removed.Add(result.OutboxRows + result.InboxRows);
                    if (postgres)
                    {
                        vacuums += await outbox.AfterPassAsync(app, perInterval, result.OutboxRows)
                            + await inbox.AfterPassAsync(app, perInterval, result.InboxRows);
                    }
                }

                var counts = await CountAsync(app);
                var mib = await TablesMiBAsync(app);
                passMs.Sort();
                // Rows from the second day on; size from the third (the second is PostgreSQL's first round of vacuums).
                var flat = yesterday is { } y
                    && Math.Abs(counts.Outbox - y.Outbox) <= perInterval && Math.Abs(counts.Inbox - y.Inbox) <= perInterval
                    && (day == 2 || mib <= y.MiB * 1.05);
                section.Add(database.Name, day.ToString(CultureInfo.InvariantCulture),
                    counts.Outbox.ToString("N0", CultureInfo.InvariantCulture), counts.Inbox.ToString("N0", CultureInfo.InvariantCulture),
                    Section.Num(mib, "0.0"), $"{Section.Ms(passMs[passMs.Count / 2])} / {Section.Ms(passMs[^1])}",
                    Section.Num(removed.Average(), "0"), postgres ? vacuums.ToString(CultureInfo.InvariantCulture) : "—", day == 1 ? "— (filling the window)" : flat ? "yes" : "**NO**");
                section.Data.Add(new JsonObject
                {
                    ["database"] = database.Name,
                    ["day"] = day,
                    ["outbox_rows"] = counts.Outbox,
                    ["inbox_rows"] = counts.Inbox,
                    ["tables_mib"] = mib,
                    ["pass_ms_p50"] = passMs[passMs.Count / 2],
                    ["pass_ms_max"] = passMs[^1],
                    ["removed_per_pass"] = removed.Average(),
                    ["vacuums"] = vacuums,
                    ["events_per_interval"] = perInterval,
                });
                yesterday = (counts.Outbox, counts.Inbox, mib);
            }
        }
    }

    /// <summary>One interval's events: outbox rows already sent (the relay keeps up) and the consumers' inbox rows.</summary>
    private static async Task WriteLoadAsync(WebApplication app, DateTimeOffset now, int count, Func<long> nextSequence)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            db.Set<OutboxMessage>().Add(new OutboxMessage
            {
                Id = id,
                Sequence = nextSequence(),
                Type = "ProjectHub.Contracts.Registry.ProgressReported",
                Payload = """{"eventId":"00000000-0000-0000-0000-000000000000","projectId":"P-bench","week":"2026-W49","note":"a payload of typical size for a progress report event"}""",
                OccurredAt = now,
                SentAt = now,
                Attempts = 1,
            });
            db.Set<ProcessedMessage>().Add(new ProcessedMessage { MessageId = id, Consumer = "registry.ApprovalsCompleted", ProcessedAt = now });
        }

        await db.SaveChangesAsync();
    }

    private static async Task<(int Outbox, int Inbox)> CountAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return (await db.Set<OutboxMessage>().CountAsync(), await db.Set<ProcessedMessage>().CountAsync());
    }

    /// <summary>
    /// Stands in for PostgreSQL's autovacuum worker on one table: a plain VACUUM when its default trigger would fire
    /// (autovacuum_vacuum_threshold 50 + autovacuum_vacuum_scale_factor 0.2 × live rows).
    /// </summary>
    private sealed class Autovacuum(string vacuumSql)
    {
        private long _live;
        private long _dead;

        public async Task<int> AfterPassAsync(WebApplication app, int inserted, int deleted)
        {
            _live += inserted - deleted;
            _dead += deleted;
            if (_dead <= 50 + (0.2 * _live))
            {
                return 0;
            }

            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            await db.Database.ExecuteSqlRawAsync(vacuumSql);
            _dead = 0;
            return 1;
        }
    }

    /// <summary>SQLite: the whole database file; PostgreSQL: both tables with their indexes and TOAST.</summary>
    private static async Task<double> TablesMiBAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var bytes = db.Database.IsNpgsql()
            ? await db.Database.SqlQuery<long>(
                $"""SELECT pg_total_relation_size('outbox_messages') + pg_total_relation_size('processed_messages') AS "Value" """).SingleAsync()
            : await db.Database.SqlQuery<long>($"""SELECT page_count AS "Value" FROM pragma_page_count()""").SingleAsync()
              * await db.Database.SqlQuery<long>($"""SELECT page_size AS "Value" FROM pragma_page_size()""").SingleAsync();
        return bytes / 1048576.0;
    }
}
