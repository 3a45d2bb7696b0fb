using ProjectHub.Registry.Domain;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Domain;
using ProjectHub.Registry.Domain.Projects;
using ProjectHub.Registry.Persistence;

namespace ProjectHub.Registry.Projects;

/// <summary>Loading projects and writing audit records: the steps every use case shares.</summary>
public static class ProjectStore
{
    public static async Task<ProjectRow> FindAsync(RegistryDbContext db, string projectId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(projectId))
        {
            throw DomainException.Invalid("project_id", "必填：项目编号。");
        }

        return await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct)
            ?? throw DomainException.NotFound($"没有编号为 {ErrorText.Quote(projectId)} 的项目。");
    }

    /// <summary>The project with its overdue approvals, soonest due first: what every single-project answer shows.</summary>
    public static async Task<ProjectView> ViewAsync(RegistryDbContext db, ProjectRow row, CancellationToken ct)
    {
        var overdue = await db.OverdueApprovals.Where(o => o.ProjectId == row.Id).ToListAsync(ct);
        return new ProjectView(row, overdue.OrderBy(o => o.DueDate).ThenBy(o => o.ItemKind, StringComparer.Ordinal).ToList());
    }

    public static void Audit(RegistryDbContext db, string projectId, long atMs, string actor, string action, string reason, IEnumerable<string> changes) =>
        db.Audit.Add(new AuditRow
        {
            Id = Guid.NewGuid(),
            ProjectId = projectId,
            AtMs = atMs,
            Sequence = Sequence.Next(),
            Actor = actor,
            Action = action,
            Reason = reason,
            ChangesJson = Json.Write(changes.ToList()),
        });

    public const int MaxReasonLength = 1000;

    /// <summary>A reason is multi-line text (line breaks and tabs allowed); other control characters are refused.</summary>
    public static void RequireReason(string? reason, Violations v)
    {
        v.Require(reason, "reason", "变更理由（记入审计记录）");
        if (reason is { Length: > MaxReasonLength })
        {
            v.Add("reason", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"最多 {MaxReasonLength} 个字符。"));
        }

        if (reason is not null && reason.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            v.Add("reason", TextRules.ControlCharactersExceptLineBreaks);
        }
    }

    /// <summary>Units the service needs to route alerts and rank; the validator only checks their length.</summary>
    public static void RequireRoutingFields(ProjectDraft d, Violations v, string prefix = "project.")
    {
        v.Require(d.Locality, prefix + "locality", "所在区县");
        v.Require(d.OwnerUnit, prefix + "owner_unit", "业主单位");
        v.Require(d.ResponsibleUnit, prefix + "responsible_unit", "责任单位");
        v.Require(d.IndustryDepartment, prefix + "industry_department", "行业主管部门");
        v.Require(d.LeaderInCharge, prefix + "leader_in_charge", "分管市领导");
    }
}
