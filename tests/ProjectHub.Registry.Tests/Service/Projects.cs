using ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Tests.Service;

/// <summary>Request builders with believable defaults; tests override what they are about.</summary>
public static class Projects
{
    /// <summary>
    /// Planned 2025-09-01 to 2026-08-31 (364 days), no milestones: linear, so on 2026-03-02 (182 days in) the plan
    /// says exactly 50.00 %.
    /// </summary>
    public static ProjectFields Fields(string name, string ownerUnit = "市城投集团", string responsibleUnit = "市住建局",
        string department = "住建局", string locality = "鼓楼区", string leader = "张副市长",
        ProjectTier tier = ProjectTier.MunicipalMajor, string total = "5000", string yearPlan = "1000",
        string start = "2025-09-01", string completion = "2026-08-31") => new()
    {
        Name = name,
        Tier = tier,
        Industry = "城市建设",
        Locality = locality,
        OwnerUnit = ownerUnit,
        ResponsibleUnit = responsibleUnit,
        IndustryDepartment = department,
        LeaderInCharge = leader,
        ResponsiblePerson = "王工",
        ResponsibleContact = "13800000000",
        TotalInvestment = new ProjectHub.Type.V1.Decimal { Value = total },
        YearPlannedInvestment = new ProjectHub.Type.V1.Decimal { Value = yearPlan },
        PlannedStart = start,
        PlannedCompletion = completion,
        Baseline = new Baseline(),
    };

    public static RegisterProjectRequest Register(ProjectFields fields, ProjectStage stage = ProjectStage.UnderConstruction) =>
        new() { Project = fields, Stage = stage };

    /// <summary>A report for the week of 2026-03-02 (the fixture's first day) unless another Monday is given.</summary>
    public static SubmitProgressReportRequest Report(string projectId, string percent, string periodInvestment = "100",
        string cumulativeInvestment = "1000", ConstructionState state = ConstructionState.Normal, string monday = "2026-03-02",
        string narrative = "按计划推进")
    {
        var start = DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture);
        return new SubmitProgressReportRequest
        {
            Report = new ProgressReport
            {
                ProjectId = projectId,
                PeriodStart = monday,
                PeriodEnd = start.AddDays(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                CumulativePercent = new ProjectHub.Type.V1.Decimal { Value = percent },
                PeriodInvestment = new ProjectHub.Type.V1.Decimal { Value = periodInvestment },
                CumulativeInvestment = new ProjectHub.Type.V1.Decimal { Value = cumulativeInvestment },
                Workers = 120,
                State = state,
                Narrative = narrative,
            },
        };
    }
}
