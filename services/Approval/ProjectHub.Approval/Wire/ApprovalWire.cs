using System.Globalization;
using System.Text.RegularExpressions;
using ProjectHub.Approval.Cases;
using ProjectHub.Approval.Items;
using ProjectHub.Calendar;
using ProjectHub.Domain;
using ProjectHub.Wire;
using D = ProjectHub.Approval.Domain;

namespace ProjectHub.Approval.Wire;

/// <summary>
/// projecthub.approval.v1 messages ⇄ domain values. Reading never throws: what cannot be read becomes a violation
/// (snake_case proto path) in the command, and the use case reports it with every other bad field after its role
/// gate. Proto enums are the domain enums shifted by one (0 = UNSPECIFIED).
/// </summary>
public static partial class ApprovalWire
{
    /// <summary>Documents of one submission: a complete dossier, not an archive.</summary>
    public const int MaxDocuments = 50;

    /// <summary>The largest document a reference may describe (10 GiB, beyond any scanned dossier).</summary>
    public const long MaxDocumentBytes = 10L * 1024 * 1024 * 1024;

    // Requests → commands.

    public static OpenCaseCommand FromWire(V1.OpenCaseRequest request)
    {
        var problems = new Violations();
        var investment = ParseDecimal("total_investment", request.TotalInvestment, problems);
        return new OpenCaseCommand(
            request.ProjectId, investment, request.GovernmentInvested, request.GreenChannel, request.OwnerUnit, problems);
    }

    public static ListCasesQuery FromWire(V1.ListCasesRequest request)
    {
        var problems = new Violations();
        D.ApprovalItemState? state = null;
        if (request.State != V1.ItemState.Unspecified)
        {
            if (Enum.IsDefined(request.State))
            {
                state = FromWire(request.State);
            }
            else
            {
                problems.Add("state", "须为 ITEM_STATE_ 开头的事项状态之一。");
            }
        }

        return new ListCasesQuery(request.DepartmentId, state, request.OverdueOnly, request.PageSize, request.PageToken, problems);
    }

    public static SubmitItemCommand FromWire(V1.SubmitItemRequest request)
    {
        var problems = new Violations();
        var documents = ParseDocuments("documents", request.Documents, problems);
        return new SubmitItemCommand(request.CaseId, FromWire(request.Kind), documents, request.Note, problems);
    }

    /// <summary>Null for UNSPECIFIED and for a number this API does not define: the use case names the field.</summary>
    public static D.ApprovalItemKind? FromWire(V1.ItemKind kind) =>
        kind == V1.ItemKind.Unspecified || !Enum.IsDefined(kind) ? null : (D.ApprovalItemKind)((int)kind - 1);

    public static D.ApprovalItemState FromWire(V1.ItemState state) => (D.ApprovalItemState)((int)state - 1);

