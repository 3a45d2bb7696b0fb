using ProjectHub.Registry.Domain;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Domain;
using ProjectHub.Registry.Access;
using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Persistence;
using ProjectHub.Security;

namespace ProjectHub.Registry.Projects;

/// <summary>Reading projects: one, a filtered page, and the audit trail.</summary>
public sealed class ProjectQueries(RegistryDbContext db)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public async Task<ProjectView> GetAsync(string projectId, Caller caller, CancellationToken ct)
    {
        var row = await ProjectStore.FindAsync(db, projectId, ct);
        RegistryAccess.RequireRead(caller, row);
        return await ProjectStore.ViewAsync(db, row, ct);
    }

    /// <summary>
    /// Registration order, with the id breaking ties; the page token is the last (instant, id) seen, so pages stay
    /// stable while projects are added or edited (keyset paging, no offsets). Only the caller's projects are listed:
    /// the scope is part of the query, so pages are full and tokens stay valid.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1309", Justification = "EF Core translates string.Compare to SQL comparison of ids (ASCII), which is the keyset order; it has no translation for an ordinal overload.")]
    public async Task<ProjectPage> ListAsync(ProjectFilter r, Caller caller, CancellationToken ct)
    {
        var v = new Violations();
        if (r.PageSize is < 0 or > MaxPageSize)
        {
            v.Add("page_size", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"须在 1 到 {MaxPageSize} 之间（0 表示默认的 {DefaultPageSize}）。"));
        }

        (long Ms, string Id)? after = null;
        if (!string.IsNullOrEmpty(r.PageToken))
        {
            after = DecodeToken(r.PageToken);
            if (after is null)
            {
                v.Add("page_token", "不是本服务签发的分页令牌。");
            }
        }

        var light = r.Light;
        var tier = r.Tier;
        var stage = r.Stage;
        v.ThrowIfAny();

        var query = db.Projects.AsNoTracking().Visible(caller);
        if (r.OnlyUnlit)
        {
            query = query.Where(p => p.Light == nameof(Light.None));
        }
        else if (light is { } l && l != Light.None)
        {
            var name = l.ToString();
            query = query.Where(p => p.Light == name);
        }

        if (tier is { } t)
        {
            var name = t.ToString();
            query = query.Where(p => p.Tier == name);
        }

        if (stage is { } s)
        {
            var name = s.ToString();
            query = query.Where(p => p.Stage == name);
        }

        if (!string.IsNullOrWhiteSpace(r.IndustryDepartment))
        {
            query = query.Where(p => p.IndustryDepartment == r.IndustryDepartment.Trim());
        }

        if (!string.IsNullOrWhiteSpace(r.Locality))
        {
            query = query.Where(p => p.Locality == r.Locality.Trim());
        }

        if (!string.IsNullOrWhiteSpace(r.LeaderInCharge))
        {
            query = query.Where(p => p.LeaderInCharge == r.LeaderInCharge.Trim());
        }

        if (!string.IsNullOrWhiteSpace(r.OwnerUnit))
        {
            query = query.Where(p => p.OwnerUnit == r.OwnerUnit.Trim());
        }

        if (!string.IsNullOrWhiteSpace(r.NameContains))
        {
            var text = r.NameContains.Trim();
            query = query.Where(p => p.Name.Contains(text));
        }

        if (after is { } a)
        {
            query = query.Where(p => p.RegisteredAtMs > a.Ms || (p.RegisteredAtMs == a.Ms && string.Compare(p.Id, a.Id) > 0));
        }

        var size = r.PageSize == 0 ? DefaultPageSize : r.PageSize;
        var rows = await query.OrderBy(p => p.RegisteredAtMs).ThenBy(p => p.Id).Take(size + 1).ToListAsync(ct);
        var page = rows.Take(size).ToList();
        var ids = page.Select(p => p.Id).ToList();
        var overdue = (await db.OverdueApprovals.AsNoTracking().Where(o => ids.Contains(o.ProjectId)).ToListAsync(ct))
            .ToLookup(o => o.ProjectId);

        var views = page.Select(p => new ProjectView(p, overdue[p.Id].OrderBy(o => o.DueDate).ToList())).ToList();
        return new ProjectPage(views, rows.Count > size ? EncodeToken(page[^1].RegisteredAtMs, page[^1].Id) : "");
    }

    public async Task<ProjectHistoryView> HistoryAsync(string projectId, Caller caller, CancellationToken ct)
    {
        var row = await ProjectStore.FindAsync(db, projectId, ct);
        RegistryAccess.RequireRead(caller, row);
        var audit = await db.Audit.AsNoTracking().Where(a => a.ProjectId == row.Id).OrderBy(a => a.Sequence).ToListAsync(ct);
        var baselines = await db.Baselines.AsNoTracking().Where(b => b.ProjectId == row.Id).OrderBy(b => b.Version).ToListAsync(ct);
        return new ProjectHistoryView(row.Id, audit, baselines);
    }

    private static string EncodeToken(long ms, string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{ms}|{id}")));

    private static (long Ms, string Id)? DecodeToken(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            return bar > 0 && long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                ? (ms, text[(bar + 1)..])
                : null;
        }
        catch (FormatException)
        {
            // Not base64: reported to the caller as a bad page_token.
            return null;
        }
    }
}
