using ProjectHub.Escalation.Domain.Problems;
using static ProjectHub.Escalation.Tests.Domain.Fixtures;

namespace ProjectHub.Escalation.Tests.Domain;

public class TopTierReminderTests
{
    // AtTopTier enters the standing committee on Mon 03-02; reminders start after 10 working days:
    // Tue 03 … Fri 06 (4), Mon 09 … Fri 13 (9), Mon 16 (10) → deadline 03-16, overdue from Tue 03-17.

    [Fact]
    public void The_top_tier_deadline_comes_from_the_reminder_interval()
    {
        Assert.Equal(Day(2026, 3, 16), AtTopTier().TierDeadline);
    }

    [Fact]
    public void No_reminder_before_the_deadline_has_passed()
    {
        var problem = AtTopTier();

        Assert.True(problem.AutoEscalateIfDue(Shanghai(2026, 3, 16, 23, 59, 59), DefaultRules).IsEmpty);
    }

    [Fact]
    public void At_most_one_reminder_per_working_day()
    {
        var problem = AtTopTier();

        var morning = problem.AutoEscalateIfDue(Shanghai(2026, 3, 17, 0, 5), DefaultRules);
        var afternoon = problem.AutoEscalateIfDue(Shanghai(2026, 3, 17, 15), DefaultRules);
        var nextDay = problem.AutoEscalateIfDue(Shanghai(2026, 3, 18, 0, 5), DefaultRules);

        var first = Assert.IsType<TopTierOverdueReminder>(Assert.Single(morning.Events));
        Assert.Equal(Day(2026, 3, 17), first.RemindedOn);
        Assert.True(afternoon.IsEmpty);
        Assert.Equal(Day(2026, 3, 18), Assert.IsType<TopTierOverdueReminder>(Assert.Single(nextDay.Events)).RemindedOn);
        Assert.Equal(ProblemAction.TopTierOverdueReminded, Assert.Single(nextDay.History).Action);
        Assert.Equal(5, problem.TierIndex);
    }

    [Fact]
    public void Hourly_sweeps_over_two_weeks_remind_once_on_each_working_day_only()
    {
        var problem = AtTopTier();
        var remindedOn = new List<DateOnly>();

        for (var at = Shanghai(2026, 3, 17); at < Shanghai(2026, 3, 31); at = at.AddHours(1))
        {
            remindedOn.AddRange(problem.AutoEscalateIfDue(at, DefaultRules).Events.OfType<TopTierOverdueReminder>().Select(r => r.RemindedOn));
        }

        // Weekends 21/22 and 28/29 are skipped.
        Assert.Equal(
            [17, 18, 19, 20, 23, 24, 25, 26, 27, 30],
            remindedOn.Select(d => d.Day));
    }

    [Fact]
    public void Reminders_stop_once_the_problem_is_resolved()
    {
        var problem = AtTopTier();
        problem.AutoEscalateIfDue(Shanghai(2026, 3, 17, 9), DefaultRules);
        problem.Resolve("sc-secretariat", "常委会研究决定由市城投兜底", Shanghai(2026, 3, 17, 16), DefaultRules);

        Assert.True(problem.AutoEscalateIfDue(Shanghai(2026, 3, 18, 9), DefaultRules).IsEmpty);
    }
}
