using Microsoft.EntityFrameworkCore;
using ProjectHub.Hosting.Observability;
using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Persistence;

namespace ProjectHub.Registry.Lights;

/// <summary>
/// Feeds the "projecthub.lights" gauge: projects per colour (red, yellow, green, and none for stages without a
/// light), recounted every 15 s while the gauge is collected and right after each daily sweep. Light changes by
/// reports reach the gauge at the next recount.
/// </summary>
public sealed class LightCountSampler(IServiceScopeFactory scopes, TimeProvider time, ILogger<LightCountSampler> logger)
    : GaugeSampler(scopes, time, logger)
{
    protected override bool Observed => ProjectHubMetrics.LightsObserved;

    protected override Task SampleAsync(IServiceProvider scoped, CancellationToken cancellationToken) =>
        RecountAsync(scoped.GetRequiredService<RegistryDbContext>(), cancellationToken);

    /// <summary>Counts the projects per colour and hands the counts to the gauge.</summary>
    public static async Task RecountAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        var counted = await db.Projects.AsNoTracking()
            .GroupBy(p => p.Light)
            .Select(g => new { Light = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        // Every colour is reported, 0 included, so a dashboard sees "no red" rather than a missing series.
        var counts = Enum.GetValues<Light>().ToDictionary(l => l.ToString().ToLowerInvariant(), _ => 0L, StringComparer.Ordinal);
        foreach (var row in counted)
        {
            counts[row.Light.ToLowerInvariant()] = counts.GetValueOrDefault(row.Light.ToLowerInvariant()) + row.Count;
        }

        ProjectHubMetrics.SetLightCounts(counts);
    }
}
