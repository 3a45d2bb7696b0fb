using Microsoft.EntityFrameworkCore;
using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Persistence;

namespace ProjectHub.Registry.Lights;

/// <summary>Result of re-evaluating every project.</summary>
public sealed record SweepResult(int Evaluated, int Changed, LightCounts Lights);

/// <summary>
/// Re-evaluates every project that is not exited: time passing alone makes projects stale (no report, start
/// passed, milestone overdue). One transaction per project, so one bad row does not hold back the rest and a
/// long sweep does not lock the database.
/// </summary>
public sealed class LightSweep(RegistryDbContext db, LightEngine engine)
{
    public async Task<SweepResult> RunAsync(CancellationToken ct)
    {
        var ids = await db.Projects.AsNoTracking().Select(p => p.Id).ToListAsync(ct);
        int changed = 0;
        var counts = new LightCounts();
        foreach (var id in ids)
        {
            var row = await db.Projects.FirstAsync(p => p.Id == id, ct);
            var change = await engine.EvaluateAsync(db, row, ct);
            await db.SaveChangesAsync(ct);
            changed += change.ShouldPublish ? 1 : 0;
            counts = counts.Add(Enum.Parse<Light>(row.Light));
        }

        return new SweepResult(ids.Count, changed, counts);
    }
}
