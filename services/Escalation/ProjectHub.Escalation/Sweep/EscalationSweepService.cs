namespace ProjectHub.Escalation.Sweep;

/// <summary>
/// Runs <see cref="EscalationSweep"/> on start (catching up after downtime) and then every
/// "Escalation:Sweep:IntervalSeconds" (60) on the injected clock. "Escalation:Sweep:Enabled" = false turns it off
/// (tests drive the sweep by hand).
/// </summary>
public sealed class EscalationSweepService(
    EscalationSweep sweep, TimeProvider time, IConfiguration configuration, ILogger<EscalationSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Escalation:Sweep:Enabled", true))
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(configuration.GetValue("Escalation:Sweep:IntervalSeconds", 60));
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                var changed = await sweep.RunOnceAsync(stoppingToken);
                if (changed > 0)
                {
                    logger.LogInformation("Escalation sweep changed {Count} problems", changed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed pass is retried by the next tick; the sweep is idempotent.
                logger.LogError(ex, "Escalation sweep failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
