using ProjectHub.Escalation.Domain.Problems;
using ProjectHub.Domain;
using static ProjectHub.Escalation.Tests.Domain.Fixtures;

namespace ProjectHub.Escalation.Tests.Domain;

/// <summary>
/// A problem nobody resolves, raised Tue 2026-02-10 and left to climb the whole default ladder across the Spring
/// Festival (02-15..02-23 off; Sat 02-14 and Sat 02-28 are workdays). Deadlines by hand — the day a tier is entered is
/// not counted; each automatic escalation enters the next tier on the day after the deadline:
///   1 RESPONSIBLE_UNIT (3)      entered Tue 02-10: Wed 11, Thu 12, Fri 13                         → 02-13
///   2 INDUSTRY_DEPARTMENT (5)   entered Sat 02-14: holiday 15–23; Tue 24, 25, 26, Fri 27, Sat 28   → 02-28
///   3 VICE_MAYOR (5)            entered Sun 03-01: Mon 02 … Fri 06                                 → 03-06
///   4 EXECUTIVE_VICE_MAYOR (5)  entered Sat 03-07: Mon 09 … Fri 13                                 → 03-13
///   5 GOVERNMENT_EXEC_MTG (10)  entered Sat 03-14: Mon 16 … Fri 20, Mon 23 … Fri 27                → 03-27
///   6 STANDING_COMMITTEE (top, reminders after 10) entered Sat 03-28: Mon 30, Tue 31, Wed 04-01,
///     Thu 02, Fri 03 (5); Qingming 04-04..06 off; Tue 07, Wed 08, Thu 09, Fri 10 (9), Mon 13 (10) → 04-13
/// </summary>
public class DefaultLadderSpringFestivalTests
{
    private static readonly (string Tier, DateOnly Entered, DateOnly Deadline)[] Expected =
    [
        ("RESPONSIBLE_UNIT", Day(2026, 2, 10), Day(2026, 2, 13)),
        ("INDUSTRY_DEPARTMENT", Day(2026, 2, 14), Day(2026, 2, 28)),
        ("VICE_MAYOR", Day(2026, 3, 1), Day(2026, 3, 6)),
        ("EXECUTIVE_VICE_MAYOR", Day(2026, 3, 7), Day(2026, 3, 13)),
        ("GOVERNMENT_EXECUTIVE_MEETING", Day(2026, 3, 14), Day(2026, 3, 27)),
        ("STANDING_COMMITTEE", Day(2026, 3, 28), Day(2026, 4, 13)),
    ];

    [Fact]
    public void A_daily_sweep_drives_the_problem_up_every_tier_on_the_hand_computed_dates()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));
        var visits = new List<(string Tier, DateOnly Entered, DateOnly Deadline)>
        {
            (DefaultRules.Ladder.Tiers[problem.TierIndex].Id, Day(2026, 2, 10), problem.TierDeadline),
        };
        var escalationDays = new List<DateOnly>();

        // A sweep five minutes past midnight, every day, until well past the top tier's deadline.
        for (var day = Day(2026, 2, 11); day <= Day(2026, 4, 12); day = day.AddDays(1))
        {
            var change = problem.AutoEscalateIfDue(Shanghai(day.Year, day.Month, day.Day, 0, 5), DefaultRules);
            foreach (var escalated in change.Events.OfType<ProblemEscalated>())
            {
                escalationDays.Add(day);
                visits.Add((escalated.To.Id, ShanghaiTime.DateOf(escalated.EffectiveAt), escalated.Deadline));
            }
        }

        Assert.Equal(Expected, visits);
        Assert.Equal(Expected.Skip(1).Select(v => v.Entered), escalationDays);
        Assert.Equal(5, problem.TierIndex);
    }

    [Fact]
    public void Each_deadline_day_is_the_tiers_last_day_and_escalation_comes_at_midnight_after_it()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));

        for (var i = 0; i < Expected.Length - 1; i++)
        {
            var deadline = Expected[i].Deadline;
            var lastMoment = Shanghai(deadline.Year, deadline.Month, deadline.Day, 23, 59, 59);
            Assert.True(problem.AutoEscalateIfDue(lastMoment, DefaultRules).IsEmpty);
            Assert.Equal(i, problem.TierIndex);

            var midnight = Shanghai(deadline.Year, deadline.Month, deadline.Day).AddDays(1);
            var escalated = Assert.IsType<ProblemEscalated>(Assert.Single(problem.AutoEscalateIfDue(midnight, DefaultRules).Events));
            Assert.True(escalated.Automatic);
            Assert.Equal(Actors.System, escalated.By);
            Assert.Equal(Expected[i + 1].Deadline, problem.TierDeadline);
        }
    }

    [Fact]
    public void At_the_top_the_problem_is_never_escalated_but_reminded_from_the_day_after_its_deadline()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));
        problem.CatchUp(Shanghai(2026, 4, 13, 12), DefaultRules);
        Assert.Equal(5, problem.TierIndex);
        Assert.Equal(6, problem.Version); // raised + five escalations, no reminder yet

        var reminder = problem.AutoEscalateIfDue(Shanghai(2026, 4, 14, 0, 5), DefaultRules);

        var reminded = Assert.IsType<TopTierOverdueReminder>(Assert.Single(reminder.Events));
        Assert.Equal((Day(2026, 4, 13), Day(2026, 4, 14)), (reminded.Deadline, reminded.RemindedOn));
        Assert.Equal(5, problem.TierIndex);
        Assert.Equal(ProblemState.Open, problem.State);
    }
}
