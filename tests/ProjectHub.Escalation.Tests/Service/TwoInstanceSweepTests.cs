using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Escalation.V1;
using ProjectHub.Testing;
using static ProjectHub.Escalation.Tests.Service.EscalationHost;

namespace ProjectHub.Escalation.Tests.Service;

/// <summary>Two service instances (two WebApplications) sweeping one SQLite database escalate each deadline once.</summary>
public sealed class TwoInstanceSweepTests
{
    [Fact]
    public async Task Concurrent_sweeps_of_two_instances_escalate_exactly_once()
    {
        var clock = new FakeTimeProvider(Shanghai(2026, 3, 2, 9));
        await using var first = await StartAsync(clock);
        await using var second = await StartAsync(clock, directory: first.Directory);

        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var raised = await first.Client.RaiseProblemAsync(
                new RaiseProblemRequest { ProjectId = $"p-{i}", Category = ProblemCategory.Materials, Description = "钢材供应不足" },
                TestTokens.As(TestTokens.Drc)); // projects the service never heard of: the DRC raises
            ids.Add(raised.Id);
        }

        // Tier 1 deadline Thu 03-05 → tier 2 from Fri 03-06, deadline Fri 03-13 → tier 3 from Sat 03-14: two climbs each.
        clock.SetUtcNow(Shanghai(2026, 3, 16, 9));
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(Task.Run(first.SweepAsync), Task.Run(second.SweepAsync));
        }

        foreach (var id in ids)
        {
            // Read through the OTHER instance: both see the same single outcome.
            var problem = await second.Client.GetProblemAsync(new GetProblemRequest { ProblemId = id }, TestTokens.As(TestTokens.Drc));
            Assert.Equal("VICE_MAYOR", problem.Tier.Id);
            var history = await second.Client.GetProblemHistoryAsync(new GetProblemHistoryRequest { ProblemId = id }, TestTokens.As(TestTokens.Drc));
            Assert.Equal(2, history.Entries.Count(e => e.Action == "ESCALATED_AUTOMATICALLY"));
            Assert.Equal(Enumerable.Range(1, history.Entries.Count), history.Entries.Select(e => e.Version));
        }

        var escalatedEvents = await first.OutboxAsync(".ProblemEscalated");
        Assert.Equal(8, escalatedEvents.Count);
        var arrivals = await first.WithDbAsync(db => db.Alerts.Where(a => a.Code == "PROBLEM_ARRIVED").Select(a => a.AlertId).ToListAsync());
        Assert.Equal(arrivals.Count, arrivals.Distinct().Count());
        // Each problem arrived at 3 tiers; the drc fallback is the only recipient without project routing.
        Assert.Equal(12, arrivals.Count);
    }
}
