using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Registry.V1;
using ProjectHub.Testing;

namespace ProjectHub.Registry.Tests.Service;

public sealed class ProjectTests(RegistryHost host) : IClassFixture<RegistryHost>
{
    private V1.ProjectRegistry.ProjectRegistryClient Client => host.Client;

    [Fact]
    public async Task Register_then_get_returns_the_stored_project()
    {
        var fields = Projects.Fields("滨江大道综合改造工程", ownerUnit: "注册测试业主");
        fields.Baseline.Milestones.Add(new Milestone { Name = "主体封顶", PlannedDate = "2026-05-31", CumulativePercent = new() { Value = "60" } });
        var created = await Client.RegisterProjectAsync(Projects.Register(fields), RegistryHost.AsDrc("drc-li"));

        var fetched = await Client.GetProjectAsync(new GetProjectRequest { ProjectId = created.Id });

        Assert.Equal("滨江大道综合改造工程", fetched.Fields.Name);
        Assert.Equal(ProjectStage.UnderConstruction, fetched.Stage);
        Assert.Equal("5000", fetched.Fields.TotalInvestment.Value);
        Assert.Equal("2025-09-01", fetched.ActualStart);
        Assert.Equal(1, fetched.BaselineVersion);
        Assert.Equal("主体封顶", Assert.Single(fetched.Fields.Baseline.Milestones).Name);
        Assert.Equal(Light.Green, fetched.Light.Light);
        var outbox = await host.OutboxAsync();
        Assert.Contains(outbox, m => m.Type.EndsWith(".ProjectRegistered", StringComparison.Ordinal) && m.Payload.Contains(created.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_registration_names_every_bad_field_and_stores_nothing()
    {
        var before = await host.InDatabase(db => db.Projects.CountAsync());
        var outboxBefore = (await host.OutboxAsync()).Count;
        var fields = Projects.Fields("", total: "-5", start: "2026-13-01");
        fields.OwnerUnit = "";

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RegisterProjectAsync(Projects.Register(fields)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fieldsInError = error.FieldViolations().Select(v => v.Field).ToHashSet();
        Assert.Contains("project.name", fieldsInError);
        Assert.Contains("project.total_investment", fieldsInError);
        Assert.Contains("project.planned_start", fieldsInError);
        Assert.Contains("project.owner_unit", fieldsInError);
        Assert.Equal(before, await host.InDatabase(db => db.Projects.CountAsync()));
        Assert.Equal(outboxBefore, (await host.OutboxAsync()).Count);
    }

    [Fact]
    public async Task Unknown_project_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetProjectAsync(new GetProjectRequest { ProjectId = "no-such-project" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);

        var report = await Assert.ThrowsAsync<RpcException>(() =>
            Client.SubmitProgressReportAsync(Projects.Report("no-such-project", "10"), RegistryHost.AsOwner()).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, report.StatusCode);
    }

    [Fact]
    public async Task Paging_is_stable_and_complete_across_pages()
    {
        const string owner = "分页测试业主";
        for (var i = 0; i < 5; i++)
        {
            await Client.RegisterProjectAsync(Projects.Register(Projects.Fields($"分页项目{i}", ownerUnit: owner)));
            host.Clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        var all = await Client.ListProjectsAsync(new ListProjectsRequest { OwnerUnit = owner, PageSize = 50 });
        var paged = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await Client.ListProjectsAsync(new ListProjectsRequest { OwnerUnit = owner, PageSize = 2, PageToken = token });
            paged.AddRange(page.Projects.Select(p => p.Id));
            token = page.NextPageToken;
            pages++;
        }
        while (token != "");

        Assert.Equal(5, all.Projects.Count);
        Assert.Equal(3, pages);
        Assert.Equal(all.Projects.Select(p => p.Id), paged);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"分页项目{i}"), all.Projects.Select(p => p.Fields.Name));

        var byName = await Client.ListProjectsAsync(new ListProjectsRequest { OwnerUnit = owner, NameContains = "项目3" });
        Assert.Equal("分页项目3", Assert.Single(byName.Projects).Fields.Name);

        var badToken = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ListProjectsAsync(new ListProjectsRequest { PageToken = "!!" }).ResponseAsync);
        Assert.Contains(badToken.FieldViolations(), v => v.Field == "page_token");
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_trail_with_who_and_why()
    {
        var created = await Client.RegisterProjectAsync(
            Projects.Register(Projects.Fields("审计测试项目", ownerUnit: "审计测试业主"), ProjectStage.PreConstruction), RegistryHost.AsDrc("drc-li"));

        var noReason = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateProjectAsync(new UpdateProjectRequest
        {
            ProjectId = created.Id,
            Project = new ProjectFields { Name = "新名" },
            UpdateMask = new FieldMask { Paths = { "name" } },
        }).ResponseAsync);
        Assert.Contains(noReason.FieldViolations(), v => v.Field == "reason");

        var updated = await Client.UpdateProjectAsync(new UpdateProjectRequest
        {
            ProjectId = created.Id,
            Project = new ProjectFields { Name = "审计测试项目（一期）", LeaderInCharge = "李副市长" },
            UpdateMask = new FieldMask { Paths = { "name", "leader_in_charge" } },
            Reason = "分期实施",
        }, RegistryHost.AsDrc("drc-wang"));
        Assert.Equal("审计测试项目（一期）", updated.Fields.Name);
        Assert.Equal("李副市长", updated.Fields.LeaderInCharge);

        var replan = new ReplanProjectRequest { ProjectId = created.Id, Reason = "用地调整", Baseline = new Baseline() };
        replan.Baseline.Milestones.Add(new Milestone { Name = "开工", PlannedDate = "2025-10-01", CumulativePercent = new() { Value = "5" } });
        var replanned = await Client.ReplanProjectAsync(replan, RegistryHost.AsDrc("drc-wang"));
        Assert.Equal(2, replanned.BaselineVersion);

        await Client.ChangeStageAsync(new ChangeStageRequest { ProjectId = created.Id, Stage = ProjectStage.UnderConstruction, Reason = "已开工", ActualStart = "2026-03-01" }, RegistryHost.AsDrc("drc-zhao"));
        var exited = await Client.ExitProjectAsync(new ExitProjectRequest { ProjectId = created.Id, Reason = "资金无法落实" });
        Assert.Equal(ProjectStage.Exited, exited.Stage);
        Assert.Equal(Light.None, exited.Light.Light);

        var history = await Client.GetProjectHistoryAsync(new GetProjectHistoryRequest { ProjectId = created.Id });
        Assert.Equal(["REGISTERED", "UPDATED", "REPLANNED", "STAGE_CHANGED", "EXITED"], history.Records.Select(r => r.Action));
        var update = history.Records[1];
        Assert.Equal("drc-wang", update.Actor);
        Assert.Equal("分期实施", update.Reason);
        Assert.Contains("name: 审计测试项目 → 审计测试项目（一期）", update.Changes);
        Assert.Equal("drc-li", history.Records[0].Actor);
        Assert.Equal(TestTokens.Drc.Subject, history.Records[4].Actor); // the client's default token
        Assert.Equal([1, 2], history.Baselines.Select(b => b.Version));
        Assert.Empty(history.Baselines[0].Baseline.Milestones);
        Assert.Equal("用地调整", history.Baselines[1].Reason);

        var types = (await host.OutboxAsync()).Where(m => m.Payload.Contains(created.Id, StringComparison.Ordinal)).Select(m => m.Type.Split('.')[^1]).ToList();
        Assert.Contains("ProjectUpdated", types);
        Assert.Contains("ProjectStageChanged", types);
        Assert.Contains("ProjectExited", types);

        var closed = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ExitProjectAsync(new ExitProjectRequest { ProjectId = created.Id, Reason = "again" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, closed.StatusCode);
    }

    [Fact]
    public async Task Update_mask_refuses_the_baseline_and_unknown_fields_and_changes_nothing()
    {
        var created = await Client.RegisterProjectAsync(Projects.Register(Projects.Fields("掩码测试项目")));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateProjectAsync(new UpdateProjectRequest
        {
            ProjectId = created.Id,
            Project = new ProjectFields { Name = "改名" },
            UpdateMask = new FieldMask { Paths = { "name", "baseline", "colour" } },
            Reason = "试图绕过重新计划",
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(2, error.FieldViolations().Count(v => v.Field == "update_mask"));
        Assert.Equal("掩码测试项目", (await Client.GetProjectAsync(new GetProjectRequest { ProjectId = created.Id })).Fields.Name);
        var history = await Client.GetProjectHistoryAsync(new GetProjectHistoryRequest { ProjectId = created.Id });
        Assert.Equal(["REGISTERED"], history.Records.Select(r => r.Action));
    }

    [Fact]
    public async Task Not_started_six_months_after_the_planned_start_is_an_exit_candidate_and_red()
    {
        var stale = await Client.RegisterProjectAsync(Projects.Register(
            Projects.Fields("长期未开工测试项目", start: "2025-08-01", completion: "2027-08-01"), ProjectStage.PreConstruction));
        var fresh = await Client.RegisterProjectAsync(Projects.Register(
            Projects.Fields("近期开工测试项目", start: "2026-02-01", completion: "2027-08-01"), ProjectStage.PreConstruction));

        var candidates = await Client.ListExitCandidatesAsync(new ListExitCandidatesRequest());

        var candidate = Assert.Single(candidates.Candidates, c => c.ProjectId == stale.Id);
        Assert.Equal("长期未开工测试项目", candidate.ProjectName);
        Assert.Contains(candidate.Reasons, r => r.Code == "NOT_STARTED_PROLONGED");
        Assert.DoesNotContain(candidates.Candidates, c => c.ProjectId == fresh.Id);
        Assert.Equal(Light.Red, stale.Light.Light);
        Assert.Equal(Light.Yellow, fresh.Light.Light);

        var reds = await Client.ListProjectsAsync(new ListProjectsRequest { Light = Light.Red, Stage = ProjectStage.PreConstruction });
        Assert.Contains(reds.Projects, p => p.Id == stale.Id);
        Assert.DoesNotContain(reds.Projects, p => p.Id == fresh.Id);
    }
}
