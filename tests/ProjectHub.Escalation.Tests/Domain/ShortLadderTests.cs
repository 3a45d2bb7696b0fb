using ProjectHub.Escalation.Domain.Errors;
using ProjectHub.Escalation.Domain.Ladders;
using ProjectHub.Escalation.Domain.Problems;
using static ProjectHub.Escalation.Tests.Domain.Fixtures;

namespace ProjectHub.Escalation.Tests.Domain;

/// <summary>The same domain code on the Short preset, chosen purely through <see cref="LadderOptions"/>.</summary>
public class ShortLadderTests
{
    // As a deployment would configure it: a preset name and a shorter reminder interval, no code.
    private static readonly EscalationRules Rules = new(
        Ladder.FromOptions(new LadderOptions { Preset = "Short", TopTierReminderAfterWorkingDays = 3 }),
        Fixtures.Calendar);

    [Fact]
    public void The_short_ladder_goes_unit_department_vice_mayor_standing_committee()
    {
        // Raised Tue 02-10:
        //   RESPONSIBLE_UNIT (3)    entered 02-10 → Fri 02-13
        //   INDUSTRY_DEPARTMENT (5) entered Sat 02-14 → Tue 24 … Sat 28 (workday) → 02-28
        //   VICE_MAYOR (5)          entered Sun 03-01 → Mon 02 … Fri 06 → 03-06
        //   STANDING_COMMITTEE (top, reminders after 3) entered Sat 03-07 → Mon 09, Tue 10, Wed 11 → 03-11
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10), Rules);

        var change = problem.CatchUp(Shanghai(2026, 3, 11, 12), Rules);

        var path = change.Events.OfType<ProblemEscalated>().Select(e => (e.To.Id, e.Deadline)).ToArray();
        Assert.Equal(
            [
                ("INDUSTRY_DEPARTMENT", Day(2026, 2, 28)),
                ("VICE_MAYOR", Day(2026, 3, 6)),
                ("STANDING_COMMITTEE", Day(2026, 3, 11)),
            ],
            path);
        Assert.True(Rules.Ladder.IsTop(problem.TierIndex));
    }

    [Fact]
    public void Hand_escalation_from_the_vice_mayor_goes_straight_to_the_standing_committee_and_stops_there()
    {
        var problem = RaiseAt(Shanghai(2026, 3, 2, 9), Rules);
        problem.EscalateByHand("unit", "超出单位职权", Shanghai(2026, 3, 2, 10), Rules);
        problem.EscalateByHand("dept", "超出部门职权", Shanghai(2026, 3, 3, 10), Rules);

        var change = problem.EscalateByHand("vice-mayor", "需市委常委会研究", Shanghai(2026, 3, 4, 10), Rules);

        var escalated = Assert.IsType<ProblemEscalated>(Assert.Single(change.Events));
        Assert.Equal(("VICE_MAYOR", "STANDING_COMMITTEE"), (escalated.From.Id, escalated.To.Id));
        Refused(EscalationErrorCode.TopTierReached, () => problem.EscalateByHand("sc", "无更高层级", Shanghai(2026, 3, 5, 10), Rules));
    }
}
