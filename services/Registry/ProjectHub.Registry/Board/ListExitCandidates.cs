using Microsoft.EntityFrameworkCore;
using ProjectHub.Registry.Common;
using ProjectHub.Registry.Domain.Exit;
using ProjectHub.Registry.Persistence;
using ProjectHub.Registry.Projects;
using ProjectHub.Security;
using V1 = ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Board;

/// <summary>
/// Projects the exit rules propose for retirement; the DRC decides with ExitProject. Scoped callers see the
/// candidates among their own projects.
/// </summary>
public sealed class ListExitCandidates(RegistryDbContext db, TimeProvider time, ExitRules rules)
{
    public async Task<V1.ListExitCandidatesResponse> HandleAsync(Caller caller, CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking().Visible(caller).OrderBy(p => p.RegisteredAtMs).ThenBy(p => p.Id).ToListAsync(ct);
        var names = projects.ToDictionary(p => p.Id, p => p.Name);
        var candidates = ExitCandidates.Find(
            projects.Select(p => new ExitInputs(p.Id, ProjectMapping.Stage(p), p.PlannedStart, p.ActualStart, p.RedSince)),
            rules,
            time.Today());
        var response = new V1.ListExitCandidatesResponse();
        response.Candidates.AddRange(candidates.Select(c =>
        {
            var wire = new V1.ExitCandidate { ProjectId = c.ProjectId, ProjectName = names[c.ProjectId] };
            wire.Reasons.AddRange(c.Reasons.Select(r => new V1.ExitReason { Code = r.Code, Message = r.Message }));
            return wire;
        }));
        return response;
    }
}
