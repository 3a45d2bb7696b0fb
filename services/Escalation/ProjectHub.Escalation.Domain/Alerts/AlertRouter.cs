using ProjectHub.Escalation.Domain.Ladders;

namespace ProjectHub.Escalation.Domain.Alerts;

/// <summary>
/// Decides who receives an alert and builds one <see cref="Alert"/> per recipient, without duplicates. A trigger that
/// resolves to nobody (e.g. no leader configured for an industry) goes to the DRC instead, so no alert is lost.
/// </summary>
public sealed class AlertRouter
{
    private readonly RecipientDirectoryOptions _directory;

    public AlertRouter(RecipientDirectoryOptions directory)
    {
        _directory = directory;
    }

    /// <summary>The stable id of the alert for <paramref name="recipientId"/> caused by <paramref name="trigger"/>.</summary>
    public static string AlertId(AlertTrigger trigger, string recipientId) =>
        $"{AlertKinds.Code(trigger.Kind)}/{trigger.OccurrenceKey}/{recipientId}";

    public IReadOnlyList<Alert> Route(AlertTrigger trigger)
    {
        var problemId = (trigger as ProblemAlertTrigger)?.ProblemId;
        return RecipientsFor(trigger)
            .Select(recipient => new Alert(
                AlertId(trigger, recipient),
                recipient,
                trigger.Kind,
                AlertKinds.Code(trigger.Kind),
                AlertKinds.ChineseTitle(trigger.Kind),
                trigger.Body,
                trigger.Project.ProjectId,
                problemId,
                trigger.OccurredAt))
            .ToList();
    }

    /// <summary>Recipient ids in a stable order (most directly responsible first), each once.</summary>
    public IReadOnlyList<string> RecipientsFor(AlertTrigger trigger)
    {
        var project = trigger.Project;
        IEnumerable<string?> candidates = trigger switch
        {
            ProblemArrivedTrigger t => TierHandlers(t.Tier, project),
            DeadlineApproachingTrigger t => TierHandlers(t.Tier, project),
            TopTierOverdueTrigger t => TierHandlers(t.Tier, project).Concat(_directory.DrcRecipientIds),
            ProjectTurnedRedTrigger => [project.ResponsibleUnitId, .. Departments(project), .. LeadersInCharge(project)],
            ProjectTurnedYellowTrigger => [project.ResponsibleUnitId, .. Departments(project)],
            ApprovalOverdueTrigger t => [t.ApprovingDepartmentId, project.OwnerUnitId],
            _ => throw new ArgumentException($"No routing for trigger {trigger.GetType().Name}.", nameof(trigger)),
        };

        var recipients = Distinct(candidates);
        return recipients.Count > 0 ? recipients : Distinct(_directory.DrcRecipientIds);
    }

    /// <summary>
    /// Who handles problems at a tier. The first three preset tiers have fixed roles; any other tier (常务副市长,
    /// the meetings, or a tier a deployment adds) is whoever the directory seats there.
    /// </summary>
    private IEnumerable<string?> TierHandlers(LadderTier tier, ProjectRouting project) => tier.Id.ToUpperInvariant() switch
    {
        WellKnownTierIds.ResponsibleUnit => [project.ResponsibleUnitId, project.OwnerUnitId],
        WellKnownTierIds.IndustryDepartment => Departments(project),
        WellKnownTierIds.ViceMayor => LeadersInCharge(project),
        _ => LeadersAt(tier.Id, project),
    };

    private IEnumerable<string?> Departments(ProjectRouting project) =>
        !string.IsNullOrWhiteSpace(project.IndustryDepartmentId)
            ? [project.IndustryDepartmentId]
            : _directory.Departments.Where(d => Contains(d.Industries, project.Industry)).Select(d => d.Id);

    // The project's own 分管市领导 wins; otherwise the vice mayor(s) whose portfolio covers the project.
    private IEnumerable<string?> LeadersInCharge(ProjectRouting project) =>
        !string.IsNullOrWhiteSpace(project.LeaderInChargeId)
            ? [project.LeaderInChargeId]
            : LeadersAt(WellKnownTierIds.ViceMayor, project);

    private IEnumerable<string?> LeadersAt(string tierId, ProjectRouting project)
    {
        var departments = Departments(project).ToList();
        return _directory.Leaders
            .Where(l => string.Equals(l.TierId, tierId, StringComparison.OrdinalIgnoreCase))
            .Where(l => Covers(l, project.Industry, departments))
            .Select(l => l.Id);
    }

    private static bool Covers(LeaderEntry leader, string industry, List<string?> departments) =>
        (leader.Industries.Count == 0 && leader.DepartmentIds.Count == 0)
        || Contains(leader.Industries, industry)
        || departments.Any(d => d is not null && Contains(leader.DepartmentIds, d));

    private static bool Contains(List<string> values, string value) =>
        values.Any(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));

    private static List<string> Distinct(IEnumerable<string?> ids) =>
        ids.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!.Trim()).Distinct(StringComparer.Ordinal).ToList();
}
