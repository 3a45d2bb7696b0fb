using ProjectHub.Domain;

namespace ProjectHub.Registry.Domain.Progress;

/// <summary>
/// What a replacing report keeps of the milestones the version it replaces had reached. An owner correcting a
/// week's figures rarely types the milestones again; dropping them silently would un-reach a milestone (and can
/// change the light), so a replacement keeps each one it leaves out unless the owner withdraws it by name. A
/// milestone listed again keeps the date given now (a corrected date is a correction, not a withdrawal).
/// </summary>
public static class MilestoneCarryForward
{
    /// <summary>The report to store, and the milestones it kept from the replaced version without being told.</summary>
    public sealed record Outcome(ProgressReport Report, IReadOnlyList<MilestoneReached> Kept);

    /// <param name="current">The period's current version, or null when the period was not reported yet.</param>
    /// <param name="submitted">The incoming report.</param>
    /// <param name="withdrawn">Names of milestones the owner withdraws; checked into <paramref name="v"/> under
    /// "withdrawn_milestones[i]".</param>
    public static Outcome Apply(ProgressReport? current, ProgressReport submitted, IReadOnlyList<string> withdrawn, Violations v)
    {
        var before = current?.ReachedMilestones ?? [];
        var listed = submitted.ReachedMilestones.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < withdrawn.Count; i++)
        {
            var name = withdrawn[i];
            if (listed.Contains(name))
            {
                v.Add($"withdrawn_milestones[{i}]", $"里程碑“{Quote(name)}”不能同时列为已完成和撤回。");
            }
            else if (!before.Any(m => string.Equals(m.Name, name, StringComparison.Ordinal)))
            {
                v.Add($"withdrawn_milestones[{i}]", current is null
                    ? $"本周尚未填报，没有可撤回的里程碑“{Quote(name)}”。"
                    : $"本周当前版本未报里程碑“{Quote(name)}”已完成，无需撤回。");
            }
        }

        var kept = before
            .Where(m => !listed.Contains(m.Name) && !withdrawn.Contains(m.Name, StringComparer.Ordinal))
            .ToList();
        return kept.Count == 0
            ? new Outcome(submitted, [])
            : new Outcome(submitted with { ReachedMilestones = [.. submitted.ReachedMilestones, .. kept] }, kept);
    }

    /// <summary>Names are quoted this far only, so a hostile name is not echoed back whole.</summary>
    private static string Quote(string name) => name.Length <= 50 ? name : name[..50] + "…";
}
