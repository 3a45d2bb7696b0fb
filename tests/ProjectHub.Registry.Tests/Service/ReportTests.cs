using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Registry.V1;
using ProjectHub.Testing;

namespace ProjectHub.Registry.Tests.Service;

public sealed class ReportTests(RegistryHost host) : IClassFixture<RegistryHost>
{
    private V1.ProjectRegistry.ProjectRegistryClient Client => host.Client;

    [Fact]
    public async Task Replacing_keeps_the_old_version_and_identical_resubmission_is_a_no_op()
    {
        var project = await Client.RegisterProjectAsync(Projects.Register(Projects.Fields("报告版本测试项目")));

        var first = await Client.SubmitProgressReportAsync(Projects.Report(project.Id, "48"), RegistryHost.AsOwner());
        var again = await Client.SubmitProgressReportAsync(Projects.Report(project.Id, "48.00"), RegistryHost.AsOwner());
        var auditAfterSame = (await Client.GetProjectHistoryAsync(new GetProjectHistoryRequest { ProjectId = project.Id })).Records.Count;
        var replaced = await Client.SubmitProgressReportAsync(Projects.Report(project.Id, "49", narrative: "更正：实测进度"), RegistryHost.AsOwner());

        Assert.Equal(SubmissionOutcome.New, first.Outcome);
        Assert.Equal(1, first.Report.Version);
        Assert.Equal("2026-W10", first.Report.PeriodName);
        // Planned by the week's Sunday 2026-03-08: day 188 of the 364-day linear plan.
        Assert.Equal("51.65", first.Report.PlannedPercent.Value);
        Assert.Equal(SubmissionOutcome.Unchanged, again.Outcome);
        Assert.Equal(1, again.Report.Version);
        Assert.Equal(SubmissionOutcome.Replaced, replaced.Outcome);
        Assert.Equal(2, replaced.Report.Version);

        var current = await Client.ListProgressReportsAsync(new ListProgressReportsRequest { ProjectId = project.Id });
        Assert.Equal("49", Assert.Single(current.Reports).CumulativePercent.Value);
        Assert.Equal("51.65", current.Reports[0].PlannedPercent.Value);
        var all = await Client.ListProgressReportsAsync(new ListProgressReportsRequest { ProjectId = project.Id, IncludeHistory = true });
        Assert.Equal([2, 1], all.Reports.Select(r => r.Version));
        Assert.Equal([true, false], all.Reports.Select(r => r.Current));
        Assert.Equal("48", all.Reports[1].CumulativePercent.Value);

        var history = await Client.GetProjectHistoryAsync(new GetProjectHistoryRequest { ProjectId = project.Id });
        Assert.Equal(["REGISTERED", "REPORT_SUBMITTED"], history.Records.Take(auditAfterSame).Select(r => r.Action));
        Assert.Equal("REPORT_REPLACED", history.Records[^1].Action);
        var reported = (await host.OutboxAsync()).Count(m => m.Type.EndsWith(".ProgressReported", StringComparison.Ordinal) && m.Payload.Contains(project.Id, StringComparison.Ordinal));
        Assert.Equal(2, reported);
    }

