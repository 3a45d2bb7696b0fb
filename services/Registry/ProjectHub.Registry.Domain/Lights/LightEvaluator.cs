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
        var days = Format.Days(today.DayNumber - start.DayNumber);
        reasons.Add(today > redAfter
            ? new LightReason(NotStartedRed, Light.Red, Text(
                $"Construction has not started {days} after the planned start {Format.Date(start)}; not started more than {rules.NotStartedRedAfterMonths} months after it (after {Format.Date(redAfter)}) is red."))
            : new LightReason(StartPassedYellow, Light.Yellow, Text(
                $"The planned start {Format.Date(start)} passed {days} ago and construction has not started; it turns red after {Format.Date(redAfter)}.")));
    }

    private static void ApprovalsOverdue(LightInputs inputs, DateOnly today, List<LightReason> reasons)
    {
        foreach (var approval in inputs.OpenApprovals.Where(a => a.DueOn < today))
        {
            var days = Format.Days(today.DayNumber - approval.DueOn.DayNumber);
            reasons.Add(new LightReason(ApprovalOverdueYellow, Light.Yellow, Text(
                $"Required approval \"{approval.Item}\" is {days} past its time limit (due {Format.Date(approval.DueOn)})."),
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
        var figures = Text($"{Format.Points(lag)} points behind plan (planned {Format.Points(planned)} %, actual {Format.Points(actual)} %)");
        if (lag > rules.LagRedAbovePoints)
        {
            reasons.Add(new LightReason(LagRed, Light.Red, Text(
                $"Progress is {figures}; more than {rules.LagRedAbovePoints} points behind is red.")));
        }
        else if (lag >= rules.LagYellowAtLeastPoints)
        {
            reasons.Add(new LightReason(LagYellow, Light.Yellow, Text(
                $"Progress is {figures}; {rules.LagYellowAtLeastPoints} points or more behind is yellow.")));
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
            ? Text($"No progress report has ever been filed, {Format.Days(days)} after {Format.Date(since)} (the later of the planned start and registration)")
            : Text($"No progress report for {Format.Days(days)} since the last one on {Format.Date(since)}");
        reasons.Add(new LightReason(code, light, Text(
            $"{what}; more than {Format.Days(limit)} is {Name(light)}.")));
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
                $"Construction has been suspended for {Format.Days(days)} since {Format.Date(since)}; suspended more than {Format.Days(rules.SuspendedRedAboveDays)} is red."))
            : new LightReason(SuspendedYellow, Light.Yellow, Text(
                $"Construction is suspended, for {Format.Days(days)} since {Format.Date(since)}; any suspension is yellow, more than {Format.Days(rules.SuspendedRedAboveDays)} is red.")));
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
                $"Milestone \"{milestone.Name}\" (planned {Format.Date(milestone.PlannedDate)}, {Format.Points(milestone.CumulativePercent)} %) is {Format.Days(overdue)} overdue and not reached");
            reasons.Add(overdue > rules.MilestoneOverdueRedAboveDays
                ? new LightReason(MilestoneOverdueRed, Light.Red, Text(
                    $"{what}; more than {Format.Days(rules.MilestoneOverdueRedAboveDays)} overdue is red."), milestone.Name)
                : new LightReason(MilestoneOverdueYellow, Light.Yellow, Text(
                    $"{what}; overdue up to {Format.Days(rules.MilestoneOverdueRedAboveDays)} is yellow."), milestone.Name));
        }
    }

    private static string Name(Light light) => light.ToString().ToLowerInvariant();

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
