using Microsoft.EntityFrameworkCore;
using ProjectHub.Registry.Access;
using ProjectHub.Registry.Persistence;
using ProjectHub.Registry.Projects;
using ProjectHub.Security;

namespace ProjectHub.Registry.Reports;

/// <summary>A project's reports, latest period first and, with history, every version of each (newest first).</summary>
public sealed class ListProgressReports(RegistryDbContext db)
{
    public async Task<IReadOnlyList<ReportRow>> HandleAsync(string projectId, bool includeHistory, Caller caller, CancellationToken ct)
    {
        var project = await ProjectStore.FindAsync(db, projectId, ct);
        RegistryAccess.RequireRead(caller, project);
        var query = db.Reports.AsNoTracking().Where(r => r.ProjectId == project.Id);
        if (!includeHistory)
        {
            query = query.Where(r => r.IsCurrent);
        }

        var rows = await query.ToListAsync(ct);
        return rows
            .OrderByDescending(r => r.PeriodStart)
            .ThenByDescending(r => r.Version)
            .ToList();
    }
}
