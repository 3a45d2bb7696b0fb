using ProjectHub.Type.V1;

namespace ProjectHub.Wire;

public static class WireServiceInfo
{
    /// <summary>The full gRPC service name and the informational version of the assembly that serves it.</summary>
    public static ServiceInfo Of(string serviceName, System.Reflection.Assembly assembly) => new()
    {
        Name = serviceName,
        Version = assembly.GetName().Version?.ToString() ?? "",
    };
}
