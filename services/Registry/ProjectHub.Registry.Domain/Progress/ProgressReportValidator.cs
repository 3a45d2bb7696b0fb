using System.Globalization;
using ProjectHub.Registry.Domain.Projects;
using ProjectHub.Domain;

namespace ProjectHub.Registry.Domain.Progress;

/// <summary>
/// Checks a report before it is stored. A cumulative figure lower than the previous report's is accepted on
/// purpose: re-measurement corrects over-reporting, and refusing it would force the owner to rewrite every
/// report since the error. The replaced figures stay in history for inspectors.
/// </summary>
public static class ProgressReportValidator
{
    public const int MaxNarrativeLength = 4000;
    public const int MaxProblemLength = 1000;

    /// <summary>Problems listed in one report; more belong in the escalation service, one problem each.</summary>
    public const int MaxProblems = 50;

    /// <summary>More workers than any single site has; a larger figure is a typing error.</summary>
    public const int MaxWorkers = 100_000;

    /// <summary>Milestone names are quoted in messages only this far, so a hostile name is not echoed back whole.</summary>
    private const int QuotedNameLength = 50;

    public static IReadOnlyList<FieldViolation> Validate(
        ProgressReport report, ProjectSchedule schedule, ReportCadence cadence, DateOnly today)
    {
        var v = new Violations();
        CheckPeriod(v, report.Period, schedule.PlannedStart, cadence, today);

        if (report.CumulativePercent is < 0m or > 100m)
        {
            v.Add("cumulative_percent", Text($"累计形象进度须在 0 到 100 之间，当前为 {report.CumulativePercent}。"));
        }

        if (report.PeriodInvestment < 0m)
        {
            v.Add("period_investment", "本期完成投资不能为负数。");
        }

        if (report.CumulativeInvestment < 0m)
        {
            v.Add("cumulative_investment", "累计完成投资不能为负数。");
        }
        else if (report.PeriodInvestment > report.CumulativeInvestment)
        {
            v.Add("cumulative_investment", Text(
                $"累计完成投资（{report.CumulativeInvestment}）须包含本期完成投资（{report.PeriodInvestment}），不能小于本期。"));
        }

        if (report.Workers < 0)
        {
            v.Add("workers", "在场施工人数不能为负数。");
        }
        else if (report.Workers > MaxWorkers)
        {
            v.Add("workers", Text($"在场施工人数最多为 {MaxWorkers}，当前为 {report.Workers}。"));
        }

        if (!Enum.IsDefined(report.State))
        {
            v.Add("state", "未知的施工状态。");
        }

        CheckMilestones(v, report.ReachedMilestones, schedule.Baseline, today);

        TextRules.Check(v, "narrative", report.Narrative, MaxNarrativeLength, multiLine: true);
        if (report.Problems.Count > MaxProblems)
        {
            // One violation for the list, not one per entry: thousands would make an answer no client accepts.
            v.Add("problems", Text($"一份报告最多列 {MaxProblems} 个问题，当前列了 {report.Problems.Count} 个。"));
            return v.Items;
        }

        for (var i = 0; i < report.Problems.Count; i++)
        {
            var field = Text($"problems[{i}]");
            if (string.IsNullOrWhiteSpace(report.Problems[i]))
            {
                v.Add(field, "问题须填写描述；请删除空白条目。");
            }
            else
            {
                TextRules.Check(v, field, report.Problems[i], MaxProblemLength, multiLine: true);
            }
        }

        return v.Items;
    }

    private static void CheckPeriod(Violations v, ReportPeriod period, DateOnly plannedStart, ReportCadence cadence, DateOnly today)
    {
        if (!cadence.IsPeriod(period))
        {
            var expected = cadence.PeriodContaining(period.Start);
            v.Add("period", $"填报周期须为{cadence.Describe()}，如 {Format.Date(expected.Start)} 至 {Format.Date(expected.End)}；当前为 {Format.Date(period.Start)} 至 {Format.Date(period.End)}。");
            return;
        }

        // The period holding the planned start is fine; only periods wholly before it are. A project that starts
        // early has its planned start moved first, as an audited plan change.
        if (period.End < plannedStart)
        {
            v.Add("period", $"填报周期 {Format.Date(period.Start)} 至 {Format.Date(period.End)} 在计划开工日期 {Format.Date(plannedStart)} 之前就已结束。");
        }

        // The current period may be reported (owners report during the week); one that has not begun may not.
        if (period.Start > today)
        {
            v.Add("period", $"填报周期 {Format.Date(period.Start)} 至 {Format.Date(period.End)} 尚未开始（今天是 {Format.Date(today)}）。");
        }
    }

    private static void CheckMilestones(Violations v, IReadOnlyList<MilestoneReached> reached, Baseline baseline, DateOnly today)
    {
        // A baseline has at most ProjectValidator.MaxMilestones, so a longer list is wrong as a whole: one violation
        // says so, instead of thousands that would make an answer no client accepts.
        if (reached.Count > ProjectValidator.MaxMilestones)
        {
            v.Add("reached_milestones", Text(
                $"一份报告最多列 {ProjectValidator.MaxMilestones} 个已完成里程碑，当前列了 {reached.Count} 个。"));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < reached.Count; i++)
        {
            var at = Text($"reached_milestones[{i}]");
            var m = reached[i];
            if (!baseline.Milestones.Any(b => string.Equals(b.Name, m.Name, StringComparison.Ordinal)))
            {
                v.Add($"{at}.name", $"计划基线中没有名为“{Quote(m.Name)}”的里程碑。");
            }
            else if (!seen.Add(m.Name))
            {
                v.Add($"{at}.name", $"里程碑“{Quote(m.Name)}”重复列出。");
            }

            if (m.ActualDate > today)
            {
                v.Add($"{at}.actual_date", $"里程碑完成日期不能晚于今天（填报为 {Format.Date(m.ActualDate)}，今天是 {Format.Date(today)}）。");
            }
        }
    }

    private static string Quote(string name) =>
        name.Length <= QuotedNameLength ? name : string.Concat(name.AsSpan(0, QuotedNameLength), "…");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
