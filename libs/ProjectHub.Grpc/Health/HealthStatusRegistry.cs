using Grpc.Health.V1;

namespace ProjectHub.Grpc.Health;

/// <summary>
/// The serving status of the process ("" key) and of individual services. The overall status follows the host's
/// lifetime (SERVING once started, NOT_SERVING while stopping); a service may report itself NOT_SERVING, e.g. when
/// its database is down, and back.
/// </summary>
public sealed class HealthStatusRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HealthCheckResponse.Types.ServingStatus> _statuses = new(StringComparer.Ordinal)
    {
        [""] = HealthCheckResponse.Types.ServingStatus.NotServing,
    };

    /// <summary>Raised after any status changed, with the service name ("" for the process).</summary>
    public event Action<string>? Changed;

    public void SetStatus(string service, HealthCheckResponse.Types.ServingStatus status)
    {
        lock (_gate)
        {
            if (_statuses.TryGetValue(service, out var current) && current == status)
            {
                return;
            }

            _statuses[service] = status;
        }

        Changed?.Invoke(service);
    }

    /// <summary>A service's own status if it set one, otherwise the process's; null when never set.</summary>
    public HealthCheckResponse.Types.ServingStatus Get(string service)
    {
        lock (_gate)
        {
            var overall = _statuses[""];
            if (overall != HealthCheckResponse.Types.ServingStatus.Serving)
            {
                return overall;
            }

            return _statuses.TryGetValue(service, out var own) ? own : overall;
        }
    }
}
