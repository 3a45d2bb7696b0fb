using ProjectHub.Domain;
using ProjectHub.Escalation.Domain.Errors;
using ProjectHub.Escalation.Domain.Problems;
using static ProjectHub.Escalation.Tests.Domain.Fixtures;

namespace ProjectHub.Escalation.Tests.Domain;

public class ManualEscalationTests
{
    [Fact]
    public void Escalating_by_hand_climbs_one_tier_and_starts_its_clock_today()
    {
        var problem = RaiseAt(Shanghai(2026, 3, 2, 9));
        problem.Acknowledge("unit-handler", Shanghai(2026, 3, 2, 9, 30), DefaultRules);
        var now = Shanghai(2026, 3, 3, 16);

        var change = problem.EscalateByHand("unit-handler", " 涉及跨部门协调 ", now, DefaultRules);

        var escalated = Assert.IsType<ProblemEscalated>(Assert.Single(change.Events));
        Assert.Equal(("RESPONSIBLE_UNIT", "INDUSTRY_DEPARTMENT", false), (escalated.From.Id, escalated.To.Id, escalated.Automatic));
        Assert.Equal(("unit-handler", "涉及跨部门协调", now), (escalated.By, escalated.Reason, escalated.EffectiveAt));
        // Tue 03-03 not counted: Wed 04, Thu 05, Fri 06, Mon 09, Tue 10.
        Assert.Equal(Day(2026, 3, 10), problem.TierDeadline);
        Assert.Equal((1, ProblemState.Open, now), (problem.TierIndex, problem.State, problem.TierEnteredAt));
        var entry = Assert.Single(change.History);
        Assert.Equal((ProblemAction.EscalatedByHand, 0, 1, "涉及跨部门协调"), (entry.Action, entry.FromTierIndex, entry.ToTierIndex, entry.Note));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_reason_is_required(string reason)
    {
        var problem = RaiseAt(Shanghai(2026, 3, 2, 9));

        var ex = Refused(EscalationErrorCode.ReasonRequired, () => problem.EscalateByHand("unit-handler", reason, Shanghai(2026, 3, 2, 10), DefaultRules));

        Assert.Equal(DomainErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal(0, problem.TierIndex);
    }

    [Fact]
    public void Escalating_from_the_top_tier_is_refused_and_changes_nothing()
    {
        var problem = AtTopTier();
        var version = problem.Version;

        var ex = Refused(EscalationErrorCode.TopTierReached, () => problem.EscalateByHand("sc", "无更高层级", Shanghai(2026, 3, 3, 9), DefaultRules));

        Assert.Equal(DomainErrorKind.FailedPrecondition, ex.Kind);
        Assert.Equal((5, version), (problem.TierIndex, problem.Version));
    }

    [Fact]
    public void A_problem_at_a_tier_the_configured_ladder_no_longer_has_is_refused()
    {
        var problem = AtTopTier(); // tier index 5 on the default ladder

        Refused(EscalationErrorCode.InvalidTransition, () => problem.Acknowledge("sc", Shanghai(2026, 3, 3, 9), ShortRules));
    }
}
