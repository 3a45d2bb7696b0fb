using ProjectHub.Escalation.V1;
using Grpc.Core;
using ProjectHub.Security;
using ProjectHub.Testing;
using static ProjectHub.Escalation.Tests.Service.Authorization.AuthorizationWorld;

namespace ProjectHub.Escalation.Tests.Service.Authorization;

/// <summary>The edges of the matrix: the wrong tier for the right unit, the portfolio, unknown projects, and the actor.</summary>
public sealed class CallerScopeTests(AuthorizationWorld world) : IClassFixture<AuthorizationWorld>
{
    private V1.Escalation.EscalationClient Client => world.Client;

    [Fact]
    public async Task The_history_records_the_token_subject_even_a_chinese_one()
    {
        var raiser = TestTokens.Owner(OwnerUnit, subject: "城投集团李工");
        var problem = await world.ProblemAtAsync("VICE_MAYOR", raiser: raiser);
        Assert.Equal("城投集团李工", problem.RaisedBy);

        var acknowledged = await Client.AcknowledgeProblemAsync(new AcknowledgeProblemRequest { ProblemId = problem.Id }, As(TierLeader));
        await Client.ResolveProblemAsync(new ResolveProblemRequest { ProblemId = problem.Id, Resolution = "市政府专题会议已协调" }, As(TierLeader));
        await Client.ReopenProblemAsync(new ReopenProblemRequest { ProblemId = problem.Id, Reason = "仍有一户未签" }, As(raiser));

        Assert.Equal("张副市长", acknowledged.AcknowledgedBy);
        var history = await Client.GetProblemHistoryAsync(new GetProblemHistoryRequest { ProblemId = problem.Id }, As(TestTokens.Inspector));
        Assert.Equal(
            ["RAISED 城投集团李工", "ESCALATED_BY_HAND operator", "ESCALATED_BY_HAND operator", "ACKNOWLEDGED 张副市长", "RESOLVED 张副市长", "REOPENED 城投集团李工"],
            history.Entries.Select(e => $"{e.Action} {e.Actor}"));
    }

    [Fact]
    public async Task The_responsible_unit_handles_tier_1_as_well_as_the_owner()
    {
        var problem = await world.ProblemAtAsync("RESPONSIBLE_UNIT");

        var acknowledged = await Client.AcknowledgeProblemAsync(
            new AcknowledgeProblemRequest { ProblemId = problem.Id }, As(TestTokens.Owner(ResponsibleUnit)));

        Assert.Equal(ResponsibleUnit, acknowledged.AcknowledgedBy);
    }

    [Fact]
    public async Task A_unit_may_not_handle_a_problem_at_another_tier_of_its_own_project()
    {
        var atDepartment = await world.ProblemAtAsync("INDUSTRY_DEPARTMENT");
        var atUnit = await world.ProblemAtAsync("RESPONSIBLE_UNIT");

        await AssertDeniedAsync(() => Client.ResolveProblemAsync(
            new ResolveProblemRequest { ProblemId = atDepartment.Id, Resolution = "已解决" }, As(OwnOwner)).ResponseAsync);
        await AssertDeniedAsync(() => Client.AcknowledgeProblemAsync(
            new AcknowledgeProblemRequest { ProblemId = atUnit.Id }, As(OwnDepartment)).ResponseAsync);
        // Both still readable: it is their project.
        await Client.GetProblemAsync(new GetProblemRequest { ProblemId = atDepartment.Id }, As(OwnOwner));
        await Client.GetProblemAsync(new GetProblemRequest { ProblemId = atUnit.Id }, As(OwnDepartment));
    }

