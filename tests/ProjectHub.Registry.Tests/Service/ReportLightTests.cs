using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Lights;
using ProjectHub.Registry.Persistence;
using ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Tests.Service;

/// <summary>
/// A submission evaluates the light in memory, before its one save; these check that the result is exactly what
/// re-evaluating from the stored rows gives, across new periods, replacements and a suspended run.
/// </summary>
public sealed class ReportLightTests(RegistryHost host) : IClassFixture<RegistryHost>
{
    [Fact]
    public async Task The_light_a_submission_stores_is_the_one_the_stored_reports_give()
    {
        var client = host.Client;
        var project = await client.RegisterProjectAsync(Projects.Register(Projects.Fields("报告灯一致测试项目")));
        var steps = new[]
        {
            Projects.Report(project.Id, "40", state: ConstructionState.Suspended, monday: "2026-02-23"),
            Projects.Report(project.Id, "40", state: ConstructionState.Suspended),
            Projects.Report(project.Id, "41", monday: "2026-02-23", narrative: "更正：上周未停工"),
            Projects.Report(project.Id, "42", narrative: "更正：实测进度"),
            Projects.Report(project.Id, "48", narrative: "再次更正"),
        };

        var outcomes = new List<SubmissionOutcome>();
        foreach (var step in steps)
        {
            var response = await client.SubmitProgressReportAsync(step, RegistryHost.AsOwner());
            outcomes.Add(response.Outcome);
            var (stored, again) = await ReevaluateAsync(project.Id);
            Assert.False(again.ShouldRecord, $"after {step.Report.PeriodStart} {step.Report.CumulativePercent.Value}: the stored light differs from the stored reports'");
            Assert.Equal(stored.Light, response.Light.Light.ToString(), StringComparer.OrdinalIgnoreCase);
        }

        Assert.Equal(
            [SubmissionOutcome.New, SubmissionOutcome.New, SubmissionOutcome.Replaced, SubmissionOutcome.Replaced, SubmissionOutcome.Replaced],
            outcomes);
        var all = await client.ListProgressReportsAsync(new ListProgressReportsRequest { ProjectId = project.Id, IncludeHistory = true });
        Assert.Equal(5, all.Reports.Count);
        Assert.Equal(2, all.Reports.Count(r => r.Current));
    }

    /// <summary>The project as stored, and what evaluating it again from the database would change (nothing is saved).</summary>
    private async Task<(ProjectRow Stored, LightChange Again)> ReevaluateAsync(string projectId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var engine = scope.ServiceProvider.GetRequiredService<LightEngine>();
        var row = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId);
        var snapshot = new ProjectRow { Light = row.Light, ActualPercent = row.ActualPercent, PlannedPercent = row.PlannedPercent };
        var again = await engine.EvaluateAsync(db, row, CancellationToken.None);
        Assert.Equal(snapshot.ActualPercent, row.ActualPercent);
        Assert.Equal(snapshot.PlannedPercent, row.PlannedPercent);
        return (snapshot, again);
    }
}
