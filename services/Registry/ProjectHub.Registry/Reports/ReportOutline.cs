using Microsoft.EntityFrameworkCore;
using ProjectHub.Registry.Persistence;

namespace ProjectHub.Registry.Reports;

/// <summary>
/// Every stored version of one project's reports, with only the columns a submission needs: the versions of the
/// submitted period and the light rules' inputs. One untracked query instead of reading the period's versions and
/// then, after a save, every full report again for the light. Rows are partial: never attach or map them whole.
/// </summary>
public static class ReportOutline
{
    public static Task<List<ReportRow>> LoadAsync(RegistryDbContext db, string projectId, CancellationToken ct) =>
        db.Reports
            .AsNoTracking()
            .Where(r => r.ProjectId == projectId)
            .Select(r => new ReportRow
            {
                Id = r.Id,
                ProjectId = r.ProjectId,
                PeriodStart = r.PeriodStart,
                Version = r.Version,
                IsCurrent = r.IsCurrent,
                CumulativePercent = r.CumulativePercent,
                State = r.State,
                ReachedMilestonesJson = r.ReachedMilestonesJson,
                SubmittedOn = r.SubmittedOn,
            })
            .ToListAsync(ct);
}
