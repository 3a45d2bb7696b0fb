using Microsoft.Extensions.Logging;
using ProjectHub.Domain;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Escalation.Domain.Errors;
using ProjectHub.Escalation.Domain.Problems;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Escalation.Problems;

namespace ProjectHub.Escalation.Sweep;

/// <summary>
/// One pass over every unresolved problem: its deadline recounted if the calendar changed, automatic escalation
/// (catching up tier by tier after downtime), top-tier reminders and 临期 notices, each problem in its own transaction. Safe with several instances on one database: the
/// problem's Version is a concurrency token, so when two instances handle the same deadline the second commit fails
/// (its history, alerts and events roll back with it) and it reloads, finding nothing left to do.
/// </summary>
public sealed partial class EscalationSweep(IServiceScopeFactory scopes, TimeProvider time, ILogger<EscalationSweep> logger)
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Problem {ProblemId} cannot be swept: {Reason}")]
    private static partial void CannotSweep(ILogger logger, Exception exception, Guid problemId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Problem {ProblemId} changed concurrently during the sweep; reloading (attempt {Attempt})")]
    private static partial void ChangedConcurrently(ILogger logger, Exception exception, Guid problemId, int attempt);

    private const int MaxAttempts = 5;

    /// <summary>Runs one pass; returns the number of problems changed by this instance.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        List<Guid> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
            var resolved = nameof(ProblemState.Resolved);
            ids = await db.Problems.AsNoTracking().Where(p => p.State != resolved).OrderBy(p => p.RaisedAtMs).Select(p => p.Id).ToListAsync(ct);
        }

        var changed = 0;
        foreach (var id in ids)
        {
            if (await SweepProblemAsync(id, ct))
            {
                changed++;
            }
        }

        return changed;
    }

    private async Task<bool> SweepProblemAsync(Guid id, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var recorder = scope.ServiceProvider.GetRequiredService<ChangeRecorder>();
            var rules = scope.ServiceProvider.GetRequiredService<EscalationRules>();
            try
            {
                var row = await recorder.Db.Problems.FirstOrDefaultAsync(p => p.Id == id, ct);
                if (row is null)
                {
                    return false;
                }

                var problem = row.ToDomain();
                var now = time.GetUtcNow();
                // Recounted first: a deadline that moved with new calendar data is the one the rest is judged against.
                var change = problem.RecountDeadline(now, rules)
                    .Then(problem.CatchUp(now, rules))
                    .Then(problem.NoticeIfDeadlineNear(now, rules));
                if (change.IsEmpty)
                {
                    return false;
                }

                row.CopyFrom(problem, rules.Ladder);
                await recorder.RecordAsync(problem, change, await recorder.RoutingAsync(problem.ProjectId, ct), ct);
                await recorder.SaveAsync(ct);
                EscalationCounter.Count(change);
                return true;
            }
            catch (DomainException ex)
            {
                // E.g. a problem left beyond a shortened ladder: it needs an operator, but must not stop the sweep of
                // every other problem.
                CannotSweep(logger, ex, id, ex.Reason);
                return false;
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts)
            {
                // Another instance changed the problem (or stored the same alert) first; the transaction rolled back
                // entirely, so re-read and decide again from its state.
                ChangedConcurrently(logger, ex, id, attempt);
            }
        }
    }
}
