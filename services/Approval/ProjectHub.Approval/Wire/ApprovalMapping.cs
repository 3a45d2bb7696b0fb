using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using ProjectHub.Approval.Cases;
using ProjectHub.Calendar;
using Domain = ProjectHub.Approval.Domain;
using V1 = ProjectHub.Approval.V1;

namespace ProjectHub.Approval.Wire;

/// <summary>Domain and stored state to wire messages. Proto enums are the domain enums shifted by one (0 = UNSPECIFIED).</summary>
public static class ApprovalMapping
{
    public static V1.ItemKind ToProto(this Domain.ApprovalItemKind kind) => (V1.ItemKind)((int)kind + 1);

    public static V1.ItemState ToProto(this Domain.ApprovalItemState state) => (V1.ItemState)((int)state + 1);

    public static string ToWire(this DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static V1.Decimal ToProtoDecimal(this decimal value) => new() { Value = value.ToString(CultureInfo.InvariantCulture) };

    public static V1.ApprovalCase ToProto(this LoadedCase loaded, IWorkingCalendar calendar, DateOnly today)
    {
        var record = loaded.Record;
        var message = new V1.ApprovalCase
        {
            CaseId = record.Id,
            ProjectId = record.ProjectId,
            TotalInvestment = record.TotalInvestment.ToProtoDecimal(),
            GovernmentInvested = record.GovernmentInvested,
            GreenChannel = record.GreenChannel,
            OwnerUnit = record.OwnerUnit,
            ExpertReviewRequired = record.ExpertReviewRequired,
            PreliminaryDesignInPlaceOfFeasibility = record.PreliminaryDesignInPlaceOfFeasibility,
            ReadyToStartConstruction = loaded.AllApproved,
            OpenedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(record.OpenedAtUnixMs)),
            OpenedBy = record.OpenedBy,
        };
        message.Items.AddRange(loaded.Items.Select(i => i.ToProto(record.Id, calendar, today)));
        return message;
    }

    public static V1.ApprovalItem ToProto(this LoadedItem loaded, string caseId, IWorkingCalendar calendar, DateOnly today)
    {
        var item = loaded.Item;
        var message = new V1.ApprovalItem
        {
            CaseId = caseId,
            Kind = item.Kind.ToProto(),
            DisplayName = item.Requirement.DisplayName,
            State = item.State.ToProto(),
            JointReview = item.IsJointReview,
            BaseTimeLimitWorkingDays = item.Requirement.BaseTimeLimitWorkingDays,
            TimeLimitWorkingDays = item.TimeLimitWorkingDays,
            Clock = item.Clock(calendar, today).ToProto(),
        };
        message.Reviews.AddRange(item.Reviews.Select(r => new V1.DepartmentReview
        {
            DepartmentId = r.Department.Id,
            DepartmentName = r.Department.Name,
            Status = (V1.ReviewStatus)((int)r.Status + 1),
        }));
        message.Documents.AddRange(item.Documents.Select(ToProto));
        return message;
    }

    public static V1.Clock ToProto(this Domain.ApprovalClock clock) => new()
    {
        State = (V1.ClockState)((int)clock.State + 1),
        TimeLimitWorkingDays = clock.TimeLimitWorkingDays,
        WorkingDaysUsed = clock.DaysUsed,
        WorkingDaysLeft = clock.DaysLeft,
        DueDate = clock.DueDate?.ToWire() ?? "",
        Overdue = clock.IsOverdue,
        DueSoon = clock.IsDueSoon,
    };

    public static V1.DocumentReference ToProto(this Domain.DocumentReference document) => new()
    {
        Name = document.Name,
        Sha256 = document.Sha256,
        SizeBytes = document.SizeBytes,
        Location = document.Location,
    };
}
