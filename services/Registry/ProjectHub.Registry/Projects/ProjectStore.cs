using Microsoft.EntityFrameworkCore;
using ProjectHub.Grpc;
using ProjectHub.Registry.Common;
using ProjectHub.Registry.Persistence;
using V1 = ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Projects;

/// <summary>Loading projects and writing audit records: the steps every use case shares.</summary>
public static class ProjectStore
{
    public static async Task<ProjectRow> FindAsync(RegistryDbContext db, string projectId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(projectId))
        {
            throw RpcException.InvalidArgument("project_id", "Required: the project id.");
        }

        return await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct)
            ?? throw RpcException.NotFound($"No project with id {ErrorText.Quote(projectId)}.");
    }

    public static async Task<V1.Project> ToWireAsync(RegistryDbContext db, ProjectRow row, CancellationToken ct)
    {
        var overdue = await db.OverdueApprovals.Where(o => o.ProjectId == row.Id).ToListAsync(ct);
        return ProjectMapping.ToWire(row, overdue.OrderBy(o => o.DueDate).ThenBy(o => o.ItemKind, StringComparer.Ordinal));
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
        v.Require(reason, "reason", "why the change is made (it goes into the audit trail)");
        if (reason is { Length: > MaxReasonLength })
        {
            v.Add("reason", $"Must be at most {MaxReasonLength} characters.");
        }

        if (reason is not null && reason.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            v.Add("reason", "Must not contain control characters other than line breaks and tabs.");
        }
    }
}
