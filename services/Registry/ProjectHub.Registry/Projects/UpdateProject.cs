using ProjectHub.Contracts.Registry;
using ProjectHub.Grpc;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Registry.Common;
using ProjectHub.Registry.Domain.Projects;
using ProjectHub.Registry.Lights;
using ProjectHub.Registry.Persistence;
using ProjectHub.Security;
using V1 = ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Projects;

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

    public async Task<V1.Project> HandleAsync(V1.UpdateProjectRequest request, Caller caller, CancellationToken ct)
    {
        RegistryAccess.RequireManage(caller, "update projects");
        var actor = CallActor.Of(caller);
        var v = new Violations();
        ProjectStore.RequireReason(request.Reason, v);
        var paths = request.UpdateMask?.Paths.Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (paths.Count == 0)
        {
            v.Add("update_mask", "Name at least one field to change, e.g. \"name\".");
        }

        foreach (var path in paths.Where(p => !Updatable.Contains(p)))
        {
            v.Add("update_mask", path == "baseline"
                ? "The baseline is changed with ReplanProject, which keeps the old one in history."
                : $"{ErrorText.Quote(path)} is not an updatable field.");
        }

        if (request.Project is null)
        {
            v.Add("project", "Required: the new values of the fields in update_mask.");
        }

        v.ThrowIfAny();
        var row = await ProjectStore.FindAsync(db, request.ProjectId, ct);
        var before = ProjectMapping.ToDraft(row);
        var merged = Merge(before, request.Project!, paths, v);
        v.AddRange(ProjectValidator.Validate(merged, time.Today()), "project.");
        ProjectMapping.RequireRoutingFields(merged, v);
        v.ThrowIfAny();

        var changes = Describe(before, merged);
        if (changes.Count == 0)
        {
            return await ProjectStore.ToWireAsync(db, row, ct);
        }

        return await work.RunAsync(async () =>
        {
            var nowMs = time.NowMs();
            ProjectMapping.Apply(merged, row);
            row.UpdatedAtMs = nowMs;
            ProjectStore.Audit(db, row.Id, nowMs, actor, "UPDATED", request.Reason.Trim(), changes.Select(c => c.Text));
            db.AddIntegrationEvent(new ProjectUpdated(
                Guid.NewGuid(), time.GetUtcNow(), ProjectMapping.Routing(row), changes.Select(c => c.Field).ToList(), request.Reason.Trim(), actor));
            await db.SaveChangesAsync(ct);
            await lights.EvaluateAsync(db, row, ct);
            return await ProjectStore.ToWireAsync(db, row, ct);
        }, ct);
    }

    private static ProjectDraft Merge(ProjectDraft d, V1.ProjectFields f, List<string> paths, Violations v)
    {
        foreach (var path in paths)
        {
            var at = "project." + path;
            d = path switch
            {
                "national_code" => d with { NationalCode = string.IsNullOrWhiteSpace(f.NationalCode) ? null : f.NationalCode.Trim() },
                "name" => d with { Name = f.Name.Trim() },
                "tier" => d with { Tier = Wire.FromWire<V1.ProjectTier, ProjectTier>(f.Tier) ?? Bad(v, at, d.Tier) },
                "industry" => d with { Industry = f.Industry.Trim() },
                "locality" => d with { Locality = f.Locality.Trim() },
                "owner_unit" => d with { OwnerUnit = f.OwnerUnit.Trim() },
                "responsible_unit" => d with { ResponsibleUnit = f.ResponsibleUnit.Trim() },
                "industry_department" => d with { IndustryDepartment = f.IndustryDepartment.Trim() },
                "leader_in_charge" => d with { LeaderInCharge = f.LeaderInCharge.Trim() },
                "responsible_person" => d with { ResponsiblePerson = f.ResponsiblePerson.Trim() },
                "responsible_contact" => d with { ResponsibleContact = f.ResponsibleContact.Trim() },
                "total_investment" => d with { TotalInvestment = Wire.ParseDecimal(f.TotalInvestment, at, v) },
                "year_planned_investment" => d with { YearPlannedInvestment = Wire.ParseDecimal(f.YearPlannedInvestment, at, v) },
                "planned_start" => d with { PlannedStart = Wire.ParseDate(f.PlannedStart, at, v) },
                "planned_completion" => d with { PlannedCompletion = Wire.ParseDate(f.PlannedCompletion, at, v) },
                _ => d,
            };
        }

        return d;
    }

    private static ProjectTier Bad(Violations v, string field, ProjectTier keep)
    {
        v.Add(field, "Unknown project tier.");
        return keep;
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
        DateOnly d => Wire.Date(d),
        decimal m => m.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
