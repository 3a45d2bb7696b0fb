using Google.Protobuf.Reflection;

namespace ProjectHub.Grpc.Server;

/// <summary>A service class registered with the server, optionally served on one port only.</summary>
public sealed record GrpcServiceRegistration(Type ServiceType, int? Port);

/// <summary>
/// Every bound method by path, and which port serves it. Built once at start-up; binding failures stop the host.
/// One process can serve several services on separate ports (the embedded default), so lookups take the port.
/// </summary>
public sealed class ServiceCatalog
{
    private readonly Dictionary<string, List<(int? Port, ServerMethod Method)>> _methods = new(StringComparer.Ordinal);
    private readonly List<(int? Port, ServiceDescriptor Service)> _services = [];

    public ServiceCatalog(IEnumerable<GrpcServiceRegistration> registrations)
    {
        foreach (var registration in registrations)
        {
            var descriptor = GrpcServiceAttribute.DescriptorOf(registration.ServiceType);
            _services.Add((registration.Port, descriptor));
            foreach (var method in ServerMethodBinder.Bind(registration.ServiceType, descriptor))
            {
                if (!_methods.TryGetValue(method.Path, out var list))
                {
                    _methods[method.Path] = list = [];
                }

                list.Add((registration.Port, method));
            }
        }
    }

    internal ServerMethod? Find(string path, int localPort)
    {
        if (!_methods.TryGetValue(path, out var candidates))
        {
            return null;
        }

        foreach (var (port, method) in candidates)
        {
            if (port is null || port == localPort)
            {
                return method;
            }
        }

        return null;
    }

    /// <summary>The services answered on <paramref name="localPort"/>.</summary>
    public IReadOnlyList<ServiceDescriptor> ServicesOn(int localPort) =>
        _services.Where(s => s.Port is null || s.Port == localPort).Select(s => s.Service).DistinctBy(s => s.FullName).ToList();

    public bool IsServiceKnown(string serviceFullName, int localPort) =>
        _services.Any(s => s.Service.FullName == serviceFullName && (s.Port is null || s.Port == localPort));
}