    /// <summary>An exact decimal of at most 14 integer and 4 fractional digits (万元 to 0.0001, the stored precision).</summary>
    public static decimal ParseDecimal(string field, ProjectHub.Type.V1.Decimal? value, Violations problems)
    {
        var text = value?.Value?.Trim() ?? "";
        if (!DecimalPattern().IsMatch(text))
        {
            problems.Add(field, "须为十进制数字字符串，如 \"3000.01\"（最多 4 位小数）。");
            return 0;
        }

        return decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    /// <summary>Every document that is valid; every bad field of the others named in <paramref name="problems"/> (documents[i].sha256 …).</summary>
    public static IReadOnlyList<D.DocumentReference> ParseDocuments(
        string field, IReadOnlyList<V1.DocumentReference> documents, Violations problems)
    {
        var result = new List<D.DocumentReference>();
        if (documents.Count > MaxDocuments)
        {
            // One violation, not one per element: ten thousand of them would make an answer no client accepts.
            problems.Add(field, string.Create(CultureInfo.InvariantCulture, $"最多 {MaxDocuments} 份材料，现有 {documents.Count} 份。"));
            return result;
        }

        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            var errors = D.DocumentReference.Validate(d.Name, d.Sha256, d.SizeBytes, d.Location);
            foreach (var error in errors)
            {
                problems.Add($"{field}[{i}].{D.ApprovalErrors.WireField(error.FieldName)}", error.Message);
            }

            if (d.SizeBytes > MaxDocumentBytes)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field}[{i}].size_bytes"),
                    string.Create(CultureInfo.InvariantCulture, $"最大 {MaxDocumentBytes} 字节（10 GiB）。"));
            }

            if (errors.Count == 0 && d.SizeBytes <= MaxDocumentBytes)
            {
                result.Add(D.DocumentReference.Create(d.Name, d.Sha256, d.SizeBytes, d.Location));
            }
        }

        return result;
    }

    // Domain values and stored state → messages.

    public static V1.ItemKind ToWire(D.ApprovalItemKind kind) => (V1.ItemKind)((int)kind + 1);

    public static V1.ItemState ToWire(D.ApprovalItemState state) => (V1.ItemState)((int)state + 1);

    /// <param name="today">The Asia/Shanghai date the items' clocks are read on.</param>
    public static V1.ApprovalCase ToWire(LoadedCase loaded, IWorkingCalendar calendar, DateOnly today)
    {
        var record = loaded.Record;
        var message = new V1.ApprovalCase
        {
            CaseId = record.Id,
            ProjectId = record.ProjectId,
            TotalInvestment = WireDecimal.ToWire(record.TotalInvestment),
            GovernmentInvested = record.GovernmentInvested,
            GreenChannel = record.GreenChannel,
            OwnerUnit = record.OwnerUnit,
            ExpertReviewRequired = record.ExpertReviewRequired,
            PreliminaryDesignInPlaceOfFeasibility = record.PreliminaryDesignInPlaceOfFeasibility,
            ReadyToStartConstruction = loaded.AllApproved,
            OpenedAt = WireDate.Instant(record.OpenedAtUnixMs),
            OpenedBy = record.OpenedBy,
        };
        message.Items.AddRange(loaded.Items.Select(i => ToWire(i, calendar, today)));
        return message;
    }

    /// <param name="today">The Asia/Shanghai date the item's clock is read on.</param>
    public static V1.ApprovalItem ToWire(LoadedItem loaded, IWorkingCalendar calendar, DateOnly today)
    {
        var item = loaded.Item;
        var message = new V1.ApprovalItem
        {
            CaseId = loaded.Record.CaseId,
            Kind = ToWire(item.Kind),
            DisplayName = item.Requirement.DisplayName,
            State = ToWire(item.State),
            JointReview = item.IsJointReview,
            BaseTimeLimitWorkingDays = item.Requirement.BaseTimeLimitWorkingDays,
            TimeLimitWorkingDays = item.TimeLimitWorkingDays,
            Clock = ToWire(item.Clock(calendar, today)),
        };
        message.Reviews.AddRange(item.Reviews.Select(r => new V1.DepartmentReview
        {
            DepartmentId = r.Department.Id,
            DepartmentName = r.Department.Name,
            Status = (V1.ReviewStatus)((int)r.Status + 1),
        }));
        message.Documents.AddRange(item.Documents.Select(ToWire));
        return message;
    }

    public static V1.Clock ToWire(D.ApprovalClock clock) => new()
    {
        State = (V1.ClockState)((int)clock.State + 1),
        TimeLimitWorkingDays = clock.TimeLimitWorkingDays,
        WorkingDaysUsed = clock.DaysUsed,
        WorkingDaysLeft = clock.DaysLeft,
        DueDate = WireDate.ToWire(clock.DueDate),
        DueDateProvisional = clock.DueDateProvisional,
        Overdue = clock.IsOverdue,
        DueSoon = clock.IsDueSoon,
    };

    public static V1.DocumentReference ToWire(D.DocumentReference document) => new()
    {
        Name = document.Name,
        Sha256 = document.Sha256,
        SizeBytes = document.SizeBytes,
        Location = document.Location,
    };

    public static V1.TimelineEntry ToWire(TimelineStep step)
    {
        var entry = step.Entry;
        var message = new V1.TimelineEntry
        {
            Sequence = step.Sequence,
            Action = (V1.TimelineAction)((int)entry.Action + 1),
            From = ToWire(entry.From),
            To = ToWire(entry.To),
            Actor = entry.Actor,
            DepartmentId = entry.DepartmentId ?? "",
            At = WireDate.Instant(entry.At),
            Date = WireDate.ToWire(step.Day),
            Note = entry.Note ?? "",
            WorkingDaysUsed = step.Clock.DaysUsed,
            WorkingDaysLeft = step.Clock.DaysLeft,
        };
        message.Documents.AddRange(entry.Documents.Select(ToWire));
        return message;
    }

    /// <param name="today">The Asia/Shanghai date the item's current clock is read on.</param>
    public static V1.GetTimelineResponse ToWire(ItemTimeline timeline, IWorkingCalendar calendar, DateOnly today)
    {
        var response = new V1.GetTimelineResponse { Item = ToWire(timeline.Item, calendar, today) };
        response.Entries.AddRange(timeline.Steps.Select(ToWire));
        return response;
    }

    [GeneratedRegex(@"^-?\d{1,14}(\.\d{1,4})?$")]
    private static partial Regex DecimalPattern();
}
