using ProjectHub.Registry.Domain;
using Google.Protobuf.WellKnownTypes;
using ProjectHub.Domain;
using ProjectHub.Registry.Domain.Projects;
using ProjectHub.Registry.Persistence;
using ProjectHub.Registry.Projects;
using ProjectHub.Wire;
using Light = ProjectHub.Registry.Domain.Lights.Light;
using V1 = ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Wire;

/// <summary>
/// Projects on the wire: requests read into the use cases' commands (what cannot be read is collected into the
/// command's violations, never thrown, so the use case still checks the caller first) and views written back.
/// </summary>
public static class ProjectWire
{
    public static RegisterProjectCommand ToCommand(V1.RegisterProjectRequest request)
    {
        var v = new Violations();
        if (request.Project is null)
        {
            // Nothing else is read: the use case refuses the missing fields alone, as it always has.
            return new RegisterProjectCommand(null, null, null, v);
        }

        var draft = ToDraft(request.Project, v);
        var stage = request.Stage == V1.ProjectStage.Unspecified
            ? ProjectStage.Reserve
            : EnumWire.FromWire<V1.ProjectStage, ProjectStage>(request.Stage);
        var actualStart = WireDate.ParseOptional(request.ActualStart, "actual_start", v);
        return new RegisterProjectCommand(draft, stage, actualStart, v);
    }

    public static UpdateProjectCommand ToCommand(V1.UpdateProjectRequest request)
    {
        var v = new Violations();
        var paths = Paths(request.UpdateMask);
        var changes = request.Project is null ? null : ToChanges(request.Project, paths, v);
        return new UpdateProjectCommand(request.ProjectId, paths, changes, request.Reason, v);
    }

    public static ReplanProjectCommand ToCommand(V1.ReplanProjectRequest request)
    {
        var v = new Violations();
        var baseline = Baseline.Empty;
        if (request.Baseline?.Milestones.Count is > ProjectValidator.MaxMilestones and var count)
        {
            // Refused before its milestones are read: thousands of them would each add violations.
            v.Add("baseline.milestones", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"计划基线最多 {ProjectValidator.MaxMilestones} 个里程碑，当前有 {count} 个。"));
        }
        else
        {
            baseline = ToBaseline(request.Baseline, v, "baseline.milestones");
        }

