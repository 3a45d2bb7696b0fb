using System.Globalization;
using ProjectHub.Bench.Services;
using ProjectHub.Registry.V1;
using RegistryDecimal = ProjectHub.Registry.V1.Decimal;

namespace ProjectHub.Bench.Alerts;

/// <summary>
/// The end-to-end tests' lagging story (tests/ProjectHub.Testing/Scenarios/LaggingScenario.cs), for the driver: a
/// project under construction whose 50 % milestone passed long ago, then this week's report at 10 % — more than 30
/// points behind, so the light turns RED and the escalation service alerts the responsible unit.
/// </summary>
public static class LaggingProject
{
    public static RegisterProjectRequest Registration(string name, string responsibleUnit)
    {
        var today = RegistrySeeder.Today;
        var start = today.AddDays(-320);
        return new RegisterProjectRequest
        {
            Stage = ProjectStage.UnderConstruction,
            Project = new ProjectFields
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
                TotalInvestment = Money("185000"),
                YearPlannedInvestment = Money("42000"),
                PlannedStart = Iso(start),
                PlannedCompletion = Iso(today.AddDays(400)),
                Baseline = new Baseline
                {
                    Milestones =
                    {
                        new Milestone { Name = "桩基完成", PlannedDate = Iso(start.AddDays(180)), CumulativePercent = Money("50") },
                        new Milestone { Name = "竣工验收", PlannedDate = Iso(today.AddDays(400)), CumulativePercent = Money("100") },
                    },
                },
            },
        };
    }

    public static SubmitProgressReportRequest LaggingReport(string projectId)
    {
        var today = RegistrySeeder.Today;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return new SubmitProgressReportRequest
        {
            Report = new ProgressReport
            {
                ProjectId = projectId,
                PeriodStart = Iso(monday),
                PeriodEnd = Iso(monday.AddDays(6)),
                CumulativePercent = Money("10"),
                PeriodInvestment = Money("500"),
                CumulativeInvestment = Money("9000"),
                Workers = 120,
                State = ConstructionState.Slowed,
                Narrative = "征迁未完成，主线施工受阻",
            },
        };
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static RegistryDecimal Money(string value) => new() { Value = value };
}
