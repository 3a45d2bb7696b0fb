using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Hosting.Observability;

/// <summary>
/// Counts a database's unpublished outbox rows for the backlog gauges. One COUNT and one MIN on the unsent rows
/// every interval, and none at all unless a meter listener collects the gauges (telemetry off = no queries).
/// </summary>
internal sealed partial class OutboxBacklogSampler<TContext>(
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<OutboxBacklogSampler<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Sampling the outbox of {Context} failed")]
    private static partial void SamplingFailed(ILogger logger, Exception exception, string context);

    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            if (!ProjectHubMetrics.OutboxObserved)
            {
                continue;
            }

            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A metric is never worth failing the host; the relay reports real database trouble itself.
                SamplingFailed(logger, ex, typeof(TContext).Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var unsent = context.Set<OutboxMessage>().Where(m => m.SentAt == null);
        var backlog = await unsent.LongCountAsync(cancellationToken);
        // Sequence follows insertion order, so the first unsent row is the oldest (SQLite cannot MIN a DateTimeOffset).
        var oldest = backlog == 0
            ? null
            : await unsent.OrderBy(m => m.Sequence).Select(m => (DateTimeOffset?)m.OccurredAt).FirstOrDefaultAsync(cancellationToken);
        var age = oldest is { } at ? time.GetUtcNow() - at : TimeSpan.Zero;
        ProjectHubMetrics.SetOutbox(typeof(TContext).Name, backlog, age < TimeSpan.Zero ? TimeSpan.Zero : age);
    }
}
