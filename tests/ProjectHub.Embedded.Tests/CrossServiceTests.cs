using System.Globalization;
using ProjectHub.Escalation.Client;
using ProjectHub.Escalation.V1;
using ProjectHub.Grpc;
using ProjectHub.Registry.Client;
using ProjectHub.Registry.V1;
using RegistryDecimal = ProjectHub.Registry.V1.Decimal;

namespace ProjectHub.Embedded.Tests;

/// <summary>
/// One user action across services in the real embedded process: a lagging weekly report makes the registry turn the
/// project RED, and the escalation service opens one supervision problem and alerts the unit, the department and the
/// leader in charge — all through the outbox and the in-process bus.
/// </summary>
public sealed class CrossServiceTests
{
    [Fact]
    public async Task A_lagging_report_becomes_a_supervision_problem_and_red_alerts()
    {
        await using var host = EmbeddedProcess.Start();
        using var registryChannel = GrpcChannel.ForAddress($"http://127.0.0.1:{host.Ports[0]}");
        using var escalationChannel = GrpcChannel.ForAddress($"http://127.0.0.1:{host.Ports[2]}");
        await EmbeddedHostTests.WaitServingAsync(registryChannel, host);
        await EmbeddedHostTests.WaitServingAsync(escalationChannel, host);
        var registry = new ProjectRegistryClient(registryChannel);
        var escalation = new EscalationClient(escalationChannel);

        // Dates relative to today in Shanghai, because the process runs on the real clock.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var start = today.AddDays(-320);
        var fields = new ProjectFields
        {
            Name = "滨江大道快速化改造工程",
            Tier = ProjectTier.MunicipalMajor,
            Industry = "交通",
            Locality = "滨江区",
            OwnerUnit = "市城投集团",
            ResponsibleUnit = "市交通运输局",
            IndustryDepartment = "交通局",
            LeaderInCharge = "王副市长",
            ResponsiblePerson = "李工",
            ResponsibleContact = "13800000000",
            TotalInvestment = new RegistryDecimal { Value = "185000" },
            YearPlannedInvestment = new RegistryDecimal { Value = "42000" },
            PlannedStart = Iso(start),
            PlannedCompletion = Iso(today.AddDays(400)),
            Baseline = new Baseline
            {
                Milestones =
                {
                    new Milestone { Name = "桩基完成", PlannedDate = Iso(start.AddDays(180)), CumulativePercent = new RegistryDecimal { Value = "50" } },
                    new Milestone { Name = "竣工验收", PlannedDate = Iso(today.AddDays(400)), CumulativePercent = new RegistryDecimal { Value = "100" } },
                },
            },
        };
        var project = await registry.RegisterProjectAsync(new RegisterProjectRequest { Project = fields, Stage = ProjectStage.UnderConstruction });

        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var submitted = await registry.SubmitProgressReportAsync(new SubmitProgressReportRequest
        {
            Report = new ProgressReport
            {
                ProjectId = project.Id,
                PeriodStart = Iso(monday),
                PeriodEnd = Iso(monday.AddDays(6)),
                CumulativePercent = new RegistryDecimal { Value = "10" },
                PeriodInvestment = new RegistryDecimal { Value = "500" },
                CumulativeInvestment = new RegistryDecimal { Value = "9000" },
                Workers = 120,
                State = ConstructionState.Slowed,
                Narrative = "征迁未完成，主线施工受阻",
            },
        });
        Assert.Equal(Light.Red, submitted.Light.Light);

        var problems = await EventuallyAsync(async () =>
            (await escalation.ListProblemsAsync(new ListProblemsRequest { ProjectId = project.Id })).Problems.ToList(),
            list => list.Count > 0, host);
        var supervision = Assert.Single(problems);
        Assert.Equal(ProblemKind.Supervision, supervision.Kind);
        Assert.Equal(1, supervision.Tier.Number);

        foreach (var recipient in new[] { fields.ResponsibleUnit, fields.IndustryDepartment, fields.LeaderInCharge })
        {
            var alerts = await EventuallyAsync(async () =>
                (await escalation.ListAlertsAsync(new ListAlertsRequest { RecipientId = recipient })).Alerts.ToList(),
                list => list.Any(a => a.Code == "PROJECT_RED" && a.ProjectId == project.Id), host);
            Assert.Single(alerts, a => a.Code == "PROJECT_RED" && a.ProjectId == project.Id);
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, EmbeddedProcess host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"not reached within 30 s:\n{host.Output}");
            await Task.Delay(200);
        }
    }
}
