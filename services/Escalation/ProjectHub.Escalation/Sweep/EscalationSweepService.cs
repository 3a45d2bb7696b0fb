using Microsoft.Extensions.Logging;

namespace ProjectHub.Escalation.Sweep;

/// <summary>
/// Runs <see cref="EscalationSweep"/> on start (catching up after downtime) and then every
/// "Escalation:Sweep:IntervalSeconds" (60) on the injected clock. "Escalation:Sweep:Enabled" = false turns it off
/// (tests drive the sweep by hand).
/// </summary>
public sealed partial class EscalationSweepService(
    EscalationSweep sweep, TimeProvider time, IConfiguration configuration, ILogger<EscalationSweepService> logger) : BackgroundService
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation sweep changed {Count} problems")]
    private static partial void SweepChanged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Escalation sweep failed")]
    private static partial void SweepFailed(ILogger logger, Exception exception);

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
                    SweepChanged(logger, changed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed pass is retried by the next tick; the sweep is idempotent.
                SweepFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
