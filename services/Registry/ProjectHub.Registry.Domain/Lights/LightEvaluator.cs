using System.Globalization;
using ProjectHub.Registry.Domain.Projects;
using static ProjectHub.Registry.Domain.Lights.LightReasonCodes;

namespace ProjectHub.Registry.Domain.Lights;

/// <summary>
/// The warning-light table. Each rule adds at most one reason per subject (the red one when red applies,
/// otherwise the yellow one); the light is the worst reason, GREEN when there is none.
/// </summary>
public static class LightEvaluator
{
    public static LightAssessment Evaluate(LightInputs inputs, LightRules rules, DateOnly today)
    {
        if (inputs.Stage is not (ProjectStage.PreConstruction or ProjectStage.UnderConstruction))
        {
            return LightAssessment.NoLight;
        }

        var reasons = new List<LightReason>();
        var planned = inputs.Schedule.PlannedPercentOn(today);

        // Start rules, the only ones for PRE_CONSTRUCTION: not started after the planned start (yellow, then red
        // after N months) and required approvals past their time limit. Progress rules would judge a project on
        // reports it is not yet expected to file.
        NotStarted(inputs, rules, today, reasons);
        ApprovalsOverdue(inputs, today, reasons);

        if (inputs.Stage == ProjectStage.UnderConstruction)
        {
            Lag(inputs, rules, planned, reasons);
            NoReport(inputs, rules, today, reasons);
            Suspended(inputs, rules, today, reasons);
            MilestonesOverdue(inputs, rules, today, reasons);
        }

        var light = reasons.Count == 0 ? Light.Green : reasons.Max(r => r.Light);
        var worstFirst = reasons.OrderByDescending(r => r.Light).ToList(); // stable: rule order within a light
        return new LightAssessment(light, worstFirst, planned, inputs.ReportedPercent);
    }

    private static void NotStarted(LightInputs inputs, LightRules rules, DateOnly today, List<LightReason> reasons)
    {
        var start = inputs.Schedule.PlannedStart;
        var started = inputs.ActualStart is { } actual && actual <= today;
        if (started || today <= start)
        {
            return;
        }

        // AddMonths clamps to the month's end: a start on Jan 31 turns red after Apr 30 (or the 29th/30th
        // in shorter months), never skipping into the next month.
        var redAfter = start.AddMonths(rules.NotStartedRedAfterMonths);
        var days = Days(today.DayNumber - start.DayNumber);
        reasons.Add(today > redAfter
            ? new LightReason(NotStartedRed, Light.Red, Text(
                $"计划开工日期 {Format.Date(start)} 已过 {days}，仍未开工；超过计划开工 {rules.NotStartedRedAfterMonths} 个月（{Format.Date(redAfter)} 之后）未开工为红灯。"))
            : new LightReason(StartPassedYellow, Light.Yellow, Text(
                $"计划开工日期 {Format.Date(start)} 已过 {days}，尚未开工；{Format.Date(redAfter)} 之后仍未开工将转为红灯。")));
    }

    private static void ApprovalsOverdue(LightInputs inputs, DateOnly today, List<LightReason> reasons)
    {
        foreach (var approval in inputs.OpenApprovals.Where(a => a.DueOn < today))
        {
            var days = Days(today.DayNumber - approval.DueOn.DayNumber);
            reasons.Add(new LightReason(ApprovalOverdueYellow, Light.Yellow, Text(
                $"必需审批事项“{approval.Item}”已超过办理时限 {days}（期限 {Format.Date(approval.DueOn)}）；审批超时为黄灯。"),
                approval.Item));
        }
    }

    private static void Lag(LightInputs inputs, LightRules rules, decimal planned, List<LightReason> reasons)
    {
        // Without any report there is no actual figure to compare; the no-report rules speak for that case,
        // and a project registered late is not red on its first day for a progress nobody has reported yet.
        if (inputs.ReportedPercent is not { } actual)
        {
            return;
        }

        var lag = planned - actual;
        var figures = Text($"进度滞后计划 {Format.Points(lag)} 个百分点（计划 {Format.Points(planned)}%，实际 {Format.Points(actual)}%）");
        if (lag > rules.LagRedAbovePoints)
        {
            reasons.Add(new LightReason(LagRed, Light.Red, Text(
                $"{figures}；滞后超过 {rules.LagRedAbovePoints} 个百分点为红灯。")));
        }
        else if (lag >= rules.LagYellowAtLeastPoints)
        {
            reasons.Add(new LightReason(LagYellow, Light.Yellow, Text(
                $"{figures}；滞后 {rules.LagYellowAtLeastPoints} 个百分点及以上为黄灯。")));
        }
    }

