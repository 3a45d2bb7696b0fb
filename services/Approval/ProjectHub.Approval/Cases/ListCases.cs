using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Approval.Authorization;
using ProjectHub.Approval.Domain;
using ProjectHub.Approval.Persistence;
using ProjectHub.Approval.Wire;
using ProjectHub.Calendar;
using ProjectHub.Security;
using V1 = ProjectHub.Approval.V1;

namespace ProjectHub.Approval.Cases;

/// <summary>
/// Cases in opening order, filtered by department, item state and overdue. Filters need the rebuilt clock, so they
/// run in memory over the cases after the page token; a city's key-project list is hundreds of cases, not millions.
/// What the caller may read is filtered in the query, so a page is never filled with cases it may not see.
/// </summary>
public sealed class ListCases(ApprovalDbContext db, CaseStore store, TimeProvider time, IWorkingCalendar calendar)
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 100;

    public async Task<V1.ListCasesResponse> HandleAsync(V1.ListCasesRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation();
        if (request.PageSize is < 0 or > MaxPageSize)
        {
            validation.Add("page_size", $"must be 0..{MaxPageSize}.");
        }

        if (request.State != V1.ItemState.Unspecified && !Enum.IsDefined(request.State))
        {
            validation.Add("state", "must be one of the ITEM_STATE_ values.");
        }

        var after = ParseToken(request.PageToken, validation);
        validation.ThrowIfInvalid();

        var pageSize = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var query = store.WithItems().Where(ApprovalAccess.ReadableBy(caller, db.ProjectRoutes));
        if (after is var (ms, id))
        {
            query = query.Where(c => c.OpenedAtUnixMs > ms || (c.OpenedAtUnixMs == ms && string.Compare(c.Id, id) > 0));
        }

        var records = await query.OrderBy(c => c.OpenedAtUnixMs).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var matches = new List<LoadedCase>();
        foreach (var record in records)
        {
            var loaded = CaseStore.Rebuild(record);
            if (Matches(loaded, request, today))
            {
                matches.Add(loaded);
                if (matches.Count > pageSize)
                {
                    break;
                }
            }
        }

        var response = new V1.ListCasesResponse();
        response.Cases.AddRange(matches.Take(pageSize).Select(c => c.ToProto(calendar, today)));
        if (matches.Count > pageSize)
        {
            var last = matches[pageSize - 1].Record;
            response.NextPageToken = string.Create(CultureInfo.InvariantCulture, $"{last.OpenedAtUnixMs}:{last.Id}");
        }

        return response;
    }

    private bool Matches(LoadedCase loaded, V1.ListCasesRequest request, DateOnly today) =>
        loaded.Items.Any(i =>
            (request.DepartmentId.Length == 0 || i.Item.Reviews.Any(r => r.Department.Id == request.DepartmentId))
            && (request.State == V1.ItemState.Unspecified || i.Item.State.ToProto() == request.State)
            && (!request.OverdueOnly || i.Item.Clock(calendar, today).IsOverdue));

    private static (long, string)? ParseToken(string token, RequestValidation validation)
    {
        if (token.Length == 0)
        {
            return null;
        }

        var colon = token.IndexOf(':');
        if (colon > 0 && long.TryParse(token.AsSpan(0, colon), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            return (ms, token[(colon + 1)..]);
        }

        validation.Add("page_token", "is not a token this service issued.");
        return null;
    }
}
