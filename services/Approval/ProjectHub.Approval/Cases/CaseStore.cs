using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Approval.Access;
using ProjectHub.Approval.Domain;
using ProjectHub.Approval.Persistence;
using ProjectHub.Hosting.Projects;

namespace ProjectHub.Approval.Cases;

/// <summary>A case as loaded: its rows and the domain items rebuilt from their timelines.</summary>
public sealed record LoadedCase(CaseRecord Record, IReadOnlyList<LoadedItem> Items)
{
    /// <summary>Whom the project answers to; <see cref="CaseStore.FindAsync"/> fills it from the routing copy.</summary>
    public ProjectScope Scope { get; init; } = ProjectScope.Unknown(Record.OwnerUnit);

    public bool AllApproved => Items.All(i => i.Item.State == ApprovalItemState.Approved);

    public LoadedItem? Find(ApprovalItemKind kind) => Items.FirstOrDefault(i => i.Item.Kind == kind);

    /// <summary>Every department approving any item of the case.</summary>
    public IEnumerable<Department> Departments => Items.SelectMany(i => i.Item.Reviews.Select(r => r.Department));
}

/// <summary>One item's row and its rebuilt domain object.</summary>
public sealed record LoadedItem(ItemRecord Record, ApprovalItem Item);

/// <summary>Loads cases and rebuilds their items by replaying the stored timeline through the domain (Apply).</summary>
public sealed class CaseStore(ApprovalDbContext db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IQueryable<CaseRecord> WithItems() =>
        db.Cases.Include(c => c.Items).ThenInclude(i => i.Timeline).AsSplitQuery();

    public async Task<LoadedCase?> FindAsync(string caseId, CancellationToken cancellationToken)
    {
        var record = await WithItems().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var route = await db.FindRouteAsync(record.ProjectId, cancellationToken);
        return Rebuild(record) with { Scope = ProjectScope.Of(record, route) };
    }

    public static LoadedCase Rebuild(CaseRecord record) =>
        new(record, record.Items.OrderBy(i => (int)ParseKind(i.Kind)).Select(RebuildItem).ToList());

    public static LoadedItem RebuildItem(ItemRecord record)
    {
        var item = new ApprovalItem(Requirement(record));
        foreach (var entry in record.Timeline.OrderBy(t => t.Sequence))
        {
            item.Apply(ToEntry(item.Kind, entry));
        }

        return new LoadedItem(record, item);
    }

    public static RequiredItem Requirement(ItemRecord record) => new(
        ParseKind(record.Kind),
        record.DisplayName,
        JsonSerializer.Deserialize<List<Department>>(record.DepartmentsJson, Json) ?? [],
        record.BaseTimeLimitWorkingDays,
        record.TimeLimitWorkingDays);

    public static ItemRecord NewItem(string caseId, RequiredItem requirement) => new()
    {
        CaseId = caseId,
        Kind = requirement.Kind.ToString(),
        DisplayName = requirement.DisplayName,
        DepartmentsJson = JsonSerializer.Serialize(requirement.Departments, Json),
        BaseTimeLimitWorkingDays = requirement.BaseTimeLimitWorkingDays,
        TimeLimitWorkingDays = requirement.TimeLimitWorkingDays,
        State = ApprovalItemState.NotSubmitted.ToString(),
    };

    /// <summary>Appends a change the domain accepted to the item's timeline (saved with the unit of work).</summary>
    public void Record(LoadedItem item, TimelineEntry entry)
    {
        var record = new TimelineRecord
        {
            ItemId = item.Record.Id,
            Sequence = item.Record.Timeline.Count + 1,
            Action = entry.Action.ToString(),
            FromState = entry.From.ToString(),
            ToState = entry.To.ToString(),
            Actor = entry.Actor,
            DepartmentId = entry.DepartmentId,
            AtUnixMs = entry.At.ToUnixTimeMilliseconds(),
            Note = entry.Note,
            DocumentsJson = JsonSerializer.Serialize(entry.Documents.Select(StoredDocument.From), Json),
        };
        item.Record.Timeline.Add(record);
        db.Timeline.Add(record);
        item.Record.State = item.Item.State.ToString();
        item.Record.Version++;
    }

    public static TimelineEntry ToEntry(ApprovalItemKind kind, TimelineRecord record) => new(
        kind,
        Enum.Parse<ApprovalAction>(record.Action),
        Enum.Parse<ApprovalItemState>(record.FromState),
        Enum.Parse<ApprovalItemState>(record.ToState),
        record.Actor,
        record.DepartmentId,
        DateTimeOffset.FromUnixTimeMilliseconds(record.AtUnixMs),
        record.Note,
        (JsonSerializer.Deserialize<List<StoredDocument>>(record.DocumentsJson, Json) ?? [])
            .Select(d => DocumentReference.Create(d.Name, d.Sha256, d.SizeBytes, d.Location)).ToList());

    public static ApprovalItemKind ParseKind(string kind) => Enum.Parse<ApprovalItemKind>(kind);

    /// <summary>
    /// How a department of this name appears in <see cref="ItemRecord.DepartmentsJson"/>: the name member through the
    /// closing brace, so a query can find the department by exact name (escaped as stored, never a prefix).
    /// </summary>
    public static string StoredDepartmentName(string name)
    {
        var json = JsonSerializer.Serialize(new Department("", name), Json);
        return json[json.IndexOf(",\"name\":", StringComparison.Ordinal)..];
    }

    private sealed record StoredDocument(string Name, string Sha256, long SizeBytes, string Location)
    {
        public static StoredDocument From(DocumentReference d) => new(d.Name, d.Sha256, d.SizeBytes, d.Location);
    }
}
