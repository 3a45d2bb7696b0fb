namespace ProjectHub.Registry.Domain.Lights;

/// <summary>
/// Why a light is what it is. <see cref="Subject"/> names the milestone or approval item for rules that can fire
/// more than once, so two overdue milestones stay two reasons; it is null for project-wide rules.
/// </summary>
public sealed record LightReason(string Code, Light Light, string Message, string? Subject = null);
