using ProjectHub.Escalation.V1;
using Grpc.Core;
using ProjectHub.Security;
using ProjectHub.Testing;
using static ProjectHub.Escalation.Tests.Service.EscalationHost;

namespace ProjectHub.Escalation.Tests.Service;

/// <summary>Raising, handling and refusing over real gRPC; every refusal is checked to change nothing.</summary>
public sealed class ProblemLifecycleTests : IAsyncLifetime
{
    private EscalationHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await StartAsync();
        await _host.SeedProjectAsync("p-1", "unit-1", "owner-1", "dept-1", "leader-1");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private V1.Escalation.EscalationClient Client => _host.Client;

    private static CallOptions Drc => TestTokens.As(TestTokens.Drc);

    private static readonly Caller Owner = TestTokens.Owner("owner-1");
    private static readonly Caller Unit = TestTokens.Owner("unit-1");
    private static readonly Caller Department = TestTokens.Department("dept-1");

    private Task<V1.Problem> RaiseAsync() =>
        Client.RaiseProblemAsync(
            new RaiseProblemRequest { ProjectId = "p-1", Category = ProblemCategory.Land, Description = "征地红线内三户未签约" },
            TestTokens.As(Owner)).ResponseAsync;

    [Fact]
    public async Task GetLadder_returns_the_default_tiers_with_their_working_day_limits()
    {
        var ladder = await Client.GetLadderAsync(new GetLadderRequest(), TestTokens.As(Owner));

        Assert.Equal(
            ["RESPONSIBLE_UNIT", "INDUSTRY_DEPARTMENT", "VICE_MAYOR", "EXECUTIVE_VICE_MAYOR", "GOVERNMENT_EXECUTIVE_MEETING", "STANDING_COMMITTEE"],
            ladder.Tiers.Select(t => t.Id));
        Assert.Equal([3, 5, 5, 5, 10], ladder.Tiers.Where(t => t.HasWorkingDayLimit).Select(t => t.WorkingDayLimit));
        Assert.True(ladder.Tiers[^1].Top);
        Assert.False(ladder.Tiers[^1].HasWorkingDayLimit);
        Assert.Equal(10, ladder.TopTierReminderAfterWorkingDays);
    }

    [Fact]
    public async Task A_raised_problem_is_open_at_tier_1_with_its_deadline_alerts_and_audit_entry()
    {
        var problem = await RaiseAsync();

        Assert.Equal(ProblemState.Open, problem.State);
        Assert.Equal("RESPONSIBLE_UNIT", problem.Tier.Id);
        Assert.Equal("2026-03-05", problem.TierDeadline); // Mon 03-02 + 3 working days
        Assert.Equal("owner-1", problem.RaisedBy);
        var fetched = await Client.GetProblemAsync(new GetProblemRequest { ProblemId = problem.Id }, TestTokens.As(Owner));
        Assert.Equal(problem.Id, fetched.Id);

        var history = await Client.GetProblemHistoryAsync(new GetProblemHistoryRequest { ProblemId = problem.Id }, TestTokens.As(Owner));
        var raised = Assert.Single(history.Entries);
        Assert.Equal("RAISED", raised.Action);
        Assert.Equal("owner-1", raised.Actor);

        foreach (var recipient in new[] { Unit, Owner })
        {
            var alerts = await Client.ListAlertsAsync(new ListAlertsRequest { RecipientId = recipient.Unit }, TestTokens.As(recipient));
            Assert.Equal("PROBLEM_ARRIVED", Assert.Single(alerts.Alerts).Code);
        }

        Assert.Empty((await Client.ListAlertsAsync(new ListAlertsRequest { RecipientId = "dept-1" }, TestTokens.As(Department))).Alerts);
    }

