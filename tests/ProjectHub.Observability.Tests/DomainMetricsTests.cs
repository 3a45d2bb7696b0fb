using Microsoft.Extensions.Time.Testing;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProjectHub.Escalation.Alerts;
using ProjectHub.Escalation.Sweep;
using ProjectHub.Escalation.V1;
using ProjectHub.Hosting.Observability;
using ProjectHub.Registry.Lights;
using ProjectHub.Registry.V1;
using ProjectHub.Testing;
using ProjectHub.Testing.Scenarios;
using EscalationClient = ProjectHub.Escalation.V1.Escalation.EscalationClient;
using ProjectRegistryClient = ProjectHub.Registry.V1.ProjectRegistry.ProjectRegistryClient;

namespace ProjectHub.Observability.Tests;

/// <summary>
/// The domain instruments of issue #8 report what the services do: the registry's projects per light colour, the
/// escalation service's unacknowledged alerts per recipient and its automatic escalations per tier.
/// </summary>
[Collection(DomainMetricsCollection.Name)]
public sealed class DomainMetricsTests
{
    [Fact]
    public async Task Lights_pending_alerts_and_escalations_per_tier_are_measured()
    {
        var lights = new ConcurrentDictionary<string, long>();
        var pending = new ConcurrentDictionary<string, long>();
        var escalations = new ConcurrentDictionary<int, long>();
        using var listener = Listen(lights, pending, escalations);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var system = await InProcessSystem.StartAsync(clock);
        var registry = new ProjectRegistryClient(system.RegistryChannel);
        var escalation = new EscalationClient(system.EscalationChannel);
        var unit = "metrics-unit-" + Guid.NewGuid().ToString("N")[..6];

        var fields = LaggingScenario.Project("指标测试快速路工程", unit);
        var project = await registry.RegisterProjectAsync(LaggingScenario.Registration(fields), TestTokens.As(TestTokens.Drc));
        var submitted = await registry.SubmitProgressReportAsync(
            new SubmitProgressReportRequest { Report = LaggingScenario.Report(project.Id) }, TestTokens.As(TestTokens.Owner(fields.OwnerUnit)));
        Assert.Equal(Light.Red, submitted.Light.Light);
        await EventuallyAsync(async () => (await escalation.ListProblemsAsync(
            new ListProblemsRequest { ProjectId = project.Id }, TestTokens.As(TestTokens.Drc))).Problems.Count > 0, "supervision problem");

        // Lights: the registry's recount (every 15 s while collected, and after each daily sweep), taken now.
        await Sampler<LightCountSampler>(system.Registry).SampleNowAsync(CancellationToken.None);
        listener.RecordObservableInstruments();
        Assert.True(lights.GetValueOrDefault("red") >= 1, $"lights: {string.Join(", ", lights)}");
        Assert.True(lights.ContainsKey("green") && lights.ContainsKey("yellow"), "every colour is reported, 0 included");

        // Pending alerts: the PROJECT_RED alert to the responsible unit, not yet acknowledged.
        await EventuallyAsync(async () =>
        {
            await Sampler<PendingAlertSampler>(system.Escalation).SampleNowAsync(CancellationToken.None);
            listener.RecordObservableInstruments();
            return pending.GetValueOrDefault(unit) >= 1;
        }, $"pending alerts of {unit}");

        // Escalations: weeks later nobody acted, so the automatic sweep climbs the ladder, counted per tier reached.
        clock.Advance(TimeSpan.FromDays(60));
        var changed = await system.Escalation.GetRequiredService<EscalationSweep>().RunOnceAsync(CancellationToken.None);
        Assert.True(changed >= 1, "the sweep escalated nothing");
        Assert.True(escalations.GetValueOrDefault(2) >= 1, $"escalations per tier: {string.Join(", ", escalations)}");
        Assert.DoesNotContain(escalations.Keys, tier => tier < 2);
    }

    private static MeterListener Listen(
        ConcurrentDictionary<string, long> lights, ConcurrentDictionary<string, long> pending, ConcurrentDictionary<int, long> escalations)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ProjectHubMetrics.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                switch (instrument.Name, tag.Key)
                {
                    case ("projecthub.lights", "light"):
                        lights[(string)tag.Value!] = value;
                        break;
                    case ("projecthub.alerts.pending", "recipient"):
                        pending[(string)tag.Value!] = value;
                        break;
                    case ("projecthub.escalations", "tier"):
                        escalations.AddOrUpdate((int)tag.Value!, value, (_, sum) => sum + value);
                        break;
                }
            }
        });
        listener.Start();
        return listener;
    }

    /// <summary>The sampler of one service's application (registry: lights; escalation: pending alerts).</summary>
    private static T Sampler<T>(IServiceProvider service) where T : GaugeSampler =>
        service.GetServices<IHostedService>().OfType<T>().Single();

    private static async Task EventuallyAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what}: not reached within 30 s");
            await Task.Delay(200);
        }
    }
}

/// <summary>The gauges hold one process-wide snapshot, so no other test's services may hand theirs in meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DomainMetricsCollection
{
    public const string Name = "Domain metrics (process-wide gauges)";
}
