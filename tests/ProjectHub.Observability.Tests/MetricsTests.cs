using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ProjectHub.Hosting.Observability;
using ProjectHub.Registry.V1;
using ProjectHub.Testing;
using ProjectRegistryClient = ProjectHub.Registry.V1.ProjectRegistry.ProjectRegistryClient;

namespace ProjectHub.Observability.Tests;

/// <summary>ProjectHub's own instruments report real traffic: events published and consumed, the outbox backlog.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Events_and_the_outbox_backlog_are_measured()
    {
        var sums = new ConcurrentDictionary<string, long>();
        var outboxDatabases = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener
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
            if (instrument.Name == "projecthub.outbox.backlog")
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "database")
                    {
                        outboxDatabases[(string)tag.Value!] = value;
                    }
                }
            }
            else
            {
                sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
            }
        });
        listener.Start();

        await using var system = await InProcessSystem.StartAsync();
        await new ProjectRegistryClient(system.RegistryChannel).RegisterProjectAsync(new RegisterProjectRequest
        {
            Project = OneTraceTests.LaggingProject(),
            Stage = ProjectStage.UnderConstruction,
        }, TestTokens.As(TestTokens.Drc));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(sums.GetValueOrDefault("projecthub.events.published") > 0
                 && sums.GetValueOrDefault("projecthub.events.consumed") > 0
                 && outboxDatabases.ContainsKey("RegistryDbContext")))
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"not measured within 30 s: {string.Join(", ", sums)}; outboxes {string.Join(", ", outboxDatabases.Keys)}");
            listener.RecordObservableInstruments();
            await Task.Delay(200);
        }

        Assert.True(outboxDatabases["RegistryDbContext"] >= 0);
    }
}
