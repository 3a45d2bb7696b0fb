using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1;
using ProjectHub.Testing;

namespace ProjectHub.Embedded.Tests;

/// <summary>
/// The Quick start's first command, as a real process: every service answers on its own port with SERVING health and
/// reflection listing exactly its own service (both open without a token), refuses its own RPCs without a token and
/// takes a development token, and the process stops cleanly on SIGTERM.
/// </summary>
public sealed class EmbeddedHostTests
{
    private static readonly string[] ServiceByPort =
    [
        "projecthub.registry.v1.ProjectRegistry",
        "projecthub.approval.v1.Approvals",
        "projecthub.escalation.v1.Escalation",
    ];

    [Fact]
    public async Task Starts_all_three_services_serving_on_their_ports_and_stops_cleanly()
    {
        await using var host = EmbeddedProcess.Start();
        for (var i = 0; i < ServiceByPort.Length; i++)
        {
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{host.Ports[i]}");
            await WaitServingAsync(channel, host);

            var health = new Health.HealthClient(channel);
            var named = await health.CheckAsync(new HealthCheckRequest { Service = ServiceByPort[i] });
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, named.Status);

            var listed = await ListServicesAsync(channel);
            Assert.Contains(ServiceByPort[i], listed);
            Assert.Contains("grpc.health.v1.Health", listed);
            Assert.DoesNotContain(ServiceByPort.Where((_, j) => j != i), listed.Contains);

            var other = await Assert.ThrowsAsync<RpcException>(() =>
                health.CheckAsync(new HealthCheckRequest { Service = ServiceByPort[(i + 1) % 3] }).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, other.StatusCode);

            // Health above needed no token; the service's own methods do, and the embedded default trusts development tokens.
            var anonymous = await Assert.ThrowsAsync<RpcException>(() => ServiceInfoAsync(channel, i, new CallOptions()));
            Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
            await ServiceInfoAsync(channel, i, TestTokens.As(TestTokens.Inspector));
        }

        // The web board is part of the embedded default too.
        using var http = new HttpClient();
        var page = await http.GetStringAsync($"http://127.0.0.1:{host.Ports[3]}/");
        Assert.Contains("挂图", page);

        Assert.True(File.Exists(Path.Combine(host.DataDirectory, "registry.db")), host.Output);
        var exitCode = await host.StopAsync(TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 0, $"exit code {exitCode}\n{host.Output}");
        Assert.Contains("Application is shutting down", host.Output);
    }

    /// <summary>GetServiceInfo of the service on port <paramref name="index"/>: the simplest call that needs a token.</summary>
    private static Task<ProjectHub.Type.V1.ServiceInfo> ServiceInfoAsync(GrpcChannel channel, int index, CallOptions options) => index switch
    {
        0 => new ProjectHub.Registry.V1.ProjectRegistry.ProjectRegistryClient(channel)
            .GetServiceInfoAsync(new ProjectHub.Registry.V1.GetServiceInfoRequest(), options).ResponseAsync,
        1 => new ProjectHub.Approval.V1.Approvals.ApprovalsClient(channel)
            .GetServiceInfoAsync(new ProjectHub.Approval.V1.GetServiceInfoRequest(), options).ResponseAsync,
        _ => new ProjectHub.Escalation.V1.Escalation.EscalationClient(channel)
            .GetServiceInfoAsync(new ProjectHub.Escalation.V1.GetServiceInfoRequest(), options).ResponseAsync,
    };

    internal static async Task WaitServingAsync(GrpcChannel channel, EmbeddedProcess host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(host.HasExited, $"the host exited early:\n{host.Output}");
            try
            {
                var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                if (response.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline, $"not SERVING within 60 s:\n{host.Output}");
            await Task.Delay(200);
        }
    }

    private static async Task<List<string>> ListServicesAsync(GrpcChannel channel)
    {
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(10));
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());
        return call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
    }
}
