namespace ProjectHub.Domain;

/// <summary>
/// One problem with one input field. <see cref="Field"/> is the request field path as the proto names it
/// (snake_case, e.g. <c>baseline.milestones[2].planned_date</c>) so a client can put the message beside the field.
/// </summary>
public sealed record FieldViolation(string Field, string Description);
