using ProjectHub.Calendar;
using ProjectHub.Escalation.Domain.Ladders;
using ProjectHub.Escalation.Domain.Problems;
using static ProjectHub.Escalation.Tests.Domain.Fixtures;

namespace ProjectHub.Escalation.Tests.Domain;

public class RecountDeadlineTests
{
    /// <summary>The shipped calendar plus days off it does not know: what arrives with next year's file.</summary>
    private sealed class WithDaysOff(IWorkingCalendar inner, params DateOnly[] daysOff) : IWorkingCalendar
    {
        public bool IsKnownYear(int year) => true;

        public bool IsWorkingDay(DateOnly date) => !daysOff.Contains(date) && inner.IsWorkingDay(date);

        public DateOnly AddWorkingDays(DateOnly start, int workingDays)
        {
            var date = start;
            for (var left = workingDays; left > 0;)
            {
                date = date.AddDays(1);
                if (IsWorkingDay(date))
                {
                    left--;
                }
            }

            return date;
        }

        public int CountWorkingDays(DateOnly from, DateOnly to)
        {
            var count = 0;
            for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            {
                count += IsWorkingDay(d) ? 1 : 0;
            }

            return count;
        }
    }

    // 2027's New Year holiday, unknown to the shipped data (which counts those weekdays as working days).
    private static readonly EscalationRules WithNewYear2027 =
        new(Ladder.Default, new WithDaysOff(Fixtures.Calendar, Day(2027, 1, 1), Day(2027, 1, 4), Day(2027, 1, 5)));

    [Fact]
    public void A_deadline_counted_across_an_unknown_year_moves_when_the_years_data_arrives_and_the_history_says_so()
    {
        var problem = RaiseAt(Shanghai(2026, 12, 30, 10));
        var provisional = problem.TierDeadline;
        Assert.Equal(2027, provisional.Year);

        var change = problem.RecountDeadline(Shanghai(2026, 12, 31, 9), WithNewYear2027);

        var expected = WithNewYear2027.DeadlineFor(Ladder.Default.Tiers[0], Day(2026, 12, 30));
        Assert.True(expected > provisional);
        Assert.Equal(expected, problem.TierDeadline);
        var entry = Assert.Single(change.History);
        Assert.Equal(ProblemAction.DeadlineRecounted, entry.Action);
        Assert.Equal(expected, entry.TierDeadline);
        Assert.Contains($"由 {provisional:yyyy-MM-dd} 调整为 {expected:yyyy-MM-dd}", entry.Note, StringComparison.Ordinal);
        Assert.Empty(change.Events);
        Assert.Equal(0, problem.TierIndex); // recounting is not escalating
    }

    [Fact]
    public void The_same_count_changes_nothing_and_a_resolved_problem_is_left_alone()
    {
        var problem = RaiseAt(Shanghai(2026, 12, 30, 10));
        var version = problem.Version;
        Assert.True(problem.RecountDeadline(Shanghai(2026, 12, 31, 9), DefaultRules).IsEmpty);
        Assert.Equal(version, problem.Version);

        problem.RecountDeadline(Shanghai(2026, 12, 31, 9), WithNewYear2027);
        Assert.True(problem.RecountDeadline(Shanghai(2026, 12, 31, 10), WithNewYear2027).IsEmpty);

        var resolved = RaiseAt(Shanghai(2026, 12, 30, 10));
        resolved.Resolve(Raiser, "已协调解决", Shanghai(2026, 12, 30, 11), DefaultRules);
        var deadline = resolved.TierDeadline;
        Assert.True(resolved.RecountDeadline(Shanghai(2026, 12, 31, 9), WithNewYear2027).IsEmpty);
        Assert.Equal(deadline, resolved.TierDeadline);
    }
}
