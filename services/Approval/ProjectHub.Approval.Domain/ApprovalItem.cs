using ProjectHub.Calendar;
using ProjectHub.Domain;

namespace ProjectHub.Approval.Domain;

/// <summary>
/// One required approval item and its state machine. Every successful operation returns the timeline entry to
/// persist; a refused one throws a <see cref="DomainException"/> (<see cref="ApprovalErrors.Refusal"/>) and changes
/// nothing. Arguments are checked before state, so a bad argument is reported as such whatever the state.
/// </summary>
/// <remarks>
/// Joint review, resubmission: every submission carries the complete document set. A department's approval
/// survives a return and resubmission when every document it signed is still in the new set, byte-identical
/// (same SHA-256); a supplement added for the returning department does not void it, a replaced or removed
/// document does. The returning department always reviews again. This spares departments that already signed
/// from re-reviewing unchanged material while never keeping a signature over content it did not see.
/// </remarks>
public sealed class ApprovalItem
{
    private readonly DepartmentReview[] _reviews;
    private readonly List<ReviewPeriod> _periods = [];
    private DateTimeOffset? _lastChange;

    public ApprovalItem(RequiredItem requirement)
    {
        if (requirement.Departments.Count == 0)
        {
            throw new ArgumentException("An item needs at least one department.", nameof(requirement));
        }

        Requirement = requirement;
        _reviews = requirement.Departments.Select(DepartmentReview.Pending).ToArray();
        Reviews = _reviews.AsReadOnly();
        ReviewPeriods = _periods.AsReadOnly();
    }

    public RequiredItem Requirement { get; }

    public ApprovalItemKind Kind => Requirement.Kind;

    /// <summary>The limit in force (green channel already applied).</summary>
    public int TimeLimitWorkingDays => Requirement.TimeLimitWorkingDays;

    public bool IsJointReview => Requirement.IsJointReview;

    public ApprovalItemState State { get; private set; } = ApprovalItemState.NotSubmitted;

    /// <summary>The documents of the latest submission.</summary>
    public IReadOnlyList<DocumentReference> Documents { get; private set; } = [];

    /// <summary>Each department's position, in the order the departments are listed.</summary>
    public IReadOnlyList<DepartmentReview> Reviews { get; }

    public IReadOnlyList<ReviewPeriod> ReviewPeriods { get; }

    /// <summary>Submit, or resubmit after a return, with the complete document set.</summary>
    public TimelineEntry Submit(IReadOnlyCollection<DocumentReference> documents, string actor, DateTimeOffset at, string? note = null)
    {
        RequireActorAndOrder(actor, at);
        if (documents.Count == 0)
        {
            throw Error(ApprovalErrorReason.DocumentsRequired, "提交时至少需要一份材料。", "documents");
        }

        var hashes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (!hashes.Add(document.Sha256))
            {
                throw Error(ApprovalErrorReason.DuplicateDocument, $"材料“{document.Name}”重复提交（内容相同）。", "documents");
            }
        }

        RequireNotApproved();
        if (State is ApprovalItemState.Submitted or ApprovalItemState.InReview)
        {
            throw Error(ApprovalErrorReason.AlreadySubmitted, $"{Name}当前{ApprovalTexts.State(State)}，不能再次提交。");
        }

        for (var i = 0; i < _reviews.Length; i++)
        {
            var review = _reviews[i];
            var keep = review.Status == DepartmentReviewStatus.Approved && review.SignedDocuments.IsSubsetOf(hashes);
            if (!keep)
            {
                _reviews[i] = DepartmentReview.Pending(review.Department);
            }
        }

