using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Approval.Cases;
using ProjectHub.Approval.Domain;
using ProjectHub.Approval.Persistence;
using ProjectHub.Calendar;
using ProjectHub.Contracts.Approval;
using ProjectHub.Domain;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Approval.Overdue;

/// <summary>What one sweep published.</summary>
public sealed record SweepResult(int Overdue, int DueSoon);

/// <summary>
/// Finds running items that are overdue or one working day from their limit and publishes ApprovalOverdue /
/// ApprovalDueSoon through the outbox. Each notice is published once per review period (an overdue episode ends
/// with an approval or return; a re-accepted item that is still over its limit starts a new one): the period
/// already notified is stored on the item in the same transaction as the event.
/// </summary>
public sealed partial class OverdueSweep(IServiceScopeFactory scopes, TimeProvider time, ILogger<OverdueSweep> logger) : IDisposable
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Approval sweep skipped case {CaseId} after a concurrent change")]
    private static partial void CaseSkipped(ILogger logger, Exception exception, string caseId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Approval sweep for {Today}: {Overdue} overdue, {DueSoon} due soon")]
    private static partial void Swept(ILogger logger, DateOnly today, int overdue, int dueSoon);

    private static readonly string InReview = ApprovalItemState.InReview.ToString();

    // Sweeps in one process never overlap (start-up, timer and on-demand runs); across replicas the deterministic
    // event ids make the outbox key refuse a second copy.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await SweepAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = ShanghaiTime.DateOf(now);
        List<string> caseIds;
        await using (var scope = scopes.CreateAsyncScope())
        {
            // Only an item in review has a running clock.
            caseIds = await scope.ServiceProvider.GetRequiredService<ApprovalDbContext>().Items
                .Where(i => i.State == InReview).Select(i => i.CaseId).Distinct().ToListAsync(cancellationToken);
        }

        int overdue = 0, dueSoon = 0;
        foreach (var caseId in caseIds)
        {
            var (o, d) = await SweepCaseAsync(caseId, now, today, cancellationToken);
            overdue += o;
            dueSoon += d;
        }

        if (overdue + dueSoon > 0)
        {
            Swept(logger, today, overdue, dueSoon);
        }

        return new SweepResult(overdue, dueSoon);
    }

    /// <summary>One case in its own unit of work: its notices and the record of having sent them commit together.</summary>
    private async Task<(int Overdue, int DueSoon)> SweepCaseAsync(
        string caseId, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApprovalDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<IWorkingCalendar>();
        var record = await db.Cases
            .Include(c => c.Items.Where(i => i.State == InReview)).ThenInclude(i => i.Timeline)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (record is null)
        {
            return (0, 0);
        }

        int overdue = 0, dueSoon = 0;
        foreach (var itemRecord in record.Items)
        {
            var item = CaseStore.RebuildItem(itemRecord).Item;
            var clock = item.Clock(calendar, today);
            var period = item.ReviewPeriods.Count;
            if (clock.State != ClockState.Running || clock.DueDate is not { } due)
            {
                continue;
            }

            var departments = item.Requirement.Departments.Select(d => d.Id).ToList();
            if (clock.IsOverdue && itemRecord.OverdueNotifiedPeriod < period)
            {
                itemRecord.OverdueNotifiedPeriod = period;
                itemRecord.OverdueOpen = true;
                itemRecord.Version++;
                db.AddIntegrationEvent(new ApprovalOverdue(
                    DeterministicId.From(record.Id, item.Kind, "overdue", period), now, record.ProjectId, record.Id,
                    item.Kind.ToString(), item.Requirement.DisplayName, departments, record.OwnerUnit, due, -clock.DaysLeft));
                overdue++;
            }
            else if (clock.IsDueSoon && itemRecord.DueSoonNotifiedPeriod < period)
            {
                itemRecord.DueSoonNotifiedPeriod = period;
                itemRecord.Version++;
                db.AddIntegrationEvent(new ApprovalDueSoon(
                    DeterministicId.From(record.Id, item.Kind, "due-soon", period), now, record.ProjectId, record.Id,
                    item.Kind.ToString(), item.Requirement.DisplayName, departments, record.OwnerUnit, due));
                dueSoon++;
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (overdue, dueSoon);
        }
        catch (DbUpdateException ex)
        {
            // A request changed the case meanwhile (version token), or another replica sent the notice (event id):
            // nothing of this case was saved; the next sweep decides again from the committed state.
            CaseSkipped(logger, ex, caseId);
            return (0, 0);
        }
    }

    public void Dispose() => _gate.Dispose();
}