    [Fact]
    public async Task A_vice_mayor_handles_the_vice_mayor_tier_of_its_own_portfolio_only()
    {
        var problem = await world.ProblemAtAsync("VICE_MAYOR");
        var otherViceMayor = TestTokens.Leader("李副市长", "VICE_MAYOR");

        await AssertDeniedAsync(() => Client.AcknowledgeProblemAsync(
            new AcknowledgeProblemRequest { ProblemId = problem.Id }, As(otherViceMayor)).ResponseAsync);
        await AssertDeniedAsync(() => Client.GetProblemAsync(new GetProblemRequest { ProblemId = problem.Id }, As(otherViceMayor)).ResponseAsync);
    }

    [Fact]
    public async Task A_leader_of_a_higher_tier_handles_and_reads_every_problem_at_that_tier()
    {
        var problem = await world.ProblemAtAsync("EXECUTIVE_VICE_MAYOR");
        var page = await Client.ListProblemsAsync(new ListProblemsRequest { PageSize = 500 }, As(OtherTierLeader));
        Assert.Contains(page.Problems, p => p.Id == problem.Id);

        var escalated = await Client.EscalateProblemAsync(
            new EscalateProblemRequest { ProblemId = problem.Id, Reason = "需市政府常务会研究" }, As(OtherTierLeader));

        Assert.Equal("GOVERNMENT_EXECUTIVE_MEETING", escalated.Tier.Id);
        // It has left the leader's tier and was never in its portfolio: no longer the leader's to see.
        await AssertDeniedAsync(() => Client.GetProblemAsync(new GetProblemRequest { ProblemId = problem.Id }, As(OtherTierLeader)).ResponseAsync);
    }

    [Fact]
    public async Task Lists_are_filtered_to_the_callers_projects()
    {
        var ours = await world.ProblemAtAsync("RESPONSIBLE_UNIT");
        var theirs = await world.ProblemAtAsync("RESPONSIBLE_UNIT", projectId: OtherProjectId, raiser: OtherOwner);

        var page = await Client.ListProblemsAsync(new ListProblemsRequest { PageSize = 500 }, As(OtherOwner));
        var explicitlyOurs = await Client.ListProblemsAsync(new ListProblemsRequest { ProjectId = ProjectId }, As(OtherOwner));

        Assert.Contains(page.Problems, p => p.Id == theirs.Id);
        Assert.DoesNotContain(page.Problems, p => p.Id == ours.Id);
        Assert.All(page.Problems, p => Assert.Equal(OtherProjectId, p.ProjectId));
        Assert.Empty(explicitlyOurs.Problems);
    }

    [Fact]
    public async Task An_unknown_problem_is_not_found_before_any_permission_check()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetProblemAsync(new GetProblemRequest { ProblemId = Guid.NewGuid().ToString() }, As(OtherOwner)).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task A_problem_of_a_project_never_heard_of_is_the_drcs_and_its_alert_goes_to_the_drc()
    {
        var request = new RaiseProblemRequest { ProjectId = "p-unheard-of", Category = ProblemCategory.Utilities, Description = "施工用电未接入" };
        await AssertDeniedAsync(() => Client.RaiseProblemAsync(request, As(TestTokens.Owner("某业主"))).ResponseAsync);

        var problem = await Client.RaiseProblemAsync(request, As(TestTokens.Drc));

        var alerts = await Client.ListAlertsAsync(new ListAlertsRequest { RecipientId = "drc", PageSize = 500 }, As(TestTokens.Drc));
        var arrived = Assert.Single(alerts.Alerts, a => a.ProblemId == problem.Id);
        Assert.Equal("PROBLEM_ARRIVED", arrived.Code);
        await Client.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { AlertId = arrived.Id }, As(TestTokens.Drc));
        await Client.AcknowledgeProblemAsync(new AcknowledgeProblemRequest { ProblemId = problem.Id }, As(TestTokens.Drc));
    }

    [Fact]
    public async Task Alerts_of_nobody_in_particular_are_refused_as_an_invalid_argument()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ListAlertsAsync(new ListAlertsRequest(), As(OwnOwner)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    private static async Task AssertDeniedAsync(Func<Task> call) =>
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
}
