using ProjectHub.Contracts.Registry;
using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Domain.Projects;
using ProjectHub.Registry.Persistence;

namespace ProjectHub.Registry.Projects;

/// <summary>Moves a project between its stored row and the domain values the rules work on (the wire is <c>Wire/</c>'s).</summary>
public static class ProjectRowMapping
{
    public static void Apply(ProjectDraft d, ProjectRow row)
    {
        row.NationalCode = d.NationalCode;
        row.Name = d.Name;
        row.Tier = d.Tier.ToString();
        row.Industry = d.Industry ?? "";
        row.Locality = d.Locality ?? "";
        row.OwnerUnit = d.OwnerUnit ?? "";
        row.ResponsibleUnit = d.ResponsibleUnit ?? "";
        row.IndustryDepartment = d.IndustryDepartment ?? "";
        row.LeaderInCharge = d.LeaderInCharge ?? "";
        row.ResponsiblePerson = d.ResponsiblePerson ?? "";
        row.ResponsibleContact = d.ResponsibleContact ?? "";
        row.TotalInvestment = d.TotalInvestment;
        row.YearPlannedInvestment = d.YearPlannedInvestment;
        row.PlannedStart = d.PlannedStart;
        row.PlannedCompletion = d.PlannedCompletion;
        row.MilestonesJson = Json.Write(d.Baseline.Milestones);
    }

    public static ProjectDraft ToDraft(ProjectRow row) => new()
    {
        NationalCode = row.NationalCode,
        Name = row.Name,
        Tier = Tier(row),
        Industry = row.Industry,
        Locality = row.Locality,
        OwnerUnit = row.OwnerUnit,
        ResponsibleUnit = row.ResponsibleUnit,
        IndustryDepartment = row.IndustryDepartment,
        LeaderInCharge = row.LeaderInCharge,
        ResponsiblePerson = row.ResponsiblePerson,
        ResponsibleContact = row.ResponsibleContact,
        TotalInvestment = row.TotalInvestment,
        YearPlannedInvestment = row.YearPlannedInvestment,
        PlannedStart = row.PlannedStart,
        PlannedCompletion = row.PlannedCompletion,
        Baseline = BaselineOf(row),
    };

    public static ProjectTier Tier(ProjectRow row) => Enum.Parse<ProjectTier>(row.Tier);

    public static ProjectStage Stage(ProjectRow row) => Enum.Parse<ProjectStage>(row.Stage);

    public static Light LightOf(ProjectRow row) => Enum.Parse<Light>(row.Light);

    public static IReadOnlyList<LightReason> LightReasonsOf(ProjectRow row) => Json.Read<List<LightReason>>(row.LightReasonsJson);

    public static Baseline BaselineOf(ProjectRow row) => new(Json.Read<List<Milestone>>(row.MilestonesJson));

    public static ProjectSchedule Schedule(ProjectRow row) => new(row.PlannedStart, row.PlannedCompletion, BaselineOf(row));

    public static ProjectRouting Routing(ProjectRow row) => new(
        row.Id, row.Name, row.OwnerUnit, row.ResponsibleUnit, row.IndustryDepartment, row.LeaderInCharge, row.Locality);

    public static IReadOnlyList<string> ChangesOf(AuditRow row) => Json.Read<List<string>>(row.ChangesJson);

    public static Baseline BaselineOf(BaselineRow row) => new(Json.Read<List<Milestone>>(row.MilestonesJson));

    public static IReadOnlyList<LightReason> ReasonsOf(LightHistoryRow row) => Json.Read<List<LightReason>>(row.ReasonsJson);
}
