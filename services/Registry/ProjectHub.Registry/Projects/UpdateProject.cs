using ProjectHub.Registry.Domain;
using ProjectHub.Contracts.Registry;
using ProjectHub.Domain;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Registry.Access;
using ProjectHub.Registry.Domain.Projects;
using ProjectHub.Registry.Lights;
using ProjectHub.Registry.Persistence;
using ProjectHub.Security;

namespace ProjectHub.Registry.Projects;

/// <summary>
/// An update as read from the request: the distinct paths of its mask in order, the new values (null when the
/// request had no project), the reason, and the named fields whose values could not be read.
/// </summary>
public sealed record UpdateProjectCommand(
    string ProjectId, IReadOnlyList<string> Paths, ProjectChanges? Changes, string Reason, Violations ParseViolations);

/// <summary>
/// The new values an update carries, already read; only those of the paths its mask names are applied.
/// <see cref="Tier"/> is null when the request's tier was not one this service knows.
/// </summary>
public sealed record ProjectChanges
{
    public string? NationalCode { get; init; }
    public string Name { get; init; } = "";
    public ProjectTier? Tier { get; init; }
    public string Industry { get; init; } = "";
    public string Locality { get; init; } = "";
    public string OwnerUnit { get; init; } = "";
    public string ResponsibleUnit { get; init; } = "";
    public string IndustryDepartment { get; init; } = "";
    public string LeaderInCharge { get; init; } = "";
    public string ResponsiblePerson { get; init; } = "";
    public string ResponsibleContact { get; init; } = "";
    public decimal TotalInvestment { get; init; }
    public decimal YearPlannedInvestment { get; init; }
    public DateOnly PlannedStart { get; init; }
    public DateOnly PlannedCompletion { get; init; }
}

/// <summary>
/// Applies the fields named in the update mask. The merged project is validated as a whole (a new planned start
/// must still fit the baseline). An update that changes nothing stores nothing.
/// </summary>
public sealed class UpdateProject(RegistryDbContext db, UnitOfWork work, LightEngine lights, TimeProvider time)
{
    /// <summary>Paths an update may name; the baseline goes through ReplanProject, the stage through ChangeStage.</summary>
    public static readonly IReadOnlySet<string> Updatable = new HashSet<string>(StringComparer.Ordinal)
    {
        "national_code", "name", "tier", "industry", "locality", "owner_unit", "responsible_unit",
        "industry_department", "leader_in_charge", "responsible_person", "responsible_contact",
        "total_investment", "year_planned_investment", "planned_start", "planned_completion",
    };

    public async Task<ProjectView> HandleAsync(UpdateProjectCommand command, Caller caller, CancellationToken ct)
    {
        RegistryAccess.RequireManage(caller, "修改项目信息");
        var actor = CallActor.Of(caller);
        var v = new Violations();
        ProjectStore.RequireReason(command.Reason, v);
        var paths = command.Paths;
        if (paths.Count == 0)
        {
            v.Add("update_mask", "请至少列出一个要修改的字段，如 \"name\"。");
        }

        foreach (var path in paths.Where(p => !Updatable.Contains(p)))
        {
            v.Add("update_mask", path == "baseline"
                ? "计划基线请通过 ReplanProject 调整，原基线会保留在历史中。"
                : $"{ErrorText.Quote(path)} 不是可修改的字段。");
        }

        if (command.Changes is null)
        {
            v.Add("project", "必填：update_mask 所列字段的新值。");
        }

        v.ThrowIfAny();
        var row = await ProjectStore.FindAsync(db, command.ProjectId, ct);
        var before = ProjectRowMapping.ToDraft(row);
        // Values that could not be read count here, after the project is found, where reading them always did.
        v.AddRange(command.ParseViolations.Items);
        var merged = Merge(before, command.Changes!, paths);
        v.AddRange(ProjectValidator.Validate(merged, time.Today()), "project.");
        ProjectStore.RequireRoutingFields(merged, v);
        v.ThrowIfAny();

        var changes = Describe(before, merged);
        if (changes.Count == 0)
        {
            return await ProjectStore.ViewAsync(db, row, ct);
        }

        return await work.RunAsync(async () =>
        {
            var nowMs = time.NowMs();
            ProjectRowMapping.Apply(merged, row);
            row.UpdatedAtMs = nowMs;
            ProjectStore.Audit(db, row.Id, nowMs, actor, "UPDATED", command.Reason.Trim(), changes.Select(c => c.Text));
            db.AddIntegrationEvent(new ProjectUpdated(
                Guid.NewGuid(), time.GetUtcNow(), ProjectRowMapping.Routing(row), changes.Select(c => c.Field).ToList(), command.Reason.Trim(), actor));
            await db.SaveChangesAsync(ct);
            await lights.EvaluateAsync(db, row, ct);
            return await ProjectStore.ViewAsync(db, row, ct);
        }, ct);
    }

