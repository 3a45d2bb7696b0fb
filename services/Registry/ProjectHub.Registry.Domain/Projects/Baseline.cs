using System.Globalization;
using ProjectHub.Domain;

namespace ProjectHub.Registry.Domain.Projects;

/// <summary>
/// The baseline plan: milestones in date order, each with the cumulative percent planned by its date.
/// The last milestone need not be 100 %: a baseline may name only the milestones known so far, and
/// <see cref="ProjectSchedule"/> then reads 100 % at the planned completion date.
/// </summary>
public sealed record Baseline(IReadOnlyList<Milestone> Milestones)
{
    public const int MaxNameLength = 200;

    public static Baseline Empty { get; } = new([]);

    /// <summary>
    /// Checks the milestones against the plan dates. Paths are <c>{prefix}[i].field</c>, e.g.
    /// <c>baseline.milestones[2].planned_date</c>. Milestone names must be unique because reports name the
    /// milestones they reached.
    /// </summary>
    public IReadOnlyList<FieldViolation> Validate(
        DateOnly plannedStart, DateOnly plannedCompletion, string prefix = "baseline.milestones")
    {
        var violations = new Violations();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Milestones.Count; i++)
        {
            var m = Milestones[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"{prefix}[{i}]");

            if (string.IsNullOrWhiteSpace(m.Name))
            {
                violations.Add($"{at}.name", "必填：里程碑名称。");
            }
            else
            {
                TextRules.Check(violations, $"{at}.name", m.Name, MaxNameLength);
                if (!seen.Add(m.Name))
                {
                    violations.Add($"{at}.name", $"已有另一个里程碑名为“{m.Name}”。");
                }
            }

            if (m.CumulativePercent is < 0m or > 100m)
            {
                violations.Add($"{at}.cumulative_percent",
                    Invariant($"须在 0 到 100 之间，当前为 {m.CumulativePercent}。"));
            }

            if (m.PlannedDate < plannedStart)
            {
                violations.Add($"{at}.planned_date",
                    $"不能早于计划开工日期 {Format.Date(plannedStart)}，当前为 {Format.Date(m.PlannedDate)}。");
            }

            if (m.PlannedDate > plannedCompletion)
            {
                violations.Add($"{at}.planned_date",
                    $"不能晚于计划竣工日期 {Format.Date(plannedCompletion)}，当前为 {Format.Date(m.PlannedDate)}。");
            }

            if (i == 0)
            {
                continue;
            }

            var previous = Milestones[i - 1];
            if (m.PlannedDate <= previous.PlannedDate)
            {
                violations.Add($"{at}.planned_date",
                    $"须晚于上一个里程碑的日期 {Format.Date(previous.PlannedDate)}，当前为 {Format.Date(m.PlannedDate)}。");
            }

            if (m.CumulativePercent < previous.CumulativePercent)
            {
                violations.Add($"{at}.cumulative_percent",
                    Invariant($"不能低于上一个里程碑的 {previous.CumulativePercent}%，当前为 {m.CumulativePercent}%。"));
            }
        }

        return violations.Items;
    }

    public bool Equals(Baseline? other) =>
        other is not null && Milestones.SequenceEqual(other.Milestones);

    public override int GetHashCode() =>
        Milestones.Aggregate(Milestones.Count, (hash, m) => HashCode.Combine(hash, m));

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
