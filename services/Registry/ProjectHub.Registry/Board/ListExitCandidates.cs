using Microsoft.EntityFrameworkCore;
using ProjectHub.Domain;
using ProjectHub.Registry.Access;
using ProjectHub.Registry.Domain.Exit;
using ProjectHub.Registry.Persistence;
using ProjectHub.Registry.Projects;
using ProjectHub.Security;

namespace ProjectHub.Registry.Board;

/// <summary>A project the exit rules propose, with its name for the list.</summary>
public sealed record ExitCandidateView(ExitCandidate Candidate, string ProjectName);

/// <summary>
/// Projects the exit rules propose for retirement; the DRC decides with ExitProject. Scoped callers see the
/// candidates among their own projects.
/// </summary>
public sealed class ListExitCandidates(RegistryDbContext db, TimeProvider time, ExitRules rules)
{
    public async Task<IReadOnlyList<ExitCandidateView>> HandleAsync(Caller caller, CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking().Visible(caller).OrderBy(p => p.RegisteredAtMs).ThenBy(p => p.Id).ToListAsync(ct);
        var names = projects.ToDictionary(p => p.Id, p => p.Name);
        var candidates = ExitCandidates.Find(
            projects.Select(p => new ExitInputs(p.Id, ProjectRowMapping.Stage(p), p.PlannedStart, p.ActualStart, p.RedSince)),
            rules,
            time.Today());
        return candidates.Select(c => new ExitCandidateView(c, names[c.ProjectId])).ToList();
    }
}
