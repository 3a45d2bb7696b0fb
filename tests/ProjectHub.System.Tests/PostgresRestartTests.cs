using System.Diagnostics;
using ProjectHub.Registry.V1;
using Xunit.Abstractions;

namespace ProjectHub.System.Tests;

/// <summary>
/// PostgreSQL restarts while a client keeps submitting reports to the registry. Every call must end promptly —
/// UNAVAILABLE while the database is away, never a hang — calls succeed again once it is back, and every report the
/// client saw accepted is stored afterwards, with no gap or repeat in its versions.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class PostgresRestartTests(SystemFixture system, ITestOutputHelper output)
{
    // Far above a healthy call (tens of ms) and above Npgsql's connect timeout: a call reaching it hung.
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Restarting_PostgreSQL_under_load_gives_callers_UNAVAILABLE_not_a_hang_and_loses_no_accepted_report()
    {
        var registry = Scenario.RegistryOf(system);
        var project = await Scenario.RegisterAsync(registry, Scenario.LaggingProject("数据库重启测试项目", "pg-unit-" + Guid.NewGuid().ToString("N")[..6]), system);
        var accepted = new List<ProgressReport>();
        var failures = new List<(StatusCode Code, TimeSpan Took, string Detail)>();
        var restarted = new TaskCompletionSource();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));

        var client = Task.Run(async () =>
        {
            var okAfterRestart = 0;
            for (var i = 0; okAfterRestart < 5 && !stop.IsCancellationRequested; i++)
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    var response = await registry.SubmitProgressReportAsync(Scenario.LaggingReport(project.Id, $"第{i}次提交"), Scenario.Within(Scenario.Owner(system), CallDeadline));
                    accepted.Add(response.Report);
                    okAfterRestart += restarted.Task.IsCompleted ? 1 : 0;
                }
                catch (RpcException ex)
                {
                    failures.Add((ex.StatusCode, watch.Elapsed, ex.Status.Detail));
                }

                await Task.Delay(100);
            }
        });

        await Task.Delay(1500);
        await system.Infrastructure.StopPostgresAsync();
        await Task.Delay(3000);
        await system.Infrastructure.StartPostgresAsync();
        restarted.SetResult();
        await client;

        var summary = $"accepted={accepted.Count} failed={failures.Count}: " +
            string.Join(", ", failures.Select(f => $"{f.Code} in {f.Took.TotalMilliseconds:0} ms ({f.Detail})"));
        output.WriteLine(summary);
        Assert.False(stop.IsCancellationRequested, $"calls did not succeed again within 90 s of the restart; {summary}\n{system.Output}");
        Assert.True(failures.Count > 0, $"no call met the outage, so this test proved nothing; {summary}");
        var unclean = failures.Count(f => f.Code != StatusCode.Unavailable || f.Took >= CallDeadline);
        Assert.True(unclean == 0, $"{unclean} calls ended otherwise than UNAVAILABLE within {CallDeadline}; {summary}\n{system.Registry.Output}");

        // Nothing half-written: every accepted version is stored with the content the client sent, versions 1..n once each.
        var stored = (await registry.ListProgressReportsAsync(new ListProgressReportsRequest { ProjectId = project.Id, IncludeHistory = true }, Scenario.Drc(system))).Reports;
        var lost = accepted.Count(a => !stored.Any(s => s.Version == a.Version && s.Narrative == a.Narrative));
        var versions = stored.Select(s => s.Version).Order().ToList();
        output.WriteLine($"lost={lost} stored-versions={versions.Count}");
        Assert.True(lost == 0, $"lost={lost}; {summary}");
        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
        Assert.Single(stored, s => s.Current);
    }
}
