using Microsoft.EntityFrameworkCore;
using ProjectHub.Registry.Common;
using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Persistence;
using ProjectHub.Registry.Projects;
using ProjectHub.Security;
using V1 = ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Lights;

public sealed class LightQueries(RegistryDbContext db)
{
    public async Task<V1.LightStatus> GetAsync(string projectId, Caller caller, CancellationToken ct)
    {
        var project = await ProjectStore.FindAsync(db, projectId, ct);
        RegistryAccess.RequireRead(caller, project);
        return ProjectMapping.LightStatus(project);
    }

    public async Task<V1.LightHistory> HistoryAsync(string projectId, Caller caller, CancellationToken ct)
    {
        var project = await ProjectStore.FindAsync(db, projectId, ct);
        RegistryAccess.RequireRead(caller, project);
        var rows = await db.LightHistory.AsNoTracking().Where(h => h.ProjectId == project.Id).OrderBy(h => h.Sequence).ToListAsync(ct);
        var history = new V1.LightHistory { ProjectId = project.Id };
        history.Entries.AddRange(rows.Select(h =>
        {
            var entry = new V1.LightHistoryEntry
            {
                At = Wire.Time(h.AtMs),
                From = Wire.ToWire(Enum.Parse<Light>(h.From)),
                To = Wire.ToWire(Enum.Parse<Light>(h.To)),
                PlannedPercent = Wire.Dec(h.PlannedPercent),
                ActualPercent = Wire.Dec(h.ActualPercent),
                LightChanged = h.LightChanged,
            };
            entry.Reasons.AddRange(ProjectMapping.ReasonsToWire(Json.Read<List<LightReason>>(h.ReasonsJson)));
            return entry;
        }));
        return history;
    }

    public static V1.LightTally Tally(LightCounts counts) =>
        new() { Red = counts.Red, Yellow = counts.Yellow, Green = counts.Green, Unlit = counts.Unlit };
}
