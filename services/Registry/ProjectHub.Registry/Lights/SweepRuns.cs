using Microsoft.EntityFrameworkCore;
using ProjectHub.Registry.Persistence;

namespace ProjectHub.Registry.Lights;

/// <summary>
/// The claim that makes the daily light sweep run once per day across registry replicas: a row in "sweep_runs"
/// keyed by the Shanghai day. The replica whose insert wins runs the sweep; the others see the key taken. A claim
/// left unfinished for longer than <see cref="Lease"/> (its replica died mid-sweep) may be taken over.
/// Plain SQL that SQLite and PostgreSQL both speak; the table is in the model (SweepRunRow) and its migrations.
/// </summary>
public static class SweepRuns
{
    /// <summary>Far longer than a sweep takes (one short transaction per batch of projects).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromHours(1);

    /// <summary>True when this replica won <paramref name="day"/>'s sweep (a fresh claim, or a stale one taken over).</summary>
    public static async Task<bool> TryClaimAsync(RegistryDbContext db, DateOnly day, string replica, DateTimeOffset now, CancellationToken ct)
    {
        var key = Key(day);
        var nowMs = now.ToUnixTimeMilliseconds();
        // The primary key decides: exactly one insert of the day's row succeeds, whatever the timing.
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO sweep_runs (day, claimed_by, claimed_at_ms) VALUES ({key}, {replica}, {nowMs}) ON CONFLICT (day) DO NOTHING", ct);
        if (inserted == 1)
        {
            return true;
        }

        var staleBefore = (now - Lease).ToUnixTimeMilliseconds();
        var takenOver = await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE sweep_runs SET claimed_by = {replica}, claimed_at_ms = {nowMs} WHERE day = {key} AND finished_at_ms IS NULL AND claimed_at_ms < {staleBefore}", ct);
        return takenOver == 1;
    }

    /// <summary>Marks the day's sweep done, so no other replica ever takes it over.</summary>
    public static Task FinishAsync(RegistryDbContext db, DateOnly day, string replica, DateTimeOffset now, CancellationToken ct)
    {
        var key = Key(day);
        var nowMs = now.ToUnixTimeMilliseconds();
        return db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE sweep_runs SET finished_at_ms = {nowMs} WHERE day = {key} AND claimed_by = {replica}", ct);
    }

    /// <summary>Who claimed <paramref name="day"/>, or null when nobody did.</summary>
    public static async Task<string?> ClaimedByAsync(RegistryDbContext db, DateOnly day, CancellationToken ct)
    {
        var key = Key(day);
        return await db.Database.SqlQuery<string>($"SELECT claimed_by AS \"Value\" FROM sweep_runs WHERE day = {key}").FirstOrDefaultAsync(ct);
    }

    private static string Key(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
