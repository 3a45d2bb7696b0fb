using System.Globalization;
using ProjectHub.Registry.V1;
using RegistryDecimal = ProjectHub.Type.V1.Decimal;

namespace ProjectHub.Testing.Scenarios;

/// <summary>
/// The story the end-to-end tests drive: a project under construction whose baseline passed 50 % long ago, and this
/// week's report at 10 % — far more than 30 points behind, so the light turns RED. Dates are relative to today in
/// Shanghai because those tests run the services on the real clock.
/// </summary>
public static class LaggingScenario
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static DateOnly ThisMonday => Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7));

    public static ProjectFields Project(string name = "滨江大道快速化改造工程", string responsibleUnit = "市交通运输局")
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
            TotalInvestment = Money("185000"),
            YearPlannedInvestment = Money("42000"),
            PlannedStart = Iso(start),
            PlannedCompletion = Iso(Today.AddDays(400)),
            Baseline = new Baseline
            {
                Milestones =
                {
                    new Milestone { Name = "桩基完成", PlannedDate = Iso(start.AddDays(180)), CumulativePercent = Money("50") },
                    new Milestone { Name = "竣工验收", PlannedDate = Iso(Today.AddDays(400)), CumulativePercent = Money("100") },
                },
            },
        };
    }

    public static RegisterProjectRequest Registration(ProjectFields fields) =>
        new() { Project = fields, Stage = ProjectStage.UnderConstruction };

    /// <summary>This week's report at 10 %.</summary>
    public static ProgressReport Report(string projectId, string narrative = "征迁未完成，主线施工受阻") => new()
    {
        ProjectId = projectId,
        PeriodStart = Iso(ThisMonday),
        PeriodEnd = Iso(ThisMonday.AddDays(6)),
        CumulativePercent = Money("10"),
        PeriodInvestment = Money("500"),
        CumulativeInvestment = Money("9000"),
        Workers = 120,
        State = ConstructionState.Slowed,
        Narrative = narrative,
    };

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static RegistryDecimal Money(string value) => new() { Value = value };
}
