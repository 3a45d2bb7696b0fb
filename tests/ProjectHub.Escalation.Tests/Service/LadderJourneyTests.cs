using Microsoft.Extensions.Time.Testing;
using ProjectHub.Escalation.V1;
using Grpc.Core;
using ProjectHub.Testing;
using static ProjectHub.Escalation.Tests.Service.EscalationHost;

namespace ProjectHub.Escalation.Tests.Service;

/// <summary>
/// A problem nobody handles climbs the whole ladder through the sweep, across the 2026 Spring Festival (02-15..02-23
/// off; Sat 02-14 and Sat 02-28 are workdays) — the same hand-computed dates as the domain test, now end to end.
/// </summary>
public sealed class LadderJourneyTests
{
    private static readonly (string Tier, string Entered, string Deadline)[] DefaultJourney =
    [
        ("INDUSTRY_DEPARTMENT", "2026-02-14", "2026-02-28"),
        ("VICE_MAYOR", "2026-03-01", "2026-03-06"),
        ("EXECUTIVE_VICE_MAYOR", "2026-03-07", "2026-03-13"),
        ("GOVERNMENT_EXECUTIVE_MEETING", "2026-03-14", "2026-03-27"),
        ("STANDING_COMMITTEE", "2026-03-28", "2026-04-13"),
    ];

    [Fact]
    public async Task A_daily_sweep_drives_a_problem_up_the_default_ladder_on_the_working_day_dates()
    {
        await using var host = await StartAsync(new FakeTimeProvider(Shanghai(2026, 2, 10, 10)));
        var problem = await RaiseAsync(host);
        Assert.Equal("2026-02-13", problem.TierDeadline);

        for (var day = new DateOnly(2026, 2, 11); day <= new DateOnly(2026, 4, 14); day = day.AddDays(1))
        {
            host.Clock.SetUtcNow(Shanghai(day.Year, day.Month, day.Day, 0, 5));
            await host.SweepAsync();
        }

        await AssertJourneyAsync(host, problem.Id, DefaultJourney);
        var history = await host.Client.GetProblemHistoryAsync(new GetProblemHistoryRequest { ProblemId = problem.Id }, Drc);
        // Top tier deadline Mon 04-13 passed: one reminder on Tue 04-14 (a working day), never an escalation.
        Assert.Single(history.Entries, e => e.Action == "TOP_TIER_OVERDUE_REMINDED");
        // 临期 once per tier visit: six tiers.
        Assert.Equal(6, history.Entries.Count(e => e.Action == "DEADLINE_APPROACHING_NOTICED"));
        Assert.Equal(5, (await host.OutboxAsync(".ProblemEscalated")).Count);
        var drc = await host.Client.ListAlertsAsync(new ListAlertsRequest { RecipientId = "drc" }, Drc);
        Assert.Contains(drc.Alerts, a => a.Code == "TOP_TIER_OVERDUE");

        // Above the vice mayor each tier's own seat receives the problem, not the DRC fallback (which still gets the lower
        // tiers' alerts here: the project is unknown, so it has no unit, department or leader to route to).
        string[] upper = ["/EXECUTIVE_VICE_MAYOR/", "/GOVERNMENT_EXECUTIVE_MEETING/", "/STANDING_COMMITTEE/"];
        Assert.DoesNotContain(drc.Alerts, a => a.Code == "PROBLEM_ARRIVED" && upper.Any(t => a.Id.Contains(t, StringComparison.Ordinal)));
        foreach (var seat in new[] { "常务副市长", "市政府常务会秘书处", "市委常委会秘书处" })
        {
            var alerts = await host.Client.ListAlertsAsync(new ListAlertsRequest { RecipientId = seat }, TestTokens.As(TestTokens.Inspector));
            Assert.Single(alerts.Alerts, a => a.Code == "PROBLEM_ARRIVED" && a.ProblemId == problem.Id);
        }
    }

    [Fact]
    public async Task One_sweep_after_downtime_catches_up_tier_by_tier_on_the_same_dates()
    {
        await using var host = await StartAsync(new FakeTimeProvider(Shanghai(2026, 2, 10, 10)));
        var problem = await RaiseAsync(host);

        host.Clock.SetUtcNow(Shanghai(2026, 4, 1, 9));
        await host.SweepAsync();

        await AssertJourneyAsync(host, problem.Id, DefaultJourney);
        var current = await host.Client.GetProblemAsync(new GetProblemRequest { ProblemId = problem.Id }, Drc);
        Assert.Equal("STANDING_COMMITTEE", current.Tier.Id);
        Assert.False(current.Overdue);
    }

    [Fact]
    public async Task The_short_preset_is_chosen_by_configuration_alone()
    {
        await using var host = await StartAsync(
            new FakeTimeProvider(Shanghai(2026, 2, 10, 10)),
            settings: new Dictionary<string, string?> { ["Escalation:Ladder:Preset"] = "Short", ["Escalation:Ladder:TopTierReminderAfterWorkingDays"] = "3" });

        var ladder = await host.Client.GetLadderAsync(new GetLadderRequest(), Drc);
        Assert.Equal(["RESPONSIBLE_UNIT", "INDUSTRY_DEPARTMENT", "VICE_MAYOR", "STANDING_COMMITTEE"], ladder.Tiers.Select(t => t.Id));

        var problem = await RaiseAsync(host);
        host.Clock.SetUtcNow(Shanghai(2026, 3, 11, 12));
        await host.SweepAsync();

        await AssertJourneyAsync(host, problem.Id,
        [
            ("INDUSTRY_DEPARTMENT", "2026-02-14", "2026-02-28"),
            ("VICE_MAYOR", "2026-03-01", "2026-03-06"),
            ("STANDING_COMMITTEE", "2026-03-07", "2026-03-11"),
        ]);
    }

    // p-journey is a project the service never heard of: only the DRC (or an admin) may raise for it.
    private static CallOptions Drc => TestTokens.As(TestTokens.Drc);

    private static Task<V1.Problem> RaiseAsync(EscalationHost host) =>
        host.Client.RaiseProblemAsync(
            new RaiseProblemRequest { ProjectId = "p-journey", Category = ProblemCategory.Funding, Description = "资金未到位" },
            Drc).ResponseAsync;

    private static async Task AssertJourneyAsync(EscalationHost host, string problemId, (string Tier, string Entered, string Deadline)[] expected)
    {
        var history = await host.Client.GetProblemHistoryAsync(new GetProblemHistoryRequest { ProblemId = problemId }, Drc);
        var climbs = history.Entries
            .Where(e => e.Action == "ESCALATED_AUTOMATICALLY")
            .Select(e => (e.ToTierId, Entered: Day(e.EffectiveAt.ToDateTimeOffset()), e.TierDeadline))
            .ToArray();
        Assert.Equal(expected, climbs);
        Assert.All(history.Entries.Where(e => e.Action == "ESCALATED_AUTOMATICALLY"), e => Assert.Equal("system", e.Actor));
    }

    private static string Day(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
