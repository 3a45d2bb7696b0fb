using Microsoft.Extensions.Logging;

namespace ProjectHub.Approval.Overdue;

/// <summary>
/// Runs the overdue sweep on start and then every "Approval:Overdue:SweepInterval" (default one hour), timed by the
/// injected TimeProvider. A failed sweep is logged and retried at the next interval.
/// </summary>
public sealed partial class OverdueSweepService(
    OverdueSweep sweep, TimeProvider time, IConfiguration configuration, ILogger<OverdueSweepService> logger) : BackgroundService
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Approval overdue sweep failed; retrying in {Interval}")]
    private static partial void SweepFailed(ILogger logger, Exception exception, TimeSpan interval);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue<TimeSpan?>("Approval:Overdue:SweepInterval") ?? TimeSpan.FromHours(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sweep.RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                SweepFailed(logger, ex, interval);
            }

            await Task.Delay(interval, time, stoppingToken);
        }
    }
}
