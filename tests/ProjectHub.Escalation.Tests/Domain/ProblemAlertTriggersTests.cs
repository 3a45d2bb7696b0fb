using ProjectHub.Escalation.Domain.Alerts;
using ProjectHub.Escalation.Domain.Problems;
using static ProjectHub.Escalation.Tests.Domain.Fixtures;

namespace ProjectHub.Escalation.Tests.Domain;

public class ProblemAlertTriggersTests
{
    private static readonly ProjectRouting Project = new(ProjectId, "TRANSPORT", "unit-resp", "unit-owner");

    [Fact]
    public void Raising_and_each_escalation_become_arrivals_at_the_new_tier()
    {
        var (problem, raised) = Problem.Raise(Draft(), Shanghai(2026, 2, 10, 10), DefaultRules);
        var escalated = problem.AutoEscalateIfDue(Shanghai(2026, 2, 14, 0, 5), DefaultRules);

        var first = Assert.IsType<ProblemArrivedTrigger>(ProblemAlertTriggers.From(raised.Events[0], Project));
        var second = Assert.IsType<ProblemArrivedTrigger>(ProblemAlertTriggers.From(escalated.Events[0], Project));

        Assert.Equal(("RESPONSIBLE_UNIT", Day(2026, 2, 13)), (first.Tier.Id, first.Deadline));
        Assert.Equal(("INDUSTRY_DEPARTMENT", Day(2026, 2, 28)), (second.Tier.Id, second.Deadline));
    }

    [Fact]
    public void Notices_and_reminders_become_their_triggers_and_other_events_alert_nobody()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));
        var notice = problem.NoticeIfDeadlineNear(Shanghai(2026, 2, 12, 9), DefaultRules).Events[0];
        var ack = problem.Acknowledge("unit-handler", Shanghai(2026, 2, 12, 10), DefaultRules).Events[0];
        var top = AtTopTier();
        var reminder = top.AutoEscalateIfDue(Shanghai(2026, 3, 17, 9), DefaultRules).Events[0];

        Assert.IsType<DeadlineApproachingTrigger>(ProblemAlertTriggers.From(notice, Project));
        var overdue = Assert.IsType<TopTierOverdueTrigger>(ProblemAlertTriggers.From(reminder, Project));
        Assert.Equal(Day(2026, 3, 17), overdue.RemindedOn);
        Assert.Null(ProblemAlertTriggers.From(ack, Project));
    }
}
