using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ProjectHub.Hosting.Observability;

/// <summary>
/// Recounts something in a service's database for one of the <see cref="ProjectHubMetrics"/> gauges every
/// <see cref="Interval"/> — and not at all while nothing collects that gauge (telemetry off = no queries). A
/// collection itself never queries: it reports the last count handed in.
/// </summary>
public abstract partial class GaugeSampler(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Sampling {Sampler} failed")]
    private static partial void SamplingFailed(ILogger logger, Exception exception, string sampler);

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    /// <summary>Whether an exporter or listener collects the gauge right now.</summary>
    protected abstract bool Observed { get; }

    /// <summary>Counts and hands the result to <see cref="ProjectHubMetrics"/>.</summary>
    protected abstract Task SampleAsync(IServiceProvider scoped, CancellationToken cancellationToken);

    /// <summary>One recount now, whether observed or not (after a sweep, and for tests).</summary>
    public async Task SampleNowAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await SampleAsync(scope.ServiceProvider, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            if (!Observed)
            {
                continue;
            }

            try
            {
                await SampleNowAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A metric is never worth failing the host; the next tick tries again.
                SamplingFailed(logger, ex, GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
