using ProjectHub.Calendar;

namespace ProjectHub.Approval.Domain;

/// <summary>
/// An item's time limit as of a day. Working days are counted half-open from acceptance: the acceptance day is
/// not counted, the return or approval day is. Spans between a return and the next acceptance are excluded.
/// </summary>
/// <param name="DaysUsed">Working days spent in review up to and including <c>today</c>.</param>
/// <param name="DaysLeft"><c>TimeLimitWorkingDays − DaysUsed</c>; negative once overdue.</param>
/// <param name="DueDate">The last working day allowed; only known while running.</param>
/// <param name="IsOverdue">Not approved and more working days used than allowed.</param>
/// <param name="IsDueSoon">Running with one working day left (临期提醒): the due date is the next working day.</param>
/// <param name="DueDateProvisional">The due date was counted through a year without holiday data (Monday–Friday
/// there), so it may move once that year's calendar is added.</param>
public sealed record ApprovalClock(
    ClockState State,
    int TimeLimitWorkingDays,
    int DaysUsed,
    int DaysLeft,
    DateOnly? DueDate,
    bool IsOverdue,
    bool IsDueSoon,
    bool DueDateProvisional = false)
{
    /// <summary>More days used than allowed, whether or not the item has since been approved.</summary>
    public bool ExceededLimit => DaysUsed > TimeLimitWorkingDays;

    public static ApprovalClock Compute(
        int timeLimitWorkingDays,
        IReadOnlyList<ReviewPeriod> periods,
        bool approved,
        IWorkingCalendar calendar,
        DateOnly today)
    {
        if (periods.Count == 0)
        {
            return new(ClockState.NotStarted, timeLimitWorkingDays, 0, timeLimitWorkingDays, null, false, false);
        }

        var usedBeforeLast = 0;
        for (var i = 0; i < periods.Count - 1; i++)
        {
            usedBeforeLast += Used(periods[i], calendar, today);
        }

        var last = periods[^1];
        var used = usedBeforeLast + Used(last, calendar, today);
        var state = approved ? ClockState.Stopped : last.EndedOn is null ? ClockState.Running : ClockState.Paused;
        var left = timeLimitWorkingDays - used;
        DateOnly? due = state == ClockState.Running
            ? calendar.AddWorkingDays(last.AcceptedOn, timeLimitWorkingDays - usedBeforeLast)
            : null;
        var overdue = state is ClockState.Running or ClockState.Paused && used > timeLimitWorkingDays;
        var provisional = due is { } dueDate && !calendar.KnowsYears(last.AcceptedOn, dueDate);
        return new(state, timeLimitWorkingDays, used, left, due, overdue, state == ClockState.Running && left == 1, provisional);
    }

    /// <summary>Working days of one period up to <paramref name="today"/>; a period after today counts nothing.</summary>
    private static int Used(ReviewPeriod period, IWorkingCalendar calendar, DateOnly today)
    {
        var end = period.EndedOn is { } ended && ended < today ? ended : today;
        return Math.Max(0, calendar.CountWorkingDays(period.AcceptedOn, end));
    }
}
