using ProjectHub.Contracts.Registry;
using ProjectHub.Registry.Common;
using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Domain.Projects;
using ProjectHub.Registry.Persistence;
using V1 = ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Projects;

/// <summary>Moves a project between its stored row, the domain draft and the wire message.</summary>
public static class ProjectMapping
{
    /// <summary>Reads the wire fields into a draft; unparseable values are added to <paramref name="v"/>.</summary>
    public static ProjectDraft ToDraft(V1.ProjectFields f, Violations v, string prefix = "project.")
    {
        var tier = Wire.FromWire<V1.ProjectTier, ProjectTier>(f.Tier);
        if (tier is null)
        {
            v.Add(prefix + "tier", "Required: NATIONAL, PROVINCIAL_LARGE_MEDIUM, PROVINCIAL_KEY or MUNICIPAL_MAJOR.");
        }

        return new ProjectDraft
        {
            NationalCode = Empty(f.NationalCode),
            Name = f.Name.Trim(),
            Tier = tier ?? ProjectTier.MunicipalMajor,
            Industry = f.Industry.Trim(),
            Locality = f.Locality.Trim(),
            OwnerUnit = f.OwnerUnit.Trim(),
            ResponsibleUnit = f.ResponsibleUnit.Trim(),
            IndustryDepartment = f.IndustryDepartment.Trim(),
            LeaderInCharge = f.LeaderInCharge.Trim(),
            ResponsiblePerson = f.ResponsiblePerson.Trim(),
            ResponsibleContact = f.ResponsibleContact.Trim(),
            TotalInvestment = Wire.ParseDecimal(f.TotalInvestment, prefix + "total_investment", v),
            YearPlannedInvestment = Wire.ParseDecimal(f.YearPlannedInvestment, prefix + "year_planned_investment", v),
            PlannedStart = Wire.ParseDate(f.PlannedStart, prefix + "planned_start", v),
            PlannedCompletion = Wire.ParseDate(f.PlannedCompletion, prefix + "planned_completion", v),
            Baseline = ToBaseline(f.Baseline, v, prefix + "baseline.milestones"),
        };
    }

    public static Baseline ToBaseline(V1.Baseline? baseline, Violations v, string prefix)
    {
        if (baseline is null)
        {
            return Baseline.Empty;
        }

        return new Baseline(baseline.Milestones.Select((m, i) => new Milestone(
            m.Name.Trim(),
            Wire.ParseDate(m.PlannedDate, $"{prefix}[{i}].planned_date", v),
            Wire.ParseDecimal(m.CumulativePercent, $"{prefix}[{i}].cumulative_percent", v))).ToList());
    }

    /// <summary>Units the service needs to route alerts and rank; the validator only checks their length.</summary>
    public static void RequireRoutingFields(ProjectDraft d, Violations v, string prefix = "project.")
    {
        v.Require(d.Locality, prefix + "locality", "the locality (区县)");
        v.Require(d.OwnerUnit, prefix + "owner_unit", "the owner unit (业主单位)");
        v.Require(d.ResponsibleUnit, prefix + "responsible_unit", "the responsible unit (责任单位)");
        v.Require(d.IndustryDepartment, prefix + "industry_department", "the industry department (行业主管部门)");
        v.Require(d.LeaderInCharge, prefix + "leader_in_charge", "the leader in charge (分管市领导)");
    }

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

    public static Baseline BaselineOf(ProjectRow row) => new(Json.Read<List<Milestone>>(row.MilestonesJson));

    public static ProjectSchedule Schedule(ProjectRow row) => new(row.PlannedStart, row.PlannedCompletion, BaselineOf(row));

    public static ProjectRouting Routing(ProjectRow row) => new(
        row.Id, row.Name, row.OwnerUnit, row.ResponsibleUnit, row.IndustryDepartment, row.LeaderInCharge, row.Locality);

    public static V1.ProjectFields ToFields(ProjectRow row)
    {
        var fields = new V1.ProjectFields
        {
            NationalCode = row.NationalCode ?? "",
            Name = row.Name,
            Tier = Wire.ToWire(Tier(row)),
            Industry = row.Industry,
            Locality = row.Locality,
            OwnerUnit = row.OwnerUnit,
            ResponsibleUnit = row.ResponsibleUnit,
            IndustryDepartment = row.IndustryDepartment,
            LeaderInCharge = row.LeaderInCharge,
            ResponsiblePerson = row.ResponsiblePerson,
            ResponsibleContact = row.ResponsibleContact,
            TotalInvestment = Wire.Dec(row.TotalInvestment),
            YearPlannedInvestment = Wire.Dec(row.YearPlannedInvestment),
            PlannedStart = Wire.Date(row.PlannedStart),
            PlannedCompletion = Wire.Date(row.PlannedCompletion),
            Baseline = ToWire(BaselineOf(row)),
        };
        return fields;
    }

    public static V1.Baseline ToWire(Baseline baseline)
    {
        var wire = new V1.Baseline();
        wire.Milestones.AddRange(baseline.Milestones.Select(m => new V1.Milestone
        {
            Name = m.Name,
            PlannedDate = Wire.Date(m.PlannedDate),
            CumulativePercent = Wire.Dec(m.CumulativePercent),
        }));
        return wire;
    }

    public static V1.LightStatus LightStatus(ProjectRow row)
    {
        var status = new V1.LightStatus
        {
            ProjectId = row.Id,
            Light = Wire.ToWire(LightOf(row)),
            PlannedPercent = Wire.Dec(row.PlannedPercent),
            ActualPercent = Wire.Dec(row.ActualPercent),
            RedSince = Wire.Date(row.RedSince),
        };
        if (row.LightEvaluatedAtMs is { } at)
        {
            status.EvaluatedAt = Wire.Time(at);
        }

        status.Reasons.AddRange(ReasonsToWire(Json.Read<List<LightReason>>(row.LightReasonsJson)));
        return status;
    }

    public static IEnumerable<V1.LightReason> ReasonsToWire(IEnumerable<LightReason> reasons) =>
        reasons.Select(r => new V1.LightReason { Code = r.Code, Light = Wire.ToWire(r.Light), Message = r.Message, Subject = r.Subject ?? "" });

    public static V1.Project ToWire(ProjectRow row, IEnumerable<OverdueApprovalRow> overdue)
    {
        var project = new V1.Project
        {
            Id = row.Id,
            Fields = ToFields(row),
            Stage = Wire.ToWire(Stage(row)),
            ExitReason = row.ExitReason ?? "",
            BaselineVersion = row.BaselineVersion,
            ActualStart = Wire.Date(row.ActualStart),
            Light = LightStatus(row),
            ReadyToStart = row.ReadyToStartAtMs is not null,
            RegisteredAt = Wire.Time(row.RegisteredAtMs),
            UpdatedAt = Wire.Time(row.UpdatedAtMs),
        };
        project.OverdueApprovals.AddRange(overdue.Select(o => new V1.OpenApproval
        {
            CaseId = o.CaseId,
            ItemKind = o.ItemKind,
            ItemName = o.ItemName,
            DueDate = Wire.Date(o.DueDate),
        }));
        return project;
    }

    private static string? Empty(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
