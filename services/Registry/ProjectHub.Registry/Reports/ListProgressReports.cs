using Microsoft.EntityFrameworkCore;
using ProjectHub.Registry.Common;
using ProjectHub.Registry.Persistence;
using ProjectHub.Registry.Projects;
using ProjectHub.Security;
using V1 = ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Reports;

public sealed class ListProgressReports(RegistryDbContext db)
{
    public async Task<V1.ListProgressReportsResponse> HandleAsync(V1.ListProgressReportsRequest request, Caller caller, CancellationToken ct)
    {
        var project = await ProjectStore.FindAsync(db, request.ProjectId, ct);
        RegistryAccess.RequireRead(caller, project);
        var query = db.Reports.AsNoTracking().Where(r => r.ProjectId == project.Id);
        if (!request.IncludeHistory)
        {
            query = query.Where(r => r.IsCurrent);
        }

        var rows = await query.ToListAsync(ct);
        var response = new V1.ListProgressReportsResponse();
        response.Reports.AddRange(rows
            .OrderByDescending(r => r.PeriodStart)
            .ThenByDescending(r => r.Version)
            .Select(ReportMapping.ToWire));
        return response;
    }
}
