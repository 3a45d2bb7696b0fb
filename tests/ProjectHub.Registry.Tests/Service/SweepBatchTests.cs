using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Registry.Lights;
using ProjectHub.Registry.Persistence;
using ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Tests.Service;

/// <summary>
/// The sweep walks the projects in batches (<see cref="LightSweep.BatchSize"/>): every project is evaluated once,
/// only moved assessments are rewritten, and each colour change brings its history row and its event.
/// </summary>
public sealed class SweepBatchTests(RegistryHost host) : IClassFixture<RegistryHost>
{
    private const int Clones = (2 * LightSweep.BatchSize) + 5;

    [Fact]
    public async Task Sweep_over_several_batches_evaluates_each_project_once_and_publishes_every_change()
    {
        var client = host.Client;
        var project = await client.RegisterProjectAsync(Projects.Register(Projects.Fields("批量清扫模板")));
        var first = await client.SubmitProgressReportAsync(Projects.Report(project.Id, "48"), RegistryHost.AsOwner());
        Assert.Equal(Light.Green, first.Light.Light);
        var staleRed = await SeedClonesAsync(project.Id);
        var eventsBefore = await LightEventsAsync();

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var sameDay = await client.EvaluateLightsAsync(new EvaluateLightsRequest());

        Assert.Equal(staleRed, sameDay.Changed);
        Assert.Equal(Clones + 1, sameDay.Lights.Green);
        Assert.Equal(eventsBefore + staleRed, await LightEventsAsync());
        var nowMs = host.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var rows = await host.InDatabase(db => db.Projects.AsNoTracking().ToListAsync());
        Assert.Equal(Clones + 1, rows.Count);
        Assert.All(rows, p =>
        {
            Assert.Equal("Green", p.Light);
            Assert.Null(p.RedSince);
            Assert.Equal(nowMs, p.LightEvaluatedAtMs);
        });
        var histories = await host.InDatabase(db => db.LightHistory.AsNoTracking().Where(h => h.From == "Red").ToListAsync());
        Assert.Equal(staleRed, histories.Count);
        Assert.All(histories, h => Assert.Equal("Green", h.To));

        // Eight silent days later every project turns yellow: each change published, across every batch.
        host.Clock.Advance(TimeSpan.FromDays(8));
        var silent = await client.EvaluateLightsAsync(new EvaluateLightsRequest());
        Assert.Equal(Clones + 1, silent.Changed);
        Assert.Equal(Clones + 1, silent.Lights.Yellow);
        Assert.Equal(eventsBefore + staleRed + Clones + 1, await LightEventsAsync());
        var yellow = await client.GetLightAsync(new GetLightRequest { ProjectId = "sweep-clone-01999" });
        Assert.Equal(Light.Yellow, yellow.Light);
        Assert.Contains(yellow.Reasons, r => r.Code == "NO_REPORT_YELLOW");
    }

    /// <summary>Copies of the template with its report; every third one stored as a stale red. Returns how many are stale.</summary>
    private Task<int> SeedClonesAsync(string templateId) => host.InDatabase(async db =>
    {
        var template = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == templateId);
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.ProjectId == templateId);
        var stale = 0;
        for (var i = 0; i < Clones; i++)
        {
            var copy = Copy(template);
            copy.Id = $"sweep-clone-{i:D5}";
            if (i % 3 == 0)
            {
                copy.Light = "Red";
                copy.LightReasonsJson = "[]";
                copy.RedSince = new DateOnly(2026, 2, 1);
                stale++;
            }

            db.Projects.Add(copy);
            var copiedReport = Copy(report);
            copiedReport.Id = Guid.NewGuid();
            copiedReport.ProjectId = copy.Id;
            db.Reports.Add(copiedReport);
        }

        await db.SaveChangesAsync();
        return stale;
    });

    private Task<int> LightEventsAsync() =>
        host.InDatabase(db => db.Set<ProjectHub.Hosting.Messaging.OutboxMessage>().AsNoTracking()
            .CountAsync(m => m.Type.EndsWith(".ProjectLightChanged")));

    private static T Copy<T>(T row) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(row))!;
}
