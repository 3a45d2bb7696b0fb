using ProjectHub.Registry.Lights;
using ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Tests.Service;

public sealed class SilenceTests(RegistryHost host) : IClassFixture<RegistryHost>
{
    [Fact]
    public async Task Silence_turns_yellow_after_7_days_and_red_after_21_on_the_sweep()
    {
        var client = host.Client;
        var project = await client.RegisterProjectAsync(Projects.Register(Projects.Fields("沉默测试项目")));
        var first = await client.SubmitProgressReportAsync(Projects.Report(project.Id, "48"), RegistryHost.AsOwner());
        Assert.Equal(Light.Green, first.Light.Light);

        host.Clock.Advance(TimeSpan.FromDays(7));
        var day7 = await client.EvaluateLightsAsync(new EvaluateLightsRequest());
        Assert.Equal(0, day7.Changed);
        Assert.Equal(Light.Green, (await client.GetLightAsync(new GetLightRequest { ProjectId = project.Id })).Light);

        host.Clock.Advance(TimeSpan.FromDays(1));
        var day8 = await client.EvaluateLightsAsync(new EvaluateLightsRequest());
        var yellow = await client.GetLightAsync(new GetLightRequest { ProjectId = project.Id });
        Assert.Equal(1, day8.Changed);
        Assert.Equal(1, day8.Lights.Yellow);
        Assert.Equal(Light.Yellow, yellow.Light);
        Assert.Contains(yellow.Reasons, r => r.Code == "NO_REPORT_YELLOW");

        host.Clock.Advance(TimeSpan.FromDays(14));
        await client.EvaluateLightsAsync(new EvaluateLightsRequest());
        var red = await client.GetLightAsync(new GetLightRequest { ProjectId = project.Id });
        Assert.Equal(Light.Red, red.Light);
        Assert.Equal("NO_REPORT_RED", red.Reasons[0].Code);
        Assert.Equal("2026-03-24", red.RedSince);

        var changes = (await host.OutboxAsync()).Count(m => m.Type.EndsWith(".ProjectLightChanged", StringComparison.Ordinal));
        Assert.Equal(3, changes); // none→green, green→yellow, yellow→red
    }

    [Theory]
    [InlineData("2026-03-01T16:29:59Z", "2026-03-01T16:30:00Z")] // 00:29:59 Shanghai → same night 00:30
    [InlineData("2026-03-01T16:30:00Z", "2026-03-02T16:30:00Z")] // exactly 00:30 → the next day
    [InlineData("2026-03-02T02:00:00Z", "2026-03-02T16:30:00Z")] // 10:00 → tonight
    public void Daily_sweep_runs_at_00_30_Shanghai(string now, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            DailyLightSweep.NextRun(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
}
