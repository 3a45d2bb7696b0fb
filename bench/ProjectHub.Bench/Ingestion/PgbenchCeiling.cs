using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using ProjectHub.Testing;

namespace ProjectHub.Bench.Ingestion;

/// <summary>
/// The ceiling figure 2 is compared with on PostgreSQL: Debian's pgbench running, at the same concurrency against the
/// same database, a custom script of exactly the writes one report needs — the report row, the audit row, the
/// project's light update and the ProgressReported outbox row (its payload copied from a row the registry wrote), one
/// transaction — with none of the service's work (no reads, no validation, no gRPC, no EF Core). So ours ÷ pgbench is
/// how close the service comes to what this machine's PostgreSQL can do for the same data.
/// </summary>
public static partial class PgbenchCeiling
{
    public const string Pgbench = "/usr/lib/postgresql/15/bin/pgbench";

    /// <summary>Writes the script for the projects seeded as "bench-ingest-NNNNNN" and returns its path.</summary>
    public static async Task<string> WriteScriptAsync(string connectionString, int projects, string directory)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var sequence = new NpgsqlCommand("CREATE SEQUENCE IF NOT EXISTS pgbench_ceiling", connection))
        {
            await sequence.ExecuteNonQueryAsync();
        }

        await using var read = new NpgsqlCommand(
            "SELECT \"Payload\" FROM outbox_messages WHERE \"Type\" LIKE '%.ProgressReported' ORDER BY \"Sequence\" DESC LIMIT 1", connection);
        var payload = await read.ExecuteScalarAsync() as string
            ?? throw new InvalidOperationException("no ProgressReported row to copy: run the registry's load first");

        var project = "('bench-ingest-' || lpad(:p::text, 6, '0'))";
        var script = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"\\set p random(0, {projects - 1})")
            .AppendLine("BEGIN;")
            // A version from a sequence: the (project, week, version) index is unique, as in the service.
            .AppendLine(CultureInfo.InvariantCulture, $"""INSERT INTO progress_reports ("Id", "ProjectId", "PeriodStart", "PeriodEnd", "PeriodName", "Version", "IsCurrent", "CumulativePercent", "PeriodInvestment", "CumulativeInvestment", "Workers", "State", "ReachedMilestonesJson", "Narrative", "ProblemsJson", "SubmittedAtMs", "SubmittedOn", "SubmittedBy") VALUES (gen_random_uuid(), {project}, DATE '2031-01-06', DATE '2031-01-12', '2031-W02', nextval('pgbench_ceiling')::int, false, 42.5, 120, 1800, 150, 'Normal', '[]', '主体施工', '[]', 0, CURRENT_DATE, 'pgbench');""")
            .AppendLine(CultureInfo.InvariantCulture, $"""INSERT INTO audit_records ("Id", "ProjectId", "AtMs", "Sequence", "Actor", "Action", "Reason", "ChangesJson") VALUES (gen_random_uuid(), {project}, 0, nextval('pgbench_ceiling'), 'pgbench', 'REPORT_SUBMITTED', '', '["report 2031-W02 version 1: 42.5 % cumulative, Normal"]');""")
            .AppendLine(CultureInfo.InvariantCulture, $"""UPDATE projects SET "PlannedPercent" = 42.5, "ActualPercent" = 42.5, "LightEvaluatedAtMs" = 0 WHERE "Id" = {project};""")
            .AppendLine(CultureInfo.InvariantCulture, $"""INSERT INTO outbox_messages ("Id", "Sequence", "Type", "Payload", "OccurredAt", "Attempts") VALUES (gen_random_uuid(), nextval('pgbench_ceiling'), 'ProjectHub.Contracts.Registry.ProgressReported', '{payload.Replace("'", "''", StringComparison.Ordinal)}', now(), 0);""")
            .AppendLine("END;");
        var path = Path.Combine(directory, "report-writes.pgbench.sql");
        await File.WriteAllTextAsync(path, script.ToString());
        return path;
    }

    /// <summary>Transactions per second of the script with <paramref name="clients"/> connections, or why not.</summary>
    public static async Task<(double Tps, string? Error)> RunAsync(string connectionString, string script, int clients, TimeSpan duration)
    {
        if (!File.Exists(Pgbench))
        {
            return (double.NaN, $"{Pgbench} not found: install the Debian package postgresql");
        }

        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Pgbench)
        {
            ArgumentList =
            {
                "--no-vacuum", "--protocol", "prepared", "--client", clients.ToString(CultureInfo.InvariantCulture),
                "--jobs", Math.Min(clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
                "--time", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), "--file", script,
                "--host", c.Host!, "--port", c.Port.ToString(CultureInfo.InvariantCulture), "--username", c.Username!, c.Database!,
            },
        };
        start.Environment["PGPASSWORD"] = c.Password ?? "";
        var result = await ChildProcess.RunAsync(start, duration + TimeSpan.FromSeconds(60));
        var tps = TpsLine().Match(result.Stdout);
        return result.ExitCode == 0 && tps.Success
            ? (double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture), null)
            : (double.NaN, $"pgbench exited {result.ExitCode}: {result.Stderr.Trim()} {result.Stdout.Trim()}");
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();
}
