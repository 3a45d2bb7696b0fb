using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Approval.Access;
using ProjectHub.Approval.Domain;
using ProjectHub.Approval.Persistence;
using ProjectHub.Calendar;
using ProjectHub.Domain;
using ProjectHub.Security;

namespace ProjectHub.Approval.Cases;

/// <summary>Which cases ListCases is asked for.</summary>
/// <param name="DepartmentId">Only cases with an item this department reviews; empty: any.</param>
/// <param name="State">Only cases with an item in this state (the same item as <paramref name="DepartmentId"/>); null: any.</param>
/// <param name="PageSize">1..100; 0 means 50.</param>
/// <param name="PageToken">From the previous page's <see cref="CasePage.NextPageToken"/>; empty for the first page.</param>
/// <param name="Problems">What could not be read from the request (state), reported with the other bad fields.</param>
public sealed record ListCasesQuery(
    string DepartmentId, ApprovalItemState? State, bool OverdueOnly, int PageSize, string PageToken, Violations Problems);

/// <summary>One page of cases; <see cref="NextPageToken"/> is empty on the last page.</summary>
public sealed record CasePage(IReadOnlyList<LoadedCase> Cases, string NextPageToken);

/// <summary>
/// Cases in opening order, filtered by department, item state and overdue. Filters need the rebuilt clock, so they
/// run in memory over the cases after the page token; a city's key-project list is hundreds of cases, not millions.
/// What the caller may read is filtered in the query, so a page is never filled with cases it may not see.
/// </summary>
public sealed class ListCases(ApprovalDbContext db, CaseStore store, TimeProvider time, IWorkingCalendar calendar, ApprovalRules rules)
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 100;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1309", Justification = "EF Core translates string.Compare to SQL comparison of ids (ASCII), which is the keyset order; it has no translation for an ordinal overload.")]
    public async Task<CasePage> HandleAsync(ListCasesQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var validation = new Violations();
        if (query.PageSize is < 0 or > MaxPageSize)
        {
            validation.Add("page_size", $"须在 0..{MaxPageSize} 之间。");
        }

        validation.AddRange(query.Problems.Items);
        validation.Text("department_id", query.DepartmentId, RequestChecks.MaxNameLength);
        var departmentId = validation.Department(rules, "department_id", query.DepartmentId);
        var after = ParseToken(query.PageToken, validation);
        validation.ThrowIfInvalid();

        var pageSize = query.PageSize == 0 ? DefaultPageSize : query.PageSize;
        var cases = store.WithItems().Where(ApprovalAccess.ReadableBy(caller, db.ProjectRoutes));
        if (after is var (ms, id))
        {
            cases = cases.Where(c => c.OpenedAtUnixMs > ms || (c.OpenedAtUnixMs == ms && string.Compare(c.Id, id) > 0));
        }

        var records = await cases.OrderBy(c => c.OpenedAtUnixMs).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var today = time.Today();
        var matches = new List<LoadedCase>();
        foreach (var record in records)
        {
            var loaded = CaseStore.Rebuild(record);
            if (Matches(loaded, query with { DepartmentId = departmentId }, today))
            {
                matches.Add(loaded);
                if (matches.Count > pageSize)
                {
                    break;
                }
            }
        }

        var next = "";
        if (matches.Count > pageSize)
        {
            var last = matches[pageSize - 1].Record;
            next = string.Create(CultureInfo.InvariantCulture, $"{last.OpenedAtUnixMs}:{last.Id}");
        }

        return new CasePage(matches.Take(pageSize).ToList(), next);
    }

    private bool Matches(LoadedCase loaded, ListCasesQuery query, DateOnly today) =>
        loaded.Items.Any(i =>
            (query.DepartmentId.Length == 0 || i.Item.Reviews.Any(r => r.Department.Id == query.DepartmentId))
            && (query.State is not { } state || i.Item.State == state)
            && (!query.OverdueOnly || i.Item.Clock(calendar, today).IsOverdue));

    private static (long, string)? ParseToken(string token, Violations validation)
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

        validation.Add("page_token", "不是本服务签发的分页标记。");
        return null;
    }
}
