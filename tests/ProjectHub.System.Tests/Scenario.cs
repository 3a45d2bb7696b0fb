using System.Globalization;
using ProjectHub.Escalation.Client;
using ProjectHub.Escalation.V1;
using ProjectHub.Registry.Client;
using ProjectHub.Registry.V1;
using RegistryDecimal = ProjectHub.Registry.V1.Decimal;

namespace ProjectHub.System.Tests;

/// <summary>
/// The user story every test drives: a project under construction that is far behind its baseline, and its weekly
/// report. Dates are relative to today in Shanghai because the services run on the real clock.
/// </summary>
public static class Scenario
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static DateOnly ThisMonday => Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7));

    /// <summary>Fields of a project whose baseline says 50% long ago; <paramref name="responsibleUnit"/> gets its alerts.</summary>
    public static ProjectFields LaggingProject(string name, string responsibleUnit)
    {
        var start = Today.AddDays(-320);
        return new ProjectFields
        {
            Name = name,
            Tier = ProjectTier.MunicipalMajor,
            Industry = "交通",
            Locality = "滨江区",
            OwnerUnit = "市城投集团",
            ResponsibleUnit = responsibleUnit,
            IndustryDepartment = "交通局",
            LeaderInCharge = "王副市长",
            ResponsiblePerson = "李工",
            ResponsibleContact = "13800000000",
            TotalInvestment = new RegistryDecimal { Value = "185000" },
            YearPlannedInvestment = new RegistryDecimal { Value = "42000" },
            PlannedStart = Iso(start),
            PlannedCompletion = Iso(Today.AddDays(400)),
            Baseline = new Baseline
            {
                Milestones =
                {
                    new Milestone { Name = "桩基完成", PlannedDate = Iso(start.AddDays(180)), CumulativePercent = new RegistryDecimal { Value = "50" } },
                    new Milestone { Name = "竣工验收", PlannedDate = Iso(Today.AddDays(400)), CumulativePercent = new RegistryDecimal { Value = "100" } },
                },
            },
        };
    }

    public static Task<Project> RegisterAsync(ProjectRegistryClient registry, ProjectFields fields, CallOptions options = default) =>
        registry.RegisterProjectAsync(new RegisterProjectRequest { Project = fields, Stage = ProjectStage.UnderConstruction }, options).ResponseAsync;

    /// <summary>This week's report at 10% against a baseline past 50%: the light turns RED.</summary>
    public static SubmitProgressReportRequest LaggingReport(string projectId, string narrative = "征迁未完成，主线施工受阻") => new()
    {
        Report = new ProgressReport
        {
            ProjectId = projectId,
            PeriodStart = Iso(ThisMonday),
            PeriodEnd = Iso(ThisMonday.AddDays(6)),
            CumulativePercent = new RegistryDecimal { Value = "10" },
            PeriodInvestment = new RegistryDecimal { Value = "500" },
            CumulativeInvestment = new RegistryDecimal { Value = "9000" },
            Workers = 120,
            State = ConstructionState.Slowed,
            Narrative = narrative,
        },
    };

    public static CallOptions Within(TimeSpan timeout) => new CallOptions().WithDeadlineAfter(timeout);

    /// <summary>Re-reads until <paramref name="done"/> holds; fails with every service's output after 60 s (2 shared cores).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, SystemFixture system, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{what}: not reached within 60 s\n{system.Output}");
            await Task.Delay(250);
        }
    }

    public static EscalationClient EscalationOf(SystemFixture system) => new(system.Escalation.Channel);

    public static ProjectRegistryClient RegistryOf(SystemFixture system) => new(system.Registry.Channel);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
