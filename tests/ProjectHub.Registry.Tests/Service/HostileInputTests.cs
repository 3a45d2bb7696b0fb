using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ProjectHub.Registry.V1;
using ProjectHub.Testing;

namespace ProjectHub.Registry.Tests.Service;

/// <summary>Hostile values are refused naming their field, and errors quote at most a short prefix of what was sent.</summary>
public sealed class HostileInputTests(RegistryHost host) : IClassFixture<RegistryHost>
{
    private const string Control = "原因\u0000\u001b[2J";

    private static readonly string Huge = new('字', 100_000);

    private V1.ProjectRegistry.ProjectRegistryClient Client => host.Client;

    [Fact]
    public async Task A_reason_with_control_characters_is_refused_by_every_change()
    {
        var created = await Client.RegisterProjectAsync(Projects.Register(Projects.Fields("控制字符测试项目")));
        var calls = new Func<Task>[]
        {
            () => Client.UpdateProjectAsync(new UpdateProjectRequest
            {
                ProjectId = created.Id, Project = new ProjectFields { Name = "改名" }, UpdateMask = new FieldMask { Paths = { "name" } }, Reason = Control,
            }).ResponseAsync,
            () => Client.ReplanProjectAsync(new ReplanProjectRequest { ProjectId = created.Id, Baseline = new Baseline(), Reason = Control }).ResponseAsync,
            () => Client.ChangeStageAsync(new ChangeStageRequest { ProjectId = created.Id, Stage = ProjectStage.Completed, Reason = Control }).ResponseAsync,
            () => Client.ExitProjectAsync(new ExitProjectRequest { ProjectId = created.Id, Reason = Control }).ResponseAsync,
        };

        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            Assert.Contains(error.FieldViolations(), v => v.Field == "reason" && v.Description.Contains("控制字符", StringComparison.Ordinal));
        }

        var history = await Client.GetProjectHistoryAsync(new GetProjectHistoryRequest { ProjectId = created.Id });
        Assert.Equal(["REGISTERED"], history.Records.Select(r => r.Action));
    }

    [Fact]
    public async Task A_multi_line_reason_is_accepted()
    {
        var created = await Client.RegisterProjectAsync(Projects.Register(Projects.Fields("多行原因测试项目")));

        var exited = await Client.ExitProjectAsync(new ExitProjectRequest { ProjectId = created.Id, Reason = "资金无法落实：\r\n\t一、…\n\t二、…" });

        Assert.Equal(ProjectStage.Exited, exited.Stage);
    }

    [Fact]
    public async Task Replanning_over_the_milestone_limit_is_one_violation()
    {
        var created = await Client.RegisterProjectAsync(Projects.Register(Projects.Fields("里程碑上限测试项目")));
        var request = new ReplanProjectRequest { ProjectId = created.Id, Baseline = new Baseline(), Reason = "里程碑太多" };
        request.Baseline.Milestones.AddRange(Enumerable.Range(0, 5000).Select(_ => new Milestone { Name = "同名", PlannedDate = "bad" }));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ReplanProjectAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.FieldViolations());
        Assert.Equal(("baseline.milestones", "计划基线最多 100 个里程碑，当前有 5000 个。"), (violation.Field, violation.Description));
    }

    [Fact]
    public async Task Errors_quote_only_a_short_prefix_of_the_input()
    {
        var created = await Client.RegisterProjectAsync(Projects.Register(Projects.Fields("引用测试项目")));
        var errors = new[]
        {
            await Assert.ThrowsAsync<RpcException>(() => Client.GetProjectAsync(new GetProjectRequest { ProjectId = Huge }).ResponseAsync),
            await Assert.ThrowsAsync<RpcException>(() => Client.UpdateProjectAsync(new UpdateProjectRequest
            {
                ProjectId = created.Id, Project = new ProjectFields(), UpdateMask = new FieldMask { Paths = { Huge } }, Reason = "改",
            }).ResponseAsync),
            await Assert.ThrowsAsync<RpcException>(() => Client.UpdateProjectAsync(new UpdateProjectRequest
            {
                ProjectId = created.Id, Project = new ProjectFields { TotalInvestment = new() { Value = Huge }, PlannedStart = Huge },
                UpdateMask = new FieldMask { Paths = { "total_investment", "planned_start" } }, Reason = "改",
            }).ResponseAsync),
        };

        Assert.Equal([StatusCode.NotFound, StatusCode.InvalidArgument, StatusCode.InvalidArgument], errors.Select(e => e.StatusCode));
        Assert.StartsWith("没有编号为 \"" + Huge[..40] + "…\" 的项目", errors[0].Status.Detail, StringComparison.Ordinal);
        Assert.All(errors, e => Assert.True(e.Status.Detail.Length < 500, e.Status.Detail));
        Assert.All(errors.SelectMany(e => e.FieldViolations()), v => Assert.True(v.Description.Length < 200, v.Description));
        Assert.Contains(errors[2].FieldViolations(), v => v.Field == "project.total_investment" && v.Description.StartsWith("\"" + Huge[..40] + "…\" 不是有效的十进制数", StringComparison.Ordinal));
    }
}