    [Fact]
    public async Task A_replacement_keeps_the_milestones_it_leaves_out_unless_withdrawn()
    {
        var fields = Projects.Fields("里程碑保留测试项目");
        fields.Baseline.Milestones.Add(new Milestone { Name = "开工", PlannedDate = "2025-10-01", CumulativePercent = new() { Value = "5" } });
        fields.Baseline.Milestones.Add(new Milestone { Name = "桩基完成", PlannedDate = "2026-02-28", CumulativePercent = new() { Value = "40" } });
        var project = await Client.RegisterProjectAsync(Projects.Register(fields));
        var first = Projects.Report(project.Id, "48");
        first.Report.ReachedMilestones.Add(new MilestoneReached { Name = "开工", ActualDate = "2025-10-01" });
        first.Report.ReachedMilestones.Add(new MilestoneReached { Name = "桩基完成", ActualDate = "2026-03-02" });
        await Client.SubmitProgressReportAsync(first, RegistryHost.AsOwner());

        // The owner corrects the percentage and names no milestone: both stay reached, and the answer says so.
        var corrected = await Client.SubmitProgressReportAsync(Projects.Report(project.Id, "49"), RegistryHost.AsOwner());
        Assert.Equal(SubmissionOutcome.Replaced, corrected.Outcome);
        Assert.Equal(["开工", "桩基完成"], corrected.KeptMilestones.Select(m => m.Name).Order());
        Assert.Equal(["开工", "桩基完成"], corrected.Report.ReachedMilestones.Select(m => m.Name).Order());

        // The same figures again without milestones change nothing.
        var again = await Client.SubmitProgressReportAsync(Projects.Report(project.Id, "49"), RegistryHost.AsOwner());
        Assert.Equal(SubmissionOutcome.Unchanged, again.Outcome);

        // Withdrawn by name: gone from the new version; the earlier versions keep it as history.
        var withdraw = Projects.Report(project.Id, "49");
        withdraw.WithdrawnMilestones.Add("桩基完成");
        var withdrawn = await Client.SubmitProgressReportAsync(withdraw, RegistryHost.AsOwner());
        Assert.Equal(3, withdrawn.Report.Version);
        Assert.Equal("开工", Assert.Single(withdrawn.Report.ReachedMilestones).Name);
        Assert.Equal("开工", Assert.Single(withdrawn.KeptMilestones).Name);

        // Withdrawing what is not reached is refused and stores nothing.
        var wrong = Projects.Report(project.Id, "50");
        wrong.WithdrawnMilestones.Add("桩基完成");
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.SubmitProgressReportAsync(wrong, RegistryHost.AsOwner()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("withdrawn_milestones[0]", Assert.Single(error.FieldViolations()).Field);
        Assert.Equal(3, await host.InDatabase(db => db.Reports.CountAsync(r => r.ProjectId == project.Id)));
    }

    [Fact]
    public async Task Invalid_report_names_its_fields_and_stores_nothing()
    {
        var project = await Client.RegisterProjectAsync(Projects.Register(Projects.Fields("报告校验测试项目")));
        var request = Projects.Report(project.Id, "120", periodInvestment: "-1", monday: "2026-03-03");

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.SubmitProgressReportAsync(request, RegistryHost.AsOwner()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.FieldViolations().Select(v => v.Field).ToHashSet();
        Assert.Contains("report.cumulative_percent", fields);
        Assert.Contains("report.period_investment", fields);
        Assert.Contains("report.period", fields);
        Assert.Equal(0, await host.InDatabase(db => db.Reports.CountAsync(r => r.ProjectId == project.Id)));
    }

    [Fact]
    public async Task A_lagging_report_turns_the_light_red_and_publishes_ProjectLightChanged()
    {
        var project = await Client.RegisterProjectAsync(Projects.Register(Projects.Fields("滞后测试项目")));
        Assert.Equal(Light.Green, project.Light.Light);

        var response = await Client.SubmitProgressReportAsync(Projects.Report(project.Id, "10"), RegistryHost.AsOwner());

        Assert.Equal(Light.Red, response.Light.Light);
        Assert.Equal("LAG_RED", response.Light.Reasons[0].Code);
        Assert.Equal("50", decimal.Parse(response.Light.PlannedPercent.Value, System.Globalization.CultureInfo.InvariantCulture).ToString("0", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("10", response.Light.ActualPercent.Value);
        Assert.Equal(Light.Red, (await Client.GetLightAsync(new GetLightRequest { ProjectId = project.Id })).Light);

        var history = await Client.GetLightHistoryAsync(new GetLightHistoryRequest { ProjectId = project.Id });
        Assert.Equal([(Light.None, Light.Green), (Light.Green, Light.Red)], history.Entries.Select(e => (e.From, e.To)));

        var changed = (await host.OutboxAsync()).Single(m =>
            m.Type.EndsWith(".ProjectLightChanged", StringComparison.Ordinal)
            && m.Payload.Contains(project.Id, StringComparison.Ordinal)
            && m.Payload.Contains("\"to\":\"RED\"", StringComparison.Ordinal));
        Assert.Contains("LAG_RED", changed.Payload, StringComparison.Ordinal);

        // The relay publishes it on the bus and marks it sent.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        DateTimeOffset? sent = null;
        while (sent is null && DateTime.UtcNow < deadline)
        {
            sent = (await host.OutboxAsync()).Single(m => m.Id == changed.Id).SentAt;
            await Task.Delay(50);
        }

        Assert.NotNull(sent);
    }
}
