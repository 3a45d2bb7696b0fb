using ProjectHub.Calendar;
using ProjectHub.Escalation.Domain.Ladders;
using ProjectHub.Domain;

namespace ProjectHub.Escalation.Domain.Problems;

/// <summary>
/// The ladder and working-day calendar in force, and the deadline arithmetic built on them.
/// </summary>
/// <remarks>
/// A tier's deadline is the date <c>limit</c> working days after the Shanghai date the problem entered the tier (that
/// day itself not counted). The deadline day is the tier's last day: the problem is overdue from 00:00 Shanghai the
/// next calendar day.
/// </remarks>
public sealed class EscalationRules
{
    public EscalationRules(Ladder ladder, IWorkingCalendar calendar)
    {
        Ladder = ladder;
        Calendar = calendar;
    }

    public Ladder Ladder { get; }

    public IWorkingCalendar Calendar { get; }

    /// <summary>
    /// Deadline at <paramref name="tier"/> for a problem that entered it on <paramref name="enteredOn"/>. The top tier
    /// has no limit; its "deadline" is when reminders start (<see cref="Ladder.TopTierReminderAfterWorkingDays"/>).
    /// </summary>
    public DateOnly DeadlineFor(LadderTier tier, DateOnly enteredOn) =>
        Calendar.AddWorkingDays(enteredOn, tier.WorkingDayLimit ?? Ladder.TopTierReminderAfterWorkingDays);

    /// <summary>The first instant at which <paramref name="deadline"/> has passed: 00:00 Shanghai the day after.</summary>
    public static DateTimeOffset OverdueFrom(DateOnly deadline) => ShanghaiTime.StartOfDay(deadline.AddDays(1));

    public static bool IsOverdue(DateOnly deadline, DateTimeOffset now) => now >= OverdueFrom(deadline);

    /// <summary>
    /// True while the deadline is not yet passed and at most one working day remains after today (临期). Checked as
    /// "at most" rather than "exactly" so a sweep that missed the day before still notices.
    /// </summary>
    public bool IsDeadlineNear(DateOnly deadline, DateTimeOffset now)
    {
        var today = ShanghaiTime.DateOf(now);
        return today <= deadline && Calendar.CountWorkingDays(today, deadline) <= 1;
    }
}
