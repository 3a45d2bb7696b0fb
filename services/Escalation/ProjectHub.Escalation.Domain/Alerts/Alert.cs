namespace ProjectHub.Escalation.Domain.Alerts;

/// <summary>
/// One alert for one recipient, stored before delivery. <see cref="Id"/> is derived from the trigger and the
/// recipient, so a redelivered trigger yields the same id and the store can ignore the duplicate.
/// </summary>
/// <param name="Code">English code of <see cref="Kind"/>, e.g. <c>PROJECT_RED</c>.</param>
/// <param name="Title">Chinese title, e.g. 项目红灯预警.</param>
/// <param name="CreatedAt">The trigger's instant, not the routing time, so redelivery reproduces it exactly.</param>
public sealed record Alert(
    string Id,
    string RecipientId,
    AlertKind Kind,
    string Code,
    string Title,
    string Body,
    string ProjectId,
    Guid? ProblemId,
    DateTimeOffset CreatedAt);
