using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using ProjectHub.Registry.V1;
using ProjectHub.Testing;
using ProjectHub.Testing.Scenarios;

namespace ProjectHub.Upgrade.Tests;

/// <summary>A report whose SubmitProgressReport call returned OK; times are <see cref="Stopwatch.GetTimestamp()"/>.</summary>
public sealed record Acknowledged(string ProjectId, string PeriodStart, long CalledAt, long ReturnedAt);

/// <summary>
/// A stream of progress reports into a running registry: each writer owns some projects and submits one new week
/// per project after another (each a real insert), recording every call that returned OK and when it returned.
/// </summary>
public sealed class ReportStream
{
    private readonly ConcurrentQueue<Acknowledged> _acknowledged = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private volatile bool _stopping;
    private readonly Task[] _writers;

    private ReportStream(GrpcChannel channel, IReadOnlyList<string> projects, int writers)
    {
        var client = new ProjectRegistry.ProjectRegistryClient(channel.Calling(TestTokens.Admin));
        _writers = Enumerable.Range(0, writers)
            .Select(w => Task.Run(() => WriteAsync(client, projects.Where((_, i) => i % writers == w).ToList())))
            .ToArray();
    }

    public int AcknowledgedCount => _acknowledged.Count;

    public static ReportStream Start(GrpcChannel channel, IReadOnlyList<string> projects, int writers = 2) => new(channel, projects, writers);

