using ProjectHub.Escalation.Domain.Problems;
using static ProjectHub.Escalation.Tests.Domain.Fixtures;

namespace ProjectHub.Escalation.Tests.Domain;

public class AutoEscalationTests
{
    [Fact]
    public void Nothing_happens_before_the_deadline_has_passed()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));

        var change = problem.AutoEscalateIfDue(Shanghai(2026, 2, 13, 23, 59, 59), DefaultRules);

        Assert.True(change.IsEmpty);
        Assert.Equal((0, 1), (problem.TierIndex, problem.Version));
    }

    [Fact]
    public void Calling_twice_at_the_same_instant_escalates_once()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));
        var now = Shanghai(2026, 2, 14, 8);

        var first = problem.AutoEscalateIfDue(now, DefaultRules);
        var second = problem.AutoEscalateIfDue(now, DefaultRules);

        Assert.Single(first.Events.OfType<ProblemEscalated>());
        Assert.True(second.IsEmpty);
        Assert.Equal(1, problem.TierIndex);
    }

    [Fact]
    public void Repeated_sweeps_during_the_next_tier_do_nothing_more()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));
        problem.AutoEscalateIfDue(Shanghai(2026, 2, 14, 0, 1), DefaultRules);

        var later = Enumerable.Range(0, 24).Select(h => problem.AutoEscalateIfDue(Shanghai(2026, 2, 20, h), DefaultRules));

        Assert.All(later, c => Assert.True(c.IsEmpty));
        Assert.Equal(1, problem.TierIndex);
    }

    [Fact]
    public void Acknowledging_does_not_stop_the_clock()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));
        problem.Acknowledge("unit-handler", Shanghai(2026, 2, 10, 11), DefaultRules);

        var change = problem.AutoEscalateIfDue(Shanghai(2026, 2, 14, 0, 1), DefaultRules);

        var entry = Assert.Single(change.History);
        Assert.Equal((ProblemAction.EscalatedAutomatically, ProblemState.Acknowledged, ProblemState.Open), (entry.Action, entry.FromState, entry.ToState));
        Assert.Null(problem.AcknowledgedBy); // the new tier has to acknowledge it itself
        Assert.Equal("deadline 2026-02-13 at RESPONSIBLE_UNIT passed", entry.Note);
    }

    [Fact]
    public void One_call_after_downtime_escalates_exactly_one_tier()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));

        var change = problem.AutoEscalateIfDue(Shanghai(2026, 3, 10, 9), DefaultRules);

        Assert.Single(change.Events);
        Assert.Equal(1, problem.TierIndex);
        Assert.Equal(Day(2026, 2, 28), problem.TierDeadline);
    }

    [Fact]
    public void Catching_up_after_downtime_climbs_tier_by_tier_from_the_days_each_tier_should_have_been_entered()
    {
        // Service down from 02-11 to Tue 03-10 09:00. Missed: 02-13 (→ dept entered 02-14, deadline 02-28),
        // 02-28 (→ vice mayor entered 03-01, deadline 03-06), 03-06 (→ executive vice mayor entered 03-07,
        // Mon 09 … Fri 13 → 03-13, not yet passed).
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));
        var now = Shanghai(2026, 3, 10, 9);

        var change = problem.CatchUp(now, DefaultRules);

        Assert.Equal(
            [Shanghai(2026, 2, 14), Shanghai(2026, 3, 1), Shanghai(2026, 3, 7)],
            change.History.Select(h => h.EffectiveAt));
        Assert.All(change.History, h => Assert.Equal(now, h.RecordedAt));
        Assert.Equal([2, 3, 4], change.History.Select(h => h.Version));
        Assert.Equal((3, Day(2026, 3, 13), Shanghai(2026, 3, 7)), (problem.TierIndex, problem.TierDeadline, problem.TierEnteredAt));
        Assert.True(problem.CatchUp(now, DefaultRules).IsEmpty);
    }

    [Fact]
    public void A_late_sweep_lands_on_the_same_dates_as_a_punctual_one()
    {
        var punctual = RaiseAt(Shanghai(2026, 2, 10, 10));
        var late = RaiseAt(Shanghai(2026, 2, 10, 10));

        punctual.AutoEscalateIfDue(Shanghai(2026, 2, 14, 0, 0), DefaultRules);
        late.AutoEscalateIfDue(Shanghai(2026, 2, 27, 18, 0), DefaultRules);

        Assert.Equal(punctual.TierDeadline, late.TierDeadline);
        Assert.Equal(punctual.TierEnteredAt, late.TierEnteredAt);
    }
}