    /// <summary>The stored project with the named fields replaced; a tier that could not be read keeps the stored one.</summary>
    private static ProjectDraft Merge(ProjectDraft d, ProjectChanges c, IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            d = path switch
            {
                "national_code" => d with { NationalCode = c.NationalCode },
                "name" => d with { Name = c.Name },
                "tier" => d with { Tier = c.Tier ?? d.Tier },
                "industry" => d with { Industry = c.Industry },
                "locality" => d with { Locality = c.Locality },
                "owner_unit" => d with { OwnerUnit = c.OwnerUnit },
                "responsible_unit" => d with { ResponsibleUnit = c.ResponsibleUnit },
                "industry_department" => d with { IndustryDepartment = c.IndustryDepartment },
                "leader_in_charge" => d with { LeaderInCharge = c.LeaderInCharge },
                "responsible_person" => d with { ResponsiblePerson = c.ResponsiblePerson },
                "responsible_contact" => d with { ResponsibleContact = c.ResponsibleContact },
                "total_investment" => d with { TotalInvestment = c.TotalInvestment },
                "year_planned_investment" => d with { YearPlannedInvestment = c.YearPlannedInvestment },
                "planned_start" => d with { PlannedStart = c.PlannedStart },
                "planned_completion" => d with { PlannedCompletion = c.PlannedCompletion },
                _ => d,
            };
        }

        return d;
    }

    private static List<(string Field, string Text)> Describe(ProjectDraft a, ProjectDraft b)
    {
        var changes = new List<(string Field, string Text)>();
        void Compare<T>(string field, T x, T y)
        {
            if (!EqualityComparer<T>.Default.Equals(x, y))
            {
                changes.Add((field, $"{field}: {Show(x)} → {Show(y)}"));
            }
        }

        Compare("national_code", a.NationalCode, b.NationalCode);
        Compare("name", a.Name, b.Name);
        Compare("tier", a.Tier, b.Tier);
        Compare("industry", a.Industry, b.Industry);
        Compare("locality", a.Locality, b.Locality);
        Compare("owner_unit", a.OwnerUnit, b.OwnerUnit);
        Compare("responsible_unit", a.ResponsibleUnit, b.ResponsibleUnit);
        Compare("industry_department", a.IndustryDepartment, b.IndustryDepartment);
        Compare("leader_in_charge", a.LeaderInCharge, b.LeaderInCharge);
        Compare("responsible_person", a.ResponsiblePerson, b.ResponsiblePerson);
        Compare("responsible_contact", a.ResponsibleContact, b.ResponsibleContact);
        Compare("total_investment", a.TotalInvestment, b.TotalInvestment);
        Compare("year_planned_investment", a.YearPlannedInvestment, b.YearPlannedInvestment);
        Compare("planned_start", a.PlannedStart, b.PlannedStart);
        Compare("planned_completion", a.PlannedCompletion, b.PlannedCompletion);
        return changes;
    }

    private static string Show<T>(T value) => value switch
    {
        null => "(none)",
        DateOnly d => AuditText.Date(d),
        decimal m => m.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
