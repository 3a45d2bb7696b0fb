namespace ProjectHub.Approval.Domain;

/// <summary>
/// Chinese words for what a refusal names, because its message is read by DRC staff, owners and departments; the
/// machine-readable reason codes stay English (<see cref="ApprovalErrorReason"/>).
/// </summary>
public static class ApprovalTexts
{
    public static string State(ApprovalItemState state) => state switch
    {
        ApprovalItemState.NotSubmitted => "未提交",
        ApprovalItemState.Submitted => "已提交",
        ApprovalItemState.InReview => "审查中",
        ApprovalItemState.Approved => "已批准",
        ApprovalItemState.Returned => "已退回补正",
        _ => state.ToString(),
    };
}