    private static void NoReport(LightInputs inputs, LightRules rules, DateOnly today, List<LightReason> reasons)
    {
        // Never reported: count from the later of planned start and registration, because neither a project
        // that has not reached its start nor one that was only just registered can owe a report yet.
        var since = inputs.LastReportOn
            ?? (inputs.Schedule.PlannedStart > inputs.RegisteredOn ? inputs.Schedule.PlannedStart : inputs.RegisteredOn);
        var days = today.DayNumber - since.DayNumber;
        var (code, light, limit) = days > rules.NoReportRedAboveDays ? (NoReportRed, Light.Red, rules.NoReportRedAboveDays)
            : days > rules.NoReportYellowAboveDays ? (NoReportYellow, Light.Yellow, rules.NoReportYellowAboveDays)
            : (null, Light.Green, 0);
        if (code is null)
        {
            return;
        }

        var what = inputs.LastReportOn is null
            ? Text($"自 {Format.Date(since)}（计划开工与登记日期中较晚者）起 {Days(days)}从未报送进度")
            : Text($"自上次报送（{Format.Date(since)}）起 {Days(days)}未报送进度");
        reasons.Add(new LightReason(code, light, Text(
            $"{what}；超过 {Days(limit)}为{Name(light)}。")));
    }

    private static void Suspended(LightInputs inputs, LightRules rules, DateOnly today, List<LightReason> reasons)
    {
        if (inputs.SuspendedSince is not { } since)
        {
            return;
        }

        var days = Math.Max(0, today.DayNumber - since.DayNumber);
        reasons.Add(days > rules.SuspendedRedAboveDays
            ? new LightReason(SuspendedRed, Light.Red, Text(
                $"自 {Format.Date(since)} 起已停工 {Days(days)}；停工超过 {Days(rules.SuspendedRedAboveDays)}为红灯。"))
            : new LightReason(SuspendedYellow, Light.Yellow, Text(
                $"自 {Format.Date(since)} 起停工，已停工 {Days(days)}；停工即为黄灯，超过 {Days(rules.SuspendedRedAboveDays)}为红灯。")));
    }

    private static void MilestonesOverdue(LightInputs inputs, LightRules rules, DateOnly today, List<LightReason> reasons)
    {
        foreach (var milestone in inputs.Schedule.Baseline.Milestones)
        {
            var overdue = today.DayNumber - milestone.PlannedDate.DayNumber;
            if (overdue < 1 || inputs.ReachedMilestones.Contains(milestone.Name))
            {
                continue;
            }

            var what = Text(
                $"节点“{milestone.Name}”（计划 {Format.Date(milestone.PlannedDate)}，累计 {Format.Points(milestone.CumulativePercent)}%）已逾期 {Days(overdue)}未完成");
            reasons.Add(overdue > rules.MilestoneOverdueRedAboveDays
                ? new LightReason(MilestoneOverdueRed, Light.Red, Text(
                    $"{what}；逾期超过 {Days(rules.MilestoneOverdueRedAboveDays)}为红灯。"), milestone.Name)
                : new LightReason(MilestoneOverdueYellow, Light.Yellow, Text(
                    $"{what}；逾期 {Days(rules.MilestoneOverdueRedAboveDays)}以内为黄灯。"), milestone.Name));
        }
    }

    // Reasons are read by people in the Chinese UI; their codes (NO_REPORT_RED, …) stay the machine-readable part.
    private static string Name(Light light) => light switch
    {
        Light.Red => "红灯",
        Light.Yellow => "黄灯",
        _ => "绿灯",
    };

    private static string Days(int days) => days.ToString(CultureInfo.InvariantCulture) + " 天";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
