using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using ProjectHub.Hosting.Grpc;
using ProjectHub.Hosting.Health;
using ProjectHub.Testing;

namespace ProjectHub.Hosting.Tests.Health;

/// <summary>gRPC health follows the checks tagged ready: Check at once, Watch at the next health-check period.</summary>
public sealed class HealthWatchTests
{
    private sealed class Switch
    {
        public volatile bool Healthy = true;
    }

    [Fact]
    public async Task Watch_reports_each_change_of_a_ready_check_and_liveness_ignores_it()
    {
        var port = FreePort.Next();
        var state = new Switch();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Mode"] = "Development", ["Health:CheckPeriod"] = "00:00:01" });
        builder.AddProjectHubDefaults();
        builder.ListenGrpc(port);
        builder.AddServiceHealth("projecthub.testing.Probe");
        builder.Services.AddHealthChecks().AddCheck("switch",
            () => state.Healthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("switched off"), [HealthExtensions.Ready]);
        await using var app = builder.Build();
        app.UseProjectHub();
        await app.StartAsync();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var health = new global::Grpc.Health.V1.Health.HealthClient(channel);

        using var watch = health.Watch(new HealthCheckRequest { Service = "projecthub.testing.Probe" });
        await NextAsync(watch, HealthCheckResponse.Types.ServingStatus.Serving);
        state.Healthy = false;
        await NextAsync(watch, HealthCheckResponse.Types.ServingStatus.NotServing);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest())).Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = HealthExtensions.Liveness })).Status);
        state.Healthy = true;
        await NextAsync(watch, HealthCheckResponse.Types.ServingStatus.Serving);
        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await health.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        await app.StopAsync();
    }

    private static async Task NextAsync(AsyncServerStreamingCall<HealthCheckResponse> watch, HealthCheckResponse.Types.ServingStatus expected)
    {
        var seen = new List<HealthCheckResponse.Types.ServingStatus>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await watch.ResponseStream.MoveNext(timeout.Token))
        {
            seen.Add(watch.ResponseStream.Current.Status);
            if (seen[^1] == expected)
            {
                return;
            }
        }

        Assert.Fail($"The watch ended before {expected}: [{string.Join(", ", seen)}]");
    }
}
