using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ProjectHub.Bench.Ingestion;

/// <summary>
/// Figure 2's ceiling on SQLite: the same four writes as <see cref="PgbenchCeiling"/> (report row, audit row, the
/// project's light update, the outbox row with a payload copied from the registry's), one transaction each, through
/// Microsoft.Data.Sqlite directly with prepared commands on one connection — one writer, as SQLite allows, on the
/// registry's own file (WAL, the service's default synchronous setting). No reads, no validation, no gRPC, no EF Core.
/// </summary>
public static class SqliteCeiling
{
    private static readonly string[] Parameters = ["$id", "$project", "$n", "$payload"];

    /// <summary>Transactions per second over <paramref name="duration"/> on the registry.db in <paramref name="directory"/>.</summary>
    public static async Task<double> RunAsync(string directory, int projects, TimeSpan duration)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "registry.db")};Pooling=False");
        await connection.OpenAsync();
        string payload;
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Payload FROM outbox_messages WHERE Type LIKE '%.ProgressReported' ORDER BY Sequence DESC LIMIT 1";
            payload = await read.ExecuteScalarAsync() as string
                ?? throw new InvalidOperationException("no ProgressReported row to copy: run the registry's load first");
        }

        await using var report = Prepare(connection, """
            INSERT INTO progress_reports (Id, ProjectId, PeriodStart, PeriodEnd, PeriodName, Version, IsCurrent, CumulativePercent,
              PeriodInvestment, CumulativeInvestment, Workers, State, ReachedMilestonesJson, Narrative, ProblemsJson, SubmittedAtMs,
              SubmittedOn, SubmittedBy)
            VALUES ($id, $project, '2031-01-06', '2031-01-12', '2031-W02', $n, 0, '42.5', '120', '1800', 150, 'Normal', '[]', '主体施工',
              '[]', 0, '2031-01-06', 'ceiling')
            """);
        await using var audit = Prepare(connection, """
            INSERT INTO audit_records (Id, ProjectId, AtMs, Sequence, Actor, Action, Reason, ChangesJson)
            VALUES ($id, $project, 0, $n, 'ceiling', 'REPORT_SUBMITTED', '', '["report 2031-W02 version 1: 42.5 % cumulative, Normal"]')
            """);
        await using var light = Prepare(connection,
            "UPDATE projects SET PlannedPercent = '42.5', ActualPercent = '42.5', LightEvaluatedAtMs = 0 WHERE Id = $project");
        await using var outbox = Prepare(connection, """
            INSERT INTO outbox_messages (Id, Sequence, Type, Payload, OccurredAt, Attempts)
            VALUES ($id, $n, 'ProjectHub.Contracts.Registry.ProgressReported', $payload, '2031-01-06 00:00:00+00:00', 0)
            """);
        outbox.Parameters["$payload"].Value = payload;

        var n = 1_000_000_000L; // above any version or sequence the registry's load wrote
        var transactions = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            n++;
            var project = $"bench-ingest-{n % projects:D6}";
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            foreach (var command in new[] { report, audit, light, outbox })
            {
                command.Transaction = transaction;
                if (command.Parameters.Contains("$project"))
                {
                    command.Parameters["$project"].Value = project;
                }

                if (command.Parameters.Contains("$id"))
                {
                    command.Parameters["$id"].Value = Guid.NewGuid().ToString();
                    command.Parameters["$n"].Value = n;
                }

                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
            transactions++;
        }

        return transactions / clock.Elapsed.TotalSeconds;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in Parameters.Where(p => sql.Contains(p, StringComparison.Ordinal)))
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return command;
    }
}
