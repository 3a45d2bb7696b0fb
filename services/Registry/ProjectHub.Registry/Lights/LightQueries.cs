using Microsoft.EntityFrameworkCore;
using ProjectHub.Registry.Access;
using ProjectHub.Registry.Persistence;
using ProjectHub.Registry.Projects;
using ProjectHub.Security;

namespace ProjectHub.Registry.Lights;

/// <summary>A project's recorded light assessments, oldest first.</summary>
public sealed record LightHistoryView(string ProjectId, IReadOnlyList<LightHistoryRow> Entries);

/// <summary>Reading a project's light: the current one (on the project's row) and its history.</summary>
public sealed class LightQueries(RegistryDbContext db)
{
    public async Task<ProjectRow> GetAsync(string projectId, Caller caller, CancellationToken ct)
    {
        var project = await ProjectStore.FindAsync(db, projectId, ct);
        RegistryAccess.RequireRead(caller, project);
        return project;
    }

    public async Task<LightHistoryView> HistoryAsync(string projectId, Caller caller, CancellationToken ct)
    {
        var project = await ProjectStore.FindAsync(db, projectId, ct);
        RegistryAccess.RequireRead(caller, project);
        var rows = await db.LightHistory.AsNoTracking().Where(h => h.ProjectId == project.Id).OrderBy(h => h.Sequence).ToListAsync(ct);
        return new LightHistoryView(project.Id, rows);
    }
}