    [Fact]
    public async Task Acknowledge_resolve_and_reopen_follow_the_rules_and_resolving_publishes_through_the_outbox()
    {
        var problem = await RaiseAsync();

        var acknowledged = await Client.AcknowledgeProblemAsync(new AcknowledgeProblemRequest { ProblemId = problem.Id }, TestTokens.As(Unit));
        Assert.Equal(ProblemState.Acknowledged, acknowledged.State);
        Assert.Equal("unit-1", acknowledged.AcknowledgedBy);

        _host.Clock.SetUtcNow(Shanghai(2026, 3, 4, 15));
        var resolved = await Client.ResolveProblemAsync(new ResolveProblemRequest { ProblemId = problem.Id, Resolution = "已完成签约" }, TestTokens.As(Unit));
        Assert.Equal(ProblemState.Resolved, resolved.State);
        Assert.Equal("已完成签约", resolved.Resolution);

        var outbox = Assert.Single(await _host.OutboxAsync(".ProblemResolved"));
        Assert.Contains(problem.Id, outbox.Payload);
        Assert.Contains("\"workingDaysToResolve\":2", outbox.Payload);

        var reopened = await Client.ReopenProblemAsync(new ReopenProblemRequest { ProblemId = problem.Id, Reason = "仍有一户未签" }, TestTokens.As(Owner));
        Assert.Equal(ProblemState.Open, reopened.State);
        Assert.Equal("RESPONSIBLE_UNIT", reopened.Tier.Id);
        Assert.Equal("2026-03-09", reopened.TierDeadline); // clock restarted on Wed 03-04

        var history = await Client.GetProblemHistoryAsync(new GetProblemHistoryRequest { ProblemId = problem.Id }, TestTokens.As(Owner));
        Assert.Equal(["RAISED", "ACKNOWLEDGED", "RESOLVED", "REOPENED"], history.Entries.Select(e => e.Action));
    }

    [Fact]
    public async Task Escalating_by_hand_climbs_one_tier_and_alerts_the_next_tiers_handler()
    {
        var problem = await RaiseAsync();

        var escalated = await Client.EscalateProblemAsync(new EscalateProblemRequest { ProblemId = problem.Id, Reason = "超出本级职权" }, TestTokens.As(Unit));

        Assert.Equal("INDUSTRY_DEPARTMENT", escalated.Tier.Id);
        Assert.Equal(ProblemState.Open, escalated.State);
        Assert.Equal("PROBLEM_ARRIVED", Assert.Single((await Client.ListAlertsAsync(new ListAlertsRequest { RecipientId = "dept-1" }, TestTokens.As(Department))).Alerts).Code);
        var outbox = Assert.Single(await _host.OutboxAsync(".ProblemEscalated"));
        Assert.Contains("\"toTier\":\"INDUSTRY_DEPARTMENT\"", outbox.Payload);

        var filtered = await Client.ListProblemsAsync(new ListProblemsRequest { ProjectId = "p-1", TierId = "INDUSTRY_DEPARTMENT" }, Drc);
        Assert.Equal(problem.Id, Assert.Single(filtered.Problems).Id);
        Assert.Empty((await Client.ListProblemsAsync(new ListProblemsRequest { TierId = "RESPONSIBLE_UNIT" }, Drc)).Problems);
    }

