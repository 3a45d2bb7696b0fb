using Grpc.Net.Client;
using ProjectHub.Registry.V1;
using EscalationClient = ProjectHub.Escalation.V1.Escalation.EscalationClient;

namespace ProjectHub.Embedded.Tests;

/// <summary>The embedded process once its registry and escalation are SERVING, with a client for each.</summary>
public sealed class EmbeddedSystem : IAsyncDisposable
{
    private readonly GrpcChannel _registryChannel;
    private readonly GrpcChannel _escalationChannel;

    private EmbeddedSystem(EmbeddedProcess host, GrpcChannel registry, GrpcChannel escalation)
    {
        Host = host;
        _registryChannel = registry;
        _escalationChannel = escalation;
        Registry = new ProjectRegistry.ProjectRegistryClient(registry);
        Escalation = new EscalationClient(escalation);
    }

    public EmbeddedProcess Host { get; }

    public ProjectRegistry.ProjectRegistryClient Registry { get; }

    public EscalationClient Escalation { get; }

    public string RegistryAddress => $"http://127.0.0.1:{Host.Ports[0]}";

    public static async Task<EmbeddedSystem> StartAsync()
    {
        var host = EmbeddedProcess.Start();
        var registry = GrpcChannel.ForAddress($"http://127.0.0.1:{host.Ports[0]}");
        var escalation = GrpcChannel.ForAddress($"http://127.0.0.1:{host.Ports[2]}");
        var system = new EmbeddedSystem(host, registry, escalation);
        try
        {
            await EmbeddedHostTests.WaitServingAsync(registry, host);
            await EmbeddedHostTests.WaitServingAsync(escalation, host);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _registryChannel.Dispose();
        _escalationChannel.Dispose();
        await Host.DisposeAsync();
    }
}
