namespace ProjectHub.Contracts.Approval;

/// <summary>An approval item passed its time limit in working days.</summary>
public sealed record ApprovalOverdue(
    Guid EventId, DateTimeOffset OccurredAt, string ProjectId, string CaseId, string ItemKind, string ItemName,
    IReadOnlyList<string> Departments, string OwnerUnit, DateOnly DueDate, int WorkingDaysOver) : IIntegrationEvent;

/// <summary>An approval item is one working day from its limit (临期提醒).</summary>
public sealed record ApprovalDueSoon(
    Guid EventId, DateTimeOffset OccurredAt, string ProjectId, string CaseId, string ItemKind, string ItemName,
    IReadOnlyList<string> Departments, string OwnerUnit, DateOnly DueDate) : IIntegrationEvent;

/// <summary>An overdue item was approved or returned: the registry drops the approval-overdue reason.</summary>
public sealed record ApprovalOverdueCleared(
    Guid EventId, DateTimeOffset OccurredAt, string ProjectId, string CaseId, string ItemKind) : IIntegrationEvent;

/// <summary>Every required item is approved: the project is ready to start construction (具备开工条件).</summary>
public sealed record ApprovalsCompleted(
    Guid EventId, DateTimeOffset OccurredAt, string ProjectId, string CaseId) : IIntegrationEvent;
