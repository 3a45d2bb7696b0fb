using Grpc.Core;
using Grpc.Health.V1;
using ProjectHub.Registry.V1;
using ProjectHub.Testing;

namespace ProjectHub.Registry.Tests.Service;

/// <summary>Issue #7 beyond the matrix: who the audit names, what needs a token, and how scoped reads behave.</summary>
public sealed class AccessTests(RegistryHost host) : IClassFixture<RegistryHost>
{
    [Fact]
    public async Task The_audit_names_the_tokens_subject_even_a_chinese_one()
    {
        var drc = RegistryHost.As(TestTokens.Drc with { Subject = "李伟" });
        var owner = RegistryHost.As(TestTokens.Owner("审计业主", subject: "王芳"));
        var project = await host.Bare.RegisterProjectAsync(Projects.Register(Projects.Fields("主体测试项目", ownerUnit: "审计业主")), drc);
        await host.Bare.SubmitProgressReportAsync(Projects.Report(project.Id, "48"), owner);

        var history = await host.Bare.GetProjectHistoryAsync(new GetProjectHistoryRequest { ProjectId = project.Id }, drc);
        var reports = await host.Bare.ListProgressReportsAsync(new ListProgressReportsRequest { ProjectId = project.Id }, owner);

        Assert.Equal(["李伟", "王芳"], history.Records.Select(r => r.Actor));
        Assert.Equal("李伟", history.Baselines[0].CreatedBy);
        Assert.Equal("王芳", Assert.Single(reports.Reports).SubmittedBy);
    }

    [Fact]
    public async Task No_token_is_unauthenticated_while_health_stays_open()
    {
        var none = await Assert.ThrowsAsync<RpcException>(() =>
            host.Bare.ListProjectsAsync(new ListProjectsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, none.StatusCode);

        // The old header is no identity any more.
        var header = await Assert.ThrowsAsync<RpcException>(() => host.Bare.RegisterProjectAsync(
            Projects.Register(Projects.Fields("旧头测试项目")), new CallOptions(new Metadata { { "x-actor", "drc-li" } })).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, header.StatusCode);

        var health = await new Health.HealthClient(host.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task A_scoped_caller_gets_not_found_for_an_unknown_id_and_denied_for_anothers_project()
    {
        var project = await host.Client.RegisterProjectAsync(Projects.Register(Projects.Fields("他人项目", ownerUnit: "某业主")));
        var stranger = RegistryHost.As(TestTokens.Owner("另一业主"));

        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            host.Bare.GetProjectAsync(new GetProjectRequest { ProjectId = "no-such-project" }, stranger).ResponseAsync);
        var others = await Assert.ThrowsAsync<RpcException>(() =>
            host.Bare.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id }, stranger).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, others.StatusCode);
        Assert.Contains("另一业主", others.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_responsible_unit_acts_as_the_projects_owner()
    {
        var project = await host.Client.RegisterProjectAsync(Projects.Register(
            Projects.Fields("责任单位测试项目", ownerUnit: "某城投", responsibleUnit: "某区住建局")));
        var responsible = RegistryHost.As(TestTokens.Owner("某区住建局"));

        var response = await host.Bare.SubmitProgressReportAsync(Projects.Report(project.Id, "48"), responsible);
        var read = await host.Bare.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id }, responsible);

        Assert.Equal(SubmissionOutcome.New, response.Outcome);
        Assert.Equal(project.Id, read.Id);
    }

    [Fact]
    public async Task A_refused_write_is_refused_before_the_request_is_even_checked()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            host.Bare.RegisterProjectAsync(new RegisterProjectRequest(), RegistryHost.As(TestTokens.Inspector)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Empty(error.FieldViolations());
    }

    [Fact]
    public async Task A_scoped_list_is_filtered_in_the_query_so_pages_stay_full()
    {
        for (var i = 0; i < 5; i++)
        {
            await host.Client.RegisterProjectAsync(Projects.Register(
                Projects.Fields($"分页范围项目{i}", ownerUnit: i % 2 == 0 ? "分页业主" : "分页他人")));
        }

        var owner = RegistryHost.As(TestTokens.Owner("分页业主"));
        var first = await host.Bare.ListProjectsAsync(new ListProjectsRequest { PageSize = 2 }, owner);
        var second = await host.Bare.ListProjectsAsync(new ListProjectsRequest { PageSize = 2, PageToken = first.NextPageToken }, owner);
        var asked = await host.Bare.ListProjectsAsync(new ListProjectsRequest { OwnerUnit = "分页他人" }, owner);

        Assert.Equal(2, first.Projects.Count);
        Assert.NotEmpty(first.NextPageToken);
        // Same instant on the hand-set clock: the order among them is the id's, so compare the set.
        Assert.Equal(["分页范围项目0", "分页范围项目2", "分页范围项目4"], first.Projects.Concat(second.Projects).Select(p => p.Fields.Name).Order(StringComparer.Ordinal));
        Assert.Empty(second.NextPageToken);
        Assert.Empty(asked.Projects);
    }

    [Fact]
    public async Task The_board_and_ranking_of_a_scoped_caller_count_only_its_projects()
    {
        await host.Client.RegisterProjectAsync(Projects.Register(Projects.Fields("看板范围项目一", department: "看板测试局", responsibleUnit: "看板单位甲")));
        await host.Client.RegisterProjectAsync(Projects.Register(Projects.Fields("看板范围项目二", department: "看板测试局", responsibleUnit: "看板单位乙")));
        await host.Client.RegisterProjectAsync(Projects.Register(Projects.Fields("看板范围项目三", department: "看板他局", responsibleUnit: "看板单位丙")));
        var department = RegistryHost.As(TestTokens.Department("看板测试局"));

        var board = await host.Bare.GetBoardAsync(new GetBoardRequest(), department);
        var ranking = await host.Bare.RankUnitsAsync(new RankUnitsRequest(), department);
        var everything = await host.Client.GetBoardAsync(new GetBoardRequest());

        Assert.Equal(2, board.Totals.Red + board.Totals.Yellow + board.Totals.Green + board.Totals.Unlit);
        Assert.Equal("看板测试局", Assert.Single(board.ByIndustryDepartment).Key);
        Assert.Equal(["看板单位乙", "看板单位甲"], ranking.Ranks.Select(r => r.Unit).Order(StringComparer.Ordinal));
        Assert.Contains(everything.ByIndustryDepartment, r => r.Key == "看板他局");
    }
}
