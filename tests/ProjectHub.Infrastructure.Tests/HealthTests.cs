using Grpc.Core;
using Grpc.Health.V1;
using ProjectHub.Escalation;
using ProjectHub.Escalation.V1;
using ProjectHub.Testing;

namespace ProjectHub.Infrastructure.Tests;

/// <summary>
/// gRPC health means something: a real service on real PostgreSQL and RabbitMQ answers NOT_SERVING while either
/// cannot be reached, and SERVING again once it is back — for the whole server ("") and for its own service name;
/// "liveness" stays SERVING throughout.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class HealthTests(InfrastructureFixture infra)
{
    private const string Service = "projecthub.escalation.v1.Escalation";

    private async Task<ServiceTestHost> StartEscalationAsync(string database, bool rabbitMq)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Escalation:Provider"] = "Postgres",
            ["Database:Escalation:ConnectionString"] = infra.PostgresConnectionString(database),
            ["Escalation:Sweep:Enabled"] = "false",
            ["Health:CheckPeriod"] = "00:00:01",
        };
        if (rabbitMq)
        {
            settings["Bus:Transport"] = "RabbitMq";
            settings["Bus:RabbitMq:Port"] = infra.RabbitMqPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Bus:RabbitMq:VirtualHost"] = await infra.CreateVirtualHostAsync("health");
        }

        return await ServiceTestHost.StartAsync(EscalationServiceRegistration.Module, TimeProvider.System, settings);
    }

    [Fact]
    public async Task Stopping_PostgreSQL_turns_the_service_NOT_SERVING_and_calls_UNAVAILABLE_until_it_is_back()
    {
        await using var host = await StartEscalationAsync("health_pg", rabbitMq: false);
        var health = new Health.HealthClient(host.Channel);
        using var watch = health.Watch(new HealthCheckRequest { Service = Service });
        await NextStatusAsync(watch, HealthCheckResponse.Types.ServingStatus.Serving);

        await infra.StopPostgresAsync();
        try
        {
            await NextStatusAsync(watch, HealthCheckResponse.Types.ServingStatus.NotServing);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing,
                (await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(30))).Status);
            // Liveness is the process alone: an outage elsewhere must not make Kubernetes restart the pod.
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving,
                (await health.CheckAsync(new HealthCheckRequest { Service = "liveness" }, deadline: DateTime.UtcNow.AddSeconds(30))).Status);
            var client = new Escalation.V1.Escalation.EscalationClient(host.Channel.Calling(TestTokens.Drc));
            var error = await Assert.ThrowsAsync<RpcException>(async () => await client.ListProblemsAsync(new ListProblemsRequest()));
            Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        }
        finally
        {
            await infra.StartPostgresAsync();
        }

        await NextStatusAsync(watch, HealthCheckResponse.Types.ServingStatus.Serving);
    }

    [Fact]
    public async Task Stopping_RabbitMQ_turns_the_service_NOT_SERVING_until_the_broker_is_back()
    {
        await using var host = await StartEscalationAsync("health_mq", rabbitMq: true);
        var health = new Health.HealthClient(host.Channel);
        using var watch = health.Watch(new HealthCheckRequest { Service = "" });
        await NextStatusAsync(watch, HealthCheckResponse.Types.ServingStatus.Serving);

        await infra.StopRabbitMqAsync();
        try
        {
            await NextStatusAsync(watch, HealthCheckResponse.Types.ServingStatus.NotServing);
        }
        finally
        {
            await infra.StartRabbitMqAsync();
        }

        await NextStatusAsync(watch, HealthCheckResponse.Types.ServingStatus.Serving);
    }

    /// <summary>Reads the watch until it reports <paramref name="expected"/> (a minute at most: the broker reconnects slowly).</summary>
    private static async Task NextStatusAsync(AsyncServerStreamingCall<HealthCheckResponse> watch, HealthCheckResponse.Types.ServingStatus expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var seen = new List<HealthCheckResponse.Types.ServingStatus>();
        try
        {
            // The watch itself has no deadline: a timeout here must not cancel the call the next read continues.
            while (await watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(deadline - DateTime.UtcNow))
            {
                seen.Add(watch.ResponseStream.Current.Status);
                if (watch.ResponseStream.Current.Status == expected)
                {
                    return;
                }
            }
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The health watch did not report {expected} within 60 s; it reported [{string.Join(", ", seen)}].");
        }

        Assert.Fail($"The health watch ended before {expected}; it reported [{string.Join(", ", seen)}].");
    }
}