        Documents = documents.ToList().AsReadOnly();
        return Change(ApprovalAction.Submit, ApprovalItemState.Submitted, actor, null, at, note, Documents);
    }

    /// <summary>受理: a department on the item accepts the submission; the clock starts or resumes that day.</summary>
    public TimelineEntry Accept(string departmentId, string actor, DateTimeOffset at, string? note = null)
    {
        RequireActorAndOrder(actor, at);
        RequireDepartment(departmentId);
        RequireNotApproved();
        if (State == ApprovalItemState.InReview)
        {
            throw Error(ApprovalErrorReason.AlreadyAccepted, $"{Name}已受理，正在审查中。");
        }

        if (State != ApprovalItemState.Submitted)
        {
            throw Error(ApprovalErrorReason.NotSubmitted, $"{Name}当前{ApprovalTexts.State(State)}，没有待受理的提交。");
        }

        _periods.Add(new ReviewPeriod(ShanghaiTime.DateOf(at), null));
        return Change(ApprovalAction.Accept, ApprovalItemState.InReview, actor, departmentId, at, note, []);
    }

    /// <summary>One department signs off; the item is approved once every department has.</summary>
    public TimelineEntry Approve(string departmentId, string actor, DateTimeOffset at, string? note = null)
    {
        RequireActorAndOrder(actor, at);
        var index = RequireDepartment(departmentId);
        RequireInReview();
        if (_reviews[index].Status == DepartmentReviewStatus.Approved)
        {
            throw Error(ApprovalErrorReason.DepartmentAlreadyApproved, $"{DepartmentName(departmentId)}已批准{Name}。");
        }

        var signed = Documents.Select(d => d.Sha256).ToHashSet(StringComparer.Ordinal);
        _reviews[index] = _reviews[index] with { Status = DepartmentReviewStatus.Approved, SignedDocuments = signed };
        if (_reviews.Any(r => r.Status != DepartmentReviewStatus.Approved))
        {
            return Change(ApprovalAction.Approve, ApprovalItemState.InReview, actor, departmentId, at, note, []);
        }

        EndPeriod(at);
        return Change(ApprovalAction.Approve, ApprovalItemState.Approved, actor, departmentId, at, note, []);
    }

    /// <summary>退回补正: one department returns the item; the clock pauses until it is accepted again.</summary>
    public TimelineEntry Return(string departmentId, string actor, DateTimeOffset at, string reason)
    {
        RequireActorAndOrder(actor, at);
        var index = RequireDepartment(departmentId);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw Error(ApprovalErrorReason.ReasonRequired, "退回补正须写明需要补正的内容。", "reason");
        }

        RequireInReview();
        _reviews[index] = _reviews[index] with
        {
            Status = DepartmentReviewStatus.Returned,
            SignedDocuments = new HashSet<string>(),
        };
        EndPeriod(at);
        return Change(ApprovalAction.Return, ApprovalItemState.Returned, actor, departmentId, at, reason, []);
    }

    /// <summary>Replays a persisted entry (the service rebuilds items from their timeline).</summary>
    public TimelineEntry Apply(TimelineEntry entry)
    {
        if (entry.Item != Kind)
        {
            throw new ArgumentException($"Entry is for {entry.Item}, not {Kind}.", nameof(entry));
        }

        return entry.Action switch
        {
            ApprovalAction.Submit => Submit(entry.Documents, entry.Actor, entry.At, entry.Note),
            ApprovalAction.Accept => Accept(entry.DepartmentId ?? "", entry.Actor, entry.At, entry.Note),
            ApprovalAction.Approve => Approve(entry.DepartmentId ?? "", entry.Actor, entry.At, entry.Note),
            _ => Return(entry.DepartmentId ?? "", entry.Actor, entry.At, entry.Note ?? ""),
        };
    }

    /// <summary>The working-day clock as of <paramref name="today"/> (an Asia/Shanghai date).</summary>
    public ApprovalClock Clock(IWorkingCalendar calendar, DateOnly today) =>
        ApprovalClock.Compute(TimeLimitWorkingDays, _periods, State == ApprovalItemState.Approved, calendar, today);

    /// <summary>The item as people call it (项目建议书), for refusal messages.</summary>
    private string Name => Requirement.DisplayName;

    private string DepartmentName(string departmentId) =>
        _reviews.FirstOrDefault(r => r.Department.Id == departmentId)?.Department.Name ?? departmentId;

    private static DomainException Error(ApprovalErrorReason reason, string message, string? field = null) =>
        ApprovalErrors.Refusal(reason, message, field);

    private void RequireActorAndOrder(string actor, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(actor))
        {
            throw Error(ApprovalErrorReason.ActorRequired, "每次变更都须记录操作人。", "actor");
        }

        if (at < _lastChange)
        {
            throw Error(ApprovalErrorReason.OutOfOrder, $"操作时间 {at:O} 早于{Name}的上次变更时间 {_lastChange:O}。", "at");
        }
    }

    private int RequireDepartment(string departmentId)
    {
        var index = Array.FindIndex(_reviews, r => r.Department.Id == departmentId);
        return index >= 0
            ? index
            : throw Error(ApprovalErrorReason.DepartmentNotOnItem, $"“{departmentId}”不是{Name}的审批部门；审批部门：{string.Join("、", _reviews.Select(r => $"{r.Department.Name}（{r.Department.Id}）"))}。", "departmentId");
    }

    private void RequireNotApproved()
    {
        if (State == ApprovalItemState.Approved)
        {
            throw Error(ApprovalErrorReason.AlreadyApproved, $"{Name}已批准，不能再变更。");
        }
    }

    private void RequireInReview()
    {
        RequireNotApproved();
        if (State != ApprovalItemState.InReview)
        {
            throw Error(ApprovalErrorReason.NotAccepted, $"{Name}当前{ApprovalTexts.State(State)}，只有已受理（审查中）的事项才能批准或退回。");
        }
    }

    private void EndPeriod(DateTimeOffset at) => _periods[^1] = _periods[^1] with { EndedOn = ShanghaiTime.DateOf(at) };

    private TimelineEntry Change(
        ApprovalAction action,
        ApprovalItemState to,
        string actor,
        string? departmentId,
        DateTimeOffset at,
        string? note,
        IReadOnlyList<DocumentReference> documents)
    {
        var entry = new TimelineEntry(Kind, action, State, to, actor, departmentId, at, note, documents);
        State = to;
        _lastChange = at;
        return entry;
    }
}