    /// <summary>Waits until at least <paramref name="count"/> calls returned OK.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (_acknowledged.Count < count)
        {
            if (_writers.All(w => w.IsCompleted) || Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException(
                    $"The report stream reached {_acknowledged.Count} of {count} acknowledged reports; failures: {string.Join(" | ", _failures.Take(5))}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Stops between calls (no call is cancelled) and returns what was acknowledged, and every failed call.</summary>
    public async Task<(IReadOnlyList<Acknowledged> Acknowledged, IReadOnlyList<string> Failures)> StopAsync()
    {
        _stopping = true;
        await Task.WhenAll(_writers);
        return (_acknowledged.ToList(), _failures.ToList());
    }

    private async Task WriteAsync(ProjectRegistry.ProjectRegistryClient client, IReadOnlyList<string> projects)
    {
        // Last week backwards (the project started long ago), so no period has not begun whatever the hour.
        for (var week = 1; !_stopping; week++)
        {
            var monday = LaggingScenario.Iso(LaggingScenario.ThisMonday.AddDays(-7 * week));
            foreach (var project in projects)
            {
                if (_stopping)
                {
                    return;
                }

                var report = LaggingScenario.Report(project, $"第{week}周");
                report.PeriodStart = monday;
                report.PeriodEnd = LaggingScenario.Iso(DateOnly.ParseExact(monday, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(6));
                var called = Stopwatch.GetTimestamp();
                try
                {
                    var response = await client.SubmitProgressReportAsync(
                        new SubmitProgressReportRequest { Report = report }, deadline: DateTime.UtcNow.AddSeconds(30));
                    var returned = Stopwatch.GetTimestamp();
                    if (response.Outcome == SubmissionOutcome.New)
                    {
                        _acknowledged.Enqueue(new Acknowledged(project, monday, called, returned));
                    }
                    else
                    {
                        _failures.Enqueue($"{project} {monday}: outcome {response.Outcome}, expected NEW");
                    }
                }
                catch (RpcException e)
                {
                    _failures.Enqueue($"{project} {monday}: {e.StatusCode} {e.Status.Detail}");
                }
            }
        }
    }
}

/// <summary>The registry side of the backup tests: the projects before the stream, and what a restored registry must hold.</summary>
public static class BackupDrill
{
    public const int Projects = 8;

    /// <summary>Registers <see cref="Projects"/> projects (as DRC) whose plan started years ago: hundreds of weeks to report each.</summary>
    public static async Task<IReadOnlyList<string>> RegisterProjectsAsync(GrpcChannel channel)
    {
        var client = new ProjectRegistry.ProjectRegistryClient(channel.Calling(TestTokens.Drc));
        var ids = new List<string>();
        for (var i = 1; i <= Projects; i++)
        {
            var fields = LaggingScenario.Project($"备份演练项目{i}");
            fields.PlannedStart = LaggingScenario.Iso(LaggingScenario.Today.AddDays(-2500));
            ids.Add((await client.RegisterProjectAsync(LaggingScenario.Registration(fields))).Id);
        }

        return ids;
    }

    /// <summary>
    /// The restored database read directly, before any service opens it: no report without its project, and every
    /// report with the event it committed in the same transaction (the outbox row of ProgressReported).
    /// </summary>
    public static async Task AssertConsistentAsync(DbConnection connection)
    {
        Assert.Equal(0L, await ScalarAsync(connection,
            """SELECT COUNT(*) FROM progress_reports r WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p."Id" = r."ProjectId")"""));
        var reports = await ScalarAsync(connection, "SELECT COUNT(*) FROM progress_reports");
        var events = await ScalarAsync(connection,
            """SELECT COUNT(*) FROM outbox_messages WHERE "Type" = 'ProjectHub.Contracts.Registry.ProgressReported'""");
        Assert.True(reports == events, $"The restored database has {reports} reports but {events} ProgressReported outbox rows.");
    }

    /// <summary>
    /// Through gRPC on a registry started on the restored database: every project is there, every report whose call
    /// returned OK before <paramref name="backupStarted"/> is there, nothing was invented, and each project's audit
    /// trail has one REPORT_SUBMITTED record per report (written in the same transaction).
    /// </summary>
    /// <returns>How many reports the restored database holds.</returns>
    public static async Task<int> AssertRestoredAsync(
        GrpcChannel restored, IReadOnlyList<string> projects, IReadOnlyList<Acknowledged> acknowledged, long backupStarted)
    {
        var client = new ProjectRegistry.ProjectRegistryClient(restored.Calling(TestTokens.Admin));
        var found = new HashSet<(string, string)>();
        foreach (var id in projects)
        {
            var project = await client.GetProjectAsync(new GetProjectRequest { ProjectId = id });
            Assert.Equal(id, project.Id);
            var reports = await client.ListProgressReportsAsync(new ListProgressReportsRequest { ProjectId = id, IncludeHistory = true });
            foreach (var report in reports.Reports)
            {
                Assert.Equal(1, report.Version);
                Assert.True(found.Add((id, report.PeriodStart)), $"Report {id} {report.PeriodStart} is there twice.");
            }

            var history = await client.GetProjectHistoryAsync(new GetProjectHistoryRequest { ProjectId = id });
            var submitted = history.Records.Count(r => r.Action == "REPORT_SUBMITTED");
            Assert.True(submitted == reports.Reports.Count,
                $"Project {id} has {reports.Reports.Count} reports but {submitted} REPORT_SUBMITTED audit records.");
        }

        var before = acknowledged.Where(a => a.ReturnedAt < backupStarted).ToList();
        var missing = before.Where(a => !found.Contains((a.ProjectId, a.PeriodStart))).ToList();
        Assert.True(missing.Count == 0,
            $"{missing.Count} of the {before.Count} reports acknowledged before the backup started are missing after the restore, e.g. " +
            string.Join(", ", missing.Take(5).Select(m => $"{m.ProjectId} {m.PeriodStart}")));

        var submittedAtAll = acknowledged.Select(a => (a.ProjectId, a.PeriodStart)).ToHashSet();
        var invented = found.Where(f => !submittedAtAll.Contains(f)).ToList();
        Assert.True(invented.Count == 0, $"The restore holds {invented.Count} reports nobody submitted, e.g. {string.Join(", ", invented.Take(5))}");
        return found.Count;
    }

    /// <summary>Writes what the drill did, and fails unless a submission was in flight while the backup ran.</summary>
    public static void Report(Xunit.Abstractions.ITestOutputHelper output, IReadOnlyList<Acknowledged> acknowledged, long backupStarted, long backupEnded, int held)
    {
        var inFlight = BackupDrill.InFlightDuring(acknowledged, backupStarted, backupEnded);
        output.WriteLine(
            $"{acknowledged.Count} reports acknowledged, {acknowledged.Count(a => a.ReturnedAt < backupStarted)} before the backup started, " +
            $"{inFlight} in flight during its {Stopwatch.GetElapsedTime(backupStarted, backupEnded).TotalMilliseconds:F0} ms; the restore holds {held}");
        Assert.True(inFlight > 0, "No submission was in flight while the backup ran: the test did not back up under writes.");
    }

    /// <summary>A call that was in flight while the backup ran (the backup really was taken under writes).</summary>
    public static int InFlightDuring(IReadOnlyList<Acknowledged> acknowledged, long backupStarted, long backupEnded) =>
        acknowledged.Count(a => a.CalledAt < backupEnded && a.ReturnedAt > backupStarted);

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
