using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectHub.Contracts.Registry;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Hosting.Projects;
using static ProjectHub.Escalation.Tests.Service.EscalationHost;

namespace ProjectHub.Escalation.Tests.Service;

/// <summary>
/// Two consumers (project routing, light changes) meeting a new project at once both upsert its routing copy: neither
/// may fail on the primary key (that was a retry with a stack trace in the log each time), and the newer event wins.
/// </summary>
public sealed class ProjectRouteRaceTests
{
    [Fact]
    public async Task Two_units_of_work_adding_the_same_new_project_both_commit_and_the_newer_event_wins()
    {
        await using var host = await StartAsync();
        var older = new ProjectRouting("p-race", "旧名称", "owner-1", "unit-1", "dept-1", "leader-1", "区");
        var newer = older with { ProjectName = "新名称" };
        await using var first = host.Services.CreateAsyncScope();
        await using var second = host.Services.CreateAsyncScope();
        var a = first.ServiceProvider.GetRequiredService<EscalationDbContext>();
        var b = second.ServiceProvider.GetRequiredService<EscalationDbContext>();

        // Both read "no row yet" before either commits: the interleaving of the race.
        await a.UpsertRouteAsync(newer, Shanghai(2026, 3, 2, 9, 1), CancellationToken.None);
        await b.UpsertRouteAsync(older, Shanghai(2026, 3, 2, 9, 0), CancellationToken.None);
        await a.SaveChangesAsync();
        await b.SaveChangesAsync();

        var route = await host.WithDbAsync(db => db.ProjectRoutes.AsNoTracking().SingleAsync(r => r.ProjectId == "p-race"));
        Assert.Equal("新名称", route.ProjectName);
    }
}