    [Fact]
    public async Task ListProblems_filters_by_state_category_and_overdue_and_pages()
    {
        var land = await RaiseAsync();
        var funding = await Client.RaiseProblemAsync(
            new RaiseProblemRequest { ProjectId = "p-1", Category = ProblemCategory.Funding, Description = "资金缺口" }, TestTokens.As(Owner));
        var third = await RaiseAsync();
        await Client.ResolveProblemAsync(new ResolveProblemRequest { ProblemId = third.Id, Resolution = "已解决" }, TestTokens.As(Unit));

        var byCategory = await Client.ListProblemsAsync(new ListProblemsRequest { Category = ProblemCategory.Funding }, Drc);
        Assert.Equal(funding.Id, Assert.Single(byCategory.Problems).Id);
        var resolved = await Client.ListProblemsAsync(new ListProblemsRequest { State = ProblemState.Resolved }, Drc);
        Assert.Equal(third.Id, Assert.Single(resolved.Problems).Id);

        Assert.Empty((await Client.ListProblemsAsync(new ListProblemsRequest { OverdueOnly = true }, Drc)).Problems);
        _host.Clock.SetUtcNow(Shanghai(2026, 3, 6, 9)); // tier-1 deadline Thu 03-05 passed, not yet swept
        var overdue = await Client.ListProblemsAsync(new ListProblemsRequest { OverdueOnly = true }, Drc);
        Assert.Equal(new[] { land.Id, funding.Id }.Order(), overdue.Problems.Select(p => p.Id).Order());
        Assert.All(overdue.Problems, p => Assert.True(p.Overdue));

        var page1 = await Client.ListProblemsAsync(new ListProblemsRequest { PageSize = 2 }, Drc);
        var page2 = await Client.ListProblemsAsync(new ListProblemsRequest { PageSize = 2, PageToken = page1.NextPageToken }, Drc);
        Assert.Equal(2, page1.Problems.Count);
        Assert.Single(page2.Problems);
        Assert.Equal("", page2.NextPageToken);
        Assert.Equal(3, page1.Problems.Concat(page2.Problems).Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public async Task An_unknown_problem_is_not_found()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetProblemAsync(new GetProblemRequest { ProblemId = Guid.NewGuid().ToString() }, Drc).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);

        var ack = await Assert.ThrowsAsync<RpcException>(() =>
            Client.AcknowledgeProblemAsync(new AcknowledgeProblemRequest { ProblemId = Guid.NewGuid().ToString() }, TestTokens.As(TestTokens.Drc)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, ack.StatusCode);
    }

    [Fact]
    public async Task Resolving_a_problem_at_someone_elses_tier_is_denied_and_changes_nothing()
    {
        var problem = await RaiseAsync();

        // dept-1 handles tier 2, not tier 1 where the problem is.
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ResolveProblemAsync(
            new ResolveProblemRequest { ProblemId = problem.Id, Resolution = "不是我的" }, TestTokens.As(Department)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        await AssertUnchangedAsync(problem);
    }

    [Fact]
    public async Task Escalating_from_the_top_tier_fails_its_precondition_and_changes_nothing()
    {
        var problem = await RaiseAsync();
        for (var i = 0; i < 5; i++)
        {
            problem = await Client.EscalateProblemAsync(new EscalateProblemRequest { ProblemId = problem.Id, Reason = "超出本级职权" }, TestTokens.As(TestTokens.Drc));
        }

        Assert.Equal("STANDING_COMMITTEE", problem.Tier.Id);
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.EscalateProblemAsync(
            new EscalateProblemRequest { ProblemId = problem.Id, Reason = "再往上" }, TestTokens.As(TestTokens.Drc)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal("TOP_TIER_REACHED", ex.Reason());
        await AssertUnchangedAsync(problem);
    }

    [Fact]
    public async Task An_empty_reason_is_an_invalid_argument_naming_the_field_and_changes_nothing()
    {
        var problem = await RaiseAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.EscalateProblemAsync(
            new EscalateProblemRequest { ProblemId = problem.Id, Reason = "  " }, TestTokens.As(Unit)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("reason", Assert.Single(ex.FieldViolations()).Field);
        await AssertUnchangedAsync(problem);
    }

    [Fact]
    public async Task Raising_without_project_category_or_description_names_every_bad_field()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Client.RaiseProblemAsync(new RaiseProblemRequest(), TestTokens.As(Owner)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(["project_id", "category", "description"], ex.FieldViolations().Select(v => v.Field));
        Assert.Empty((await Client.ListProblemsAsync(new ListProblemsRequest(), Drc)).Problems);
    }

    private async Task AssertUnchangedAsync(V1.Problem before)
    {
        var after = await Client.GetProblemAsync(new GetProblemRequest { ProblemId = before.Id }, TestTokens.As(TestTokens.Inspector));
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.State, after.State);
        Assert.Equal(before.Tier.Id, after.Tier.Id);
        var history = await Client.GetProblemHistoryAsync(new GetProblemHistoryRequest { ProblemId = before.Id }, TestTokens.As(TestTokens.Inspector));
        Assert.Equal(before.Version, history.Entries.Count);
    }
}
