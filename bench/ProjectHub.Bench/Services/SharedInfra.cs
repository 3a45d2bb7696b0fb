namespace ProjectHub.Bench.Services;

/// <summary>
/// The private PostgreSQL and RabbitMQ of one run, started on first use by whichever figure needs them and
/// destroyed when the run ends, so figures 2, 3b, 4 and 5 share one start-up each.
/// </summary>
public sealed class SharedInfra(BenchOptions options) : IAsyncDisposable
{
    private Task<PrivateInfra>? _postgres;
    private Task<PrivateInfra>? _rabbitMq;

    public Task<PrivateInfra> PostgresAsync() => _postgres ??= PrivateInfra.PostgresAsync(options);

    public Task<PrivateInfra> RabbitMqAsync() => _rabbitMq ??= PrivateInfra.RabbitMqAsync(options);

    public async ValueTask DisposeAsync()
    {
        foreach (var started in new[] { _postgres, _rabbitMq })
        {
            if (started is not null)
            {
                await (await started).DisposeAsync();
            }
        }
    }
}
