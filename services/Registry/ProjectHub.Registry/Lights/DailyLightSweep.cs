using ProjectHub.Registry.Common;

namespace ProjectHub.Registry.Lights;

/// <summary>
/// Runs <see cref="LightSweep"/> every day at 00:30 Asia/Shanghai, just after the date changed, so the board of
/// the morning already shows projects that went stale overnight. Waits on the injected clock.
/// </summary>
public sealed class DailyLightSweep(IServiceScopeFactory scopes, TimeProvider time, ILogger<DailyLightSweep> logger) : BackgroundService
{
    public static readonly TimeOnly RunAt = new(0, 30);

    /// <summary>The next 00:30 Shanghai strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now)
    {
        var local = now.ToOffset(ShanghaiTime.Offset);
        var today = new DateTimeOffset(DateOnly.FromDateTime(local.DateTime).ToDateTime(RunAt), ShanghaiTime.Offset);
        return today > now ? today : today.AddDays(1);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            await Task.Delay(NextRun(now) - now, time, stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<LightSweep>().RunAsync(stoppingToken);
                logger.LogInformation("Daily light sweep: {Evaluated} projects, {Changed} changed colour", result.Evaluated, result.Changed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Tomorrow's sweep (or an on-demand EvaluateLights) catches up; the service keeps serving.
                logger.LogError(ex, "Daily light sweep failed");
            }
        }
    }
}
