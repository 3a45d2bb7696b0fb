using Microsoft.Extensions.Logging;
using ProjectHub.Domain;
using ProjectHub.Registry.Persistence;

namespace ProjectHub.Registry.Lights;

/// <summary>
/// Runs <see cref="LightSweep"/> every day at 00:30 Asia/Shanghai, just after the date changed, so the board of
/// the morning already shows projects that went stale overnight. Waits on the injected clock. Every replica wakes,
/// but only the one that claims the day in <see cref="SweepRuns"/> sweeps: once per day across replicas.
/// </summary>
public sealed partial class DailyLightSweep(
    IServiceScopeFactory scopes, TimeProvider time, ILogger<DailyLightSweep> logger) : BackgroundService
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Daily light sweep of {Day} is another replica's")]
    private static partial void OtherReplicas(ILogger logger, DateOnly day);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily light sweep of {Day}: {Evaluated} projects, {Changed} changed colour")]
    private static partial void Swept(ILogger logger, DateOnly day, int evaluated, int changed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily light sweep of {Day} failed")]
    private static partial void SweepFailed(ILogger logger, Exception exception, DateOnly day);

    public static readonly TimeOnly RunAt = new(0, 30);

    /// <summary>Names this replica in the claim row, for operators reading it.</summary>
    private readonly string _replica = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The next 00:30 Shanghai strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now)
    {
        var local = now.ToOffset(ShanghaiTime.Offset);
        var today = new DateTimeOffset(DateOnly.FromDateTime(local.DateTime).ToDateTime(RunAt), ShanghaiTime.Offset);
        return today > now ? today : today.AddDays(1);
    }

    /// <summary>
    /// Sweeps for <paramref name="day"/> (a Shanghai date) if this replica wins the day's claim; null when another
    /// replica has it.
    /// </summary>
    public async Task<SweepResult?> RunIfClaimedAsync(DateOnly day, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        if (!await SweepRuns.TryClaimAsync(db, day, _replica, time.GetUtcNow(), ct))
        {
            OtherReplicas(logger, day);
            return null;
        }

        var result = await scope.ServiceProvider.GetRequiredService<LightSweep>().RunAsync(ct);
        await SweepRuns.FinishAsync(db, day, _replica, time.GetUtcNow(), ct);
        await LightCountSampler.RecountAsync(db, ct);
        Swept(logger, day, result.Evaluated, result.Changed);
        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = NextRun(time.GetUtcNow());
            var day = DateOnly.FromDateTime(next.ToOffset(ShanghaiTime.Offset).DateTime);
            await WaitUntilAsync(next, stoppingToken);
            if (await TryRunAsync(day, stoppingToken) is null)
            {
                // Lost the claim: look once more after the lease, and take the day over if its winner died mid-sweep.
                await WaitUntilAsync(next + SweepRuns.Lease + TimeSpan.FromMinutes(1), stoppingToken);
                await TryRunAsync(day, stoppingToken);
            }
        }
    }

    private async Task<SweepResult?> TryRunAsync(DateOnly day, CancellationToken stoppingToken)
    {
        try
        {
            return await RunIfClaimedAsync(day, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Tomorrow's sweep (or an on-demand EvaluateLights) catches up; the service keeps serving.
            SweepFailed(logger, ex, day);
            return null;
        }
    }

    private async Task WaitUntilAsync(DateTimeOffset at, CancellationToken stoppingToken)
    {
        var wait = at - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, stoppingToken);
        }
    }
}