        var start = WireDate.ParseOptional(request.PlannedStart, "planned_start", v);
        var completion = WireDate.ParseOptional(request.PlannedCompletion, "planned_completion", v);
        return new ReplanProjectCommand(request.ProjectId, baseline, start, completion, request.Reason, v);
    }

    public static ChangeStageCommand ToCommand(V1.ChangeStageRequest request)
    {
        var v = new Violations();
        var stage = EnumWire.FromWire<V1.ProjectStage, ProjectStage>(request.Stage);
        var actualStart = WireDate.ParseOptional(request.ActualStart, "actual_start", v);
        return new ChangeStageCommand(request.ProjectId, stage, actualStart, request.Reason, v);
    }

    /// <summary>Unknown enum values filter on nothing, as an unset one does.</summary>
    public static ProjectFilter ToFilter(V1.ListProjectsRequest r) => new()
    {
        Light = EnumWire.FromWire<V1.Light, Light>(r.Light),
        OnlyUnlit = r.OnlyUnlit,
        Tier = EnumWire.FromWire<V1.ProjectTier, ProjectTier>(r.Tier),
        Stage = EnumWire.FromWire<V1.ProjectStage, ProjectStage>(r.Stage),
        IndustryDepartment = r.IndustryDepartment,
        Locality = r.Locality,
        LeaderInCharge = r.LeaderInCharge,
        OwnerUnit = r.OwnerUnit,
        NameContains = r.NameContains,
        PageSize = r.PageSize,
        PageToken = r.PageToken,
    };

    /// <summary>Reads the wire fields into a draft; unparseable values are added to <paramref name="v"/>.</summary>
    public static ProjectDraft ToDraft(V1.ProjectFields f, Violations v, string prefix = "project.")
    {
        var tier = EnumWire.FromWire<V1.ProjectTier, ProjectTier>(f.Tier);
        if (tier is null)
        {
            v.Add(prefix + "tier", $"必填：项目层级，须为{RegistryTexts.Tier(ProjectTier.National)}、{RegistryTexts.Tier(ProjectTier.ProvincialLargeMedium)}、{RegistryTexts.Tier(ProjectTier.ProvincialKey)}或{RegistryTexts.Tier(ProjectTier.MunicipalMajor)}。");
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
            TotalInvestment = WireDecimal.Parse(f.TotalInvestment, prefix + "total_investment", v),
            YearPlannedInvestment = WireDecimal.Parse(f.YearPlannedInvestment, prefix + "year_planned_investment", v),
            PlannedStart = WireDate.Parse(f.PlannedStart, prefix + "planned_start", v),
            PlannedCompletion = WireDate.Parse(f.PlannedCompletion, prefix + "planned_completion", v),
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
            WireDate.Parse(m.PlannedDate, $"{prefix}[{i}].planned_date", v),
            WireDecimal.Parse(m.CumulativePercent, $"{prefix}[{i}].cumulative_percent", v))).ToList());
    }

    /// <summary>
    /// The new values of the fields <paramref name="paths"/> names, read in the mask's order; the other fields are
    /// not read (a bad value there is not the caller's concern). An unreadable tier is left null.
    /// </summary>
    public static ProjectChanges ToChanges(V1.ProjectFields f, IReadOnlyList<string> paths, Violations v)
    {
        var changes = new ProjectChanges
        {
            NationalCode = Empty(f.NationalCode),
            Name = f.Name.Trim(),
            Industry = f.Industry.Trim(),
            Locality = f.Locality.Trim(),
            OwnerUnit = f.OwnerUnit.Trim(),
            ResponsibleUnit = f.ResponsibleUnit.Trim(),
            IndustryDepartment = f.IndustryDepartment.Trim(),
            LeaderInCharge = f.LeaderInCharge.Trim(),
            ResponsiblePerson = f.ResponsiblePerson.Trim(),
            ResponsibleContact = f.ResponsibleContact.Trim(),
        };
        foreach (var path in paths)
        {
            var at = "project." + path;
            changes = path switch
            {
                "tier" => changes with { Tier = EnumWire.FromWire<V1.ProjectTier, ProjectTier>(f.Tier) ?? UnknownTier(v, at) },
                "total_investment" => changes with { TotalInvestment = WireDecimal.Parse(f.TotalInvestment, at, v) },
                "year_planned_investment" => changes with { YearPlannedInvestment = WireDecimal.Parse(f.YearPlannedInvestment, at, v) },
                "planned_start" => changes with { PlannedStart = WireDate.Parse(f.PlannedStart, at, v) },
                "planned_completion" => changes with { PlannedCompletion = WireDate.Parse(f.PlannedCompletion, at, v) },
                _ => changes,
            };
        }

        return changes;
    }

    /// <summary>The distinct paths of an update mask, in the caller's order.</summary>
    public static IReadOnlyList<string> Paths(FieldMask? mask) => mask?.Paths.Distinct(StringComparer.Ordinal).ToList() ?? [];

    public static V1.ProjectFields ToFields(ProjectRow row) => new()
    {
        NationalCode = row.NationalCode ?? "",
        Name = row.Name,
        Tier = EnumWire.ToWire(ProjectRowMapping.Tier(row)),
        Industry = row.Industry,
        Locality = row.Locality,
        OwnerUnit = row.OwnerUnit,
        ResponsibleUnit = row.ResponsibleUnit,
        IndustryDepartment = row.IndustryDepartment,
        LeaderInCharge = row.LeaderInCharge,
        ResponsiblePerson = row.ResponsiblePerson,
        ResponsibleContact = row.ResponsibleContact,
        TotalInvestment = WireDecimal.ToWire(row.TotalInvestment),
        YearPlannedInvestment = WireDecimal.ToWire(row.YearPlannedInvestment),
        PlannedStart = WireDate.ToWire(row.PlannedStart),
        PlannedCompletion = WireDate.ToWire(row.PlannedCompletion),
        Baseline = ToWire(ProjectRowMapping.BaselineOf(row)),
    };

    public static V1.Baseline ToWire(Baseline baseline)
    {
        var wire = new V1.Baseline();
        wire.Milestones.AddRange(baseline.Milestones.Select(m => new V1.Milestone
        {
            Name = m.Name,
            PlannedDate = WireDate.ToWire(m.PlannedDate),
            CumulativePercent = WireDecimal.ToWire(m.CumulativePercent),
        }));
        return wire;
    }

    public static V1.Project ToWire(ProjectView view)
    {
        var row = view.Project;
        var project = new V1.Project
        {
            Id = row.Id,
            Fields = ToFields(row),
            Stage = EnumWire.ToWire(ProjectRowMapping.Stage(row)),
            ExitReason = row.ExitReason ?? "",
            BaselineVersion = row.BaselineVersion,
            ActualStart = WireDate.ToWire(row.ActualStart),
            Light = LightWire.Status(row),
            ReadyToStart = row.ReadyToStartAtMs is not null,
            RegisteredAt = WireDate.Instant(row.RegisteredAtMs),
            UpdatedAt = WireDate.Instant(row.UpdatedAtMs),
        };
        project.OverdueApprovals.AddRange(view.OverdueApprovals.Select(o => new V1.OpenApproval
        {
            CaseId = o.CaseId,
            ItemKind = o.ItemKind,
            ItemName = o.ItemName,
            DueDate = WireDate.ToWire(o.DueDate),
        }));
        return project;
    }

    public static V1.ListProjectsResponse ToWire(ProjectPage page)
    {
        var response = new V1.ListProjectsResponse { NextPageToken = page.NextPageToken };
        response.Projects.AddRange(page.Projects.Select(ToWire));
        return response;
    }

    public static V1.ProjectHistory ToWire(ProjectHistoryView view)
    {
        var history = new V1.ProjectHistory { ProjectId = view.ProjectId };
        history.Records.AddRange(view.Records.Select(a =>
        {
            var record = new V1.AuditRecord { At = WireDate.Instant(a.AtMs), Actor = a.Actor, Action = a.Action, Reason = a.Reason };
            record.Changes.AddRange(ProjectRowMapping.ChangesOf(a));
            return record;
        }));
        history.Baselines.AddRange(view.Baselines.Select(b => new V1.BaselineVersion
        {
            Version = b.Version,
            Baseline = ToWire(ProjectRowMapping.BaselineOf(b)),
            PlannedStart = WireDate.ToWire(b.PlannedStart),
            PlannedCompletion = WireDate.ToWire(b.PlannedCompletion),
            CreatedAt = WireDate.Instant(b.CreatedAtMs),
            CreatedBy = b.CreatedBy,
            Reason = b.Reason,
        }));
        return history;
    }

    private static ProjectTier? UnknownTier(Violations v, string field)
    {
        v.Add(field, "未知的项目层级。");
        return null;
    }

    private static string? Empty(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
