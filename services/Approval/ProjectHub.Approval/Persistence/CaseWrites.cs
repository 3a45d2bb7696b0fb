using Microsoft.EntityFrameworkCore;
using ProjectHub.Domain;
using ProjectHub.Hosting.Grpc;

namespace ProjectHub.Approval.Persistence;

public static class CaseWrites
{
    public const string ConcurrentChange = "A concurrent change to the same case won; retry the request.";

    /// <summary>
    /// Commits a request's unit of work. A constraint the write broke (an item's version or timeline key, the one case
    /// per project) means a concurrent request won: nothing of this request was saved, and a retry sees the winner's
    /// state, so the caller is told ABORTED with this service's wording. A database that cannot be reached is left to
    /// the hosting library's error interceptor (UNAVAILABLE).
    /// </summary>
    public static async Task SaveCaseChangesAsync(this ApprovalDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (!ErrorStatus.IsDatabaseOutage(ex))
        {
            throw DomainException.Conflict(ConcurrentChange, "CONCURRENT_CHANGE");
        }
    }
}
