using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Escalation.Access;
using ProjectHub.Escalation.Domain.Ladders;
using ProjectHub.Escalation.Domain.Problems;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Domain;
using ProjectHub.Security;

namespace ProjectHub.Escalation.Problems;

/// <summary>Reading problems and their audit trail.</summary>
public sealed class ProblemQueries(EscalationDbContext db, Ladder ladder, TimeProvider time)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>An unknown id is NOT_FOUND for everyone; a problem outside the caller's scope is PERMISSION_DENIED.</summary>
    public async Task<ProblemRow> GetAsync(string problemId, Caller caller, CancellationToken ct)
    {
        var id = ProblemLoader.ParseId(problemId);
        var row = await db.Problems.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw DomainException.NotFound($"Problem {id} does not exist.");
        EscalationAccess.EnsureMayReadProblem(caller, await ProjectRoutingLookup.FindAsync(db, row.ProjectId, ct), row.ProjectId, row.TierId);
        return row;
    }

    public async Task<List<ProblemHistoryRow>> HistoryAsync(string problemId, Caller caller, CancellationToken ct)
    {
        var problem = await GetAsync(problemId, caller, ct);
        return await db.ProblemHistory.AsNoTracking().Where(h => h.ProblemId == problem.Id).OrderBy(h => h.Version).ToListAsync(ct);
    }

    /// <summary>Newest raised first; the page token is the offset of the next page.</summary>
    public async Task<(List<ProblemRow> Problems, string NextPageToken)> ListAsync(
        string projectId, string tierId, ProblemState? state, ProblemCategory? category, bool overdueOnly,
        int pageSize, string pageToken, Caller caller, CancellationToken ct)
    {
        var violations = new Violations();
        if (pageSize is < 0 or > MaxPageSize)
        {
            violations.Add("page_size", $"page_size must be between 0 and {MaxPageSize}.");
        }

        var offset = 0;
        if (pageToken.Length > 0 && (!int.TryParse(pageToken, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            violations.Add("page_token", "page_token is not a token this service returned.");
        }

        if (violations.Any)
        {
            throw DomainException.Invalid("The problems cannot be listed.", violations.Items);
        }

        // Filtered to the caller's scope, so a page never reveals another unit's problems.
        var query = db.Problems.AsNoTracking().Where(EscalationAccess.VisibleProblems(caller, db.ProjectRoutes.AsNoTracking(), ladder));
        if (!string.IsNullOrWhiteSpace(projectId))
        {
            query = query.Where(p => p.ProjectId == projectId);
        }

        if (!string.IsNullOrWhiteSpace(tierId))
        {
            // Tier ids match case-insensitively, like the ladder's own lookup; an unknown id simply matches nothing.
            var tier = ladder.FindById(tierId.Trim())?.Id ?? tierId.Trim();
            query = query.Where(p => p.TierId == tier);
        }

        if (state is { } s)
        {
            var name = s.ToString();
            query = query.Where(p => p.State == name);
        }

        if (category is { } c)
        {
            var name = c.ToString();
            query = query.Where(p => p.Category == name);
        }

        if (overdueOnly)
        {
            var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            var resolved = nameof(ProblemState.Resolved);
            query = query.Where(p => p.State != resolved && p.OverdueFromMs <= nowMs);
        }

        var size = pageSize == 0 ? DefaultPageSize : pageSize;
        var rows = await query.OrderByDescending(p => p.RaisedAtMs).ThenBy(p => p.Id).Skip(offset).Take(size + 1).ToListAsync(ct);
        var next = rows.Count > size ? (offset + size).ToString(CultureInfo.InvariantCulture) : "";
        return (rows.Take(size).ToList(), next);
    }
}
