using Microsoft.EntityFrameworkCore;
using ProjectHub.Registry.Access;
using ProjectHub.Registry.Domain.Projects;
using ProjectHub.Registry.Persistence;
using ProjectHub.Registry.Projects;
using ProjectHub.Security;

namespace ProjectHub.Registry.Reports;

/// <summary>A project's reports, and the schedule that says what was planned by the end of each period.</summary>
public sealed record ReportList(IReadOnlyList<ReportRow> Reports, ProjectSchedule Schedule);

/// <summary>A project's reports, latest period first and, with history, every version of each (newest first).</summary>
public sealed class ListProgressReports(RegistryDbContext db)
{
    public async Task<ReportList> HandleAsync(string projectId, bool includeHistory, Caller caller, CancellationToken ct)
    {
        var project = await ProjectStore.FindAsync(db, projectId, ct);
        RegistryAccess.RequireRead(caller, project);
        var query = db.Reports.AsNoTracking().Where(r => r.ProjectId == project.Id);
        if (!includeHistory)
        {
            query = query.Where(r => r.IsCurrent);
        }

        var rows = await query.ToListAsync(ct);
        var ordered = rows
            .OrderByDescending(r => r.PeriodStart)
            .ThenByDescending(r => r.Version)
            .ToList();
        return new ReportList(ordered, ProjectRowMapping.Schedule(project));
    }
}
