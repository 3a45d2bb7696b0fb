using ProjectHub.Domain;
using ProjectHub.Escalation.Domain.Errors;
using ProjectHub.Escalation.Domain.Problems;
using static ProjectHub.Escalation.Tests.Domain.Fixtures;

namespace ProjectHub.Escalation.Tests.Domain;

public class AcknowledgeResolveTests
{
    [Fact]
    public void Acknowledging_records_who_and_keeps_the_deadline()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));

        var change = problem.Acknowledge("unit-handler", Shanghai(2026, 2, 10, 11), DefaultRules);

        Assert.Equal((ProblemState.Acknowledged, "unit-handler"), (problem.State, problem.AcknowledgedBy));
        Assert.Equal(Day(2026, 2, 13), problem.TierDeadline);
        var entry = Assert.Single(change.History);
        Assert.Equal((ProblemAction.Acknowledged, 2, ProblemState.Open, ProblemState.Acknowledged), (entry.Action, entry.Version, entry.FromState, entry.ToState));
        Assert.IsType<ProblemAcknowledged>(Assert.Single(change.Events));
    }

    [Fact]
    public void Acknowledging_twice_is_refused()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));
        problem.Acknowledge("unit-handler", Shanghai(2026, 2, 10, 11), DefaultRules);

        Refused(EscalationErrorCode.AlreadyAcknowledged, () => problem.Acknowledge("other", Shanghai(2026, 2, 10, 12), DefaultRules));
        Assert.Equal(2, problem.Version);
    }

    [Fact]
    public void Resolving_an_acknowledged_problem_closes_it_with_the_resolution()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));
        problem.Acknowledge("unit-handler", Shanghai(2026, 2, 10, 11), DefaultRules);

        var change = problem.Resolve("unit-handler", " 已完成签约 ", Shanghai(2026, 2, 12, 9), DefaultRules);

        Assert.Equal((ProblemState.Resolved, "unit-handler", "已完成签约"), (problem.State, problem.ResolvedBy, problem.Resolution));
        var resolved = Assert.IsType<ProblemResolved>(Assert.Single(change.Events));
        Assert.Equal("已完成签约", resolved.Resolution);
        Assert.Equal(ProblemAction.Resolved, Assert.Single(change.History).Action);
    }

    [Fact]
    public void Resolving_straight_from_open_is_allowed()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));

        problem.Resolve("unit-handler", "当场协调解决", Shanghai(2026, 2, 10, 15), DefaultRules);

        Assert.Equal(ProblemState.Resolved, problem.State);
    }

    [Fact]
    public void Resolving_needs_a_resolution()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));

        Refused(EscalationErrorCode.ResolutionRequired, () => problem.Resolve("unit-handler", "", Shanghai(2026, 2, 10, 15), DefaultRules));
        Assert.Equal(ProblemState.Open, problem.State);
    }

    [Fact]
    public void A_resolved_problem_cannot_be_acknowledged_resolved_or_escalated()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));
        problem.Resolve("unit-handler", "已解决", Shanghai(2026, 2, 10, 15), DefaultRules);
        var later = Shanghai(2026, 2, 11, 9);

        Refused(EscalationErrorCode.AlreadyResolved, () => problem.Acknowledge("x", later, DefaultRules));
        Refused(EscalationErrorCode.AlreadyResolved, () => problem.Resolve("x", "again", later, DefaultRules));
        var ex = Refused(EscalationErrorCode.AlreadyResolved, () => problem.EscalateByHand("x", "why", later, DefaultRules));
        Assert.Equal(DomainErrorKind.FailedPrecondition, ex.Kind);
    }

    [Fact]
    public void A_resolved_problem_never_escalates_automatically()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));
        problem.Resolve("unit-handler", "已解决", Shanghai(2026, 2, 10, 15), DefaultRules);

        Assert.True(problem.AutoEscalateIfDue(Shanghai(2026, 6, 1), DefaultRules).IsEmpty);
        Assert.Equal(0, problem.TierIndex);
    }
}
