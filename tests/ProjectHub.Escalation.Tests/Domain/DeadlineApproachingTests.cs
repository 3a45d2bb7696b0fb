using ProjectHub.Escalation.Domain.Problems;
using static ProjectHub.Escalation.Tests.Domain.Fixtures;

namespace ProjectHub.Escalation.Tests.Domain;

/// <summary>临期提醒: the current deadline is at most one working day away; once per tier visit.</summary>
public class DeadlineApproachingTests
{
    [Fact]
    public void Notices_on_the_working_day_before_the_deadline_and_only_once()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10)); // deadline Fri 02-13

        var twoDaysLeft = problem.NoticeIfDeadlineNear(Shanghai(2026, 2, 11, 9), DefaultRules);
        var oneDayLeft = problem.NoticeIfDeadlineNear(Shanghai(2026, 2, 12, 9), DefaultRules);
        var again = problem.NoticeIfDeadlineNear(Shanghai(2026, 2, 12, 15), DefaultRules);
        var deadlineDay = problem.NoticeIfDeadlineNear(Shanghai(2026, 2, 13, 9), DefaultRules);

        Assert.True(twoDaysLeft.IsEmpty);
        var notice = Assert.IsType<DeadlineApproaching>(Assert.Single(oneDayLeft.Events));
        Assert.Equal(("RESPONSIBLE_UNIT", Day(2026, 2, 13)), (notice.Tier.Id, notice.Deadline));
        Assert.Equal(ProblemAction.DeadlineApproachingNoticed, Assert.Single(oneDayLeft.History).Action);
        Assert.True(again.IsEmpty);
        Assert.True(deadlineDay.IsEmpty);
    }

    [Fact]
    public void Counts_working_days_so_the_holiday_does_not_bring_the_notice_forward()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));
        problem.AutoEscalateIfDue(Shanghai(2026, 2, 14, 0, 5), DefaultRules); // department, deadline Sat 02-28 (workday)

        // During the holiday (02-20) five working days remain; Thu 02-26 has two; Fri 02-27 has one (Sat 02-28).
        Assert.True(problem.NoticeIfDeadlineNear(Shanghai(2026, 2, 20, 9), DefaultRules).IsEmpty);
        Assert.True(problem.NoticeIfDeadlineNear(Shanghai(2026, 2, 26, 9), DefaultRules).IsEmpty);
        var notice = problem.NoticeIfDeadlineNear(Shanghai(2026, 2, 27, 9), DefaultRules);

        Assert.Equal("INDUSTRY_DEPARTMENT", Assert.IsType<DeadlineApproaching>(Assert.Single(notice.Events)).Tier.Id);
    }

    [Fact]
    public void Each_tier_visit_gets_its_own_notice()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));
        problem.NoticeIfDeadlineNear(Shanghai(2026, 2, 12, 9), DefaultRules);
        problem.AutoEscalateIfDue(Shanghai(2026, 2, 14, 0, 5), DefaultRules);

        Assert.False(problem.DeadlineNoticeSent);
        Assert.Single(problem.NoticeIfDeadlineNear(Shanghai(2026, 2, 27, 9), DefaultRules).Events);
    }

    [Fact]
    public void A_missed_day_is_still_noticed_on_the_deadline_day_but_never_once_overdue()
    {
        var late = RaiseAt(Shanghai(2026, 2, 10, 10));
        var overdue = RaiseAt(Shanghai(2026, 2, 10, 10));

        Assert.Single(late.NoticeIfDeadlineNear(Shanghai(2026, 2, 13, 18), DefaultRules).Events);
        Assert.True(overdue.NoticeIfDeadlineNear(Shanghai(2026, 2, 14, 0, 1), DefaultRules).IsEmpty);
    }

    [Fact]
    public void A_resolved_problem_gets_no_notice()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));
        problem.Resolve("unit-handler", "已解决", Shanghai(2026, 2, 11, 9), DefaultRules);

        Assert.True(problem.NoticeIfDeadlineNear(Shanghai(2026, 2, 12, 9), DefaultRules).IsEmpty);
    }

    [Fact]
    public void Reopening_starts_a_new_visit()
    {
        var problem = RaiseAt(Shanghai(2026, 2, 10, 10));
        problem.NoticeIfDeadlineNear(Shanghai(2026, 2, 12, 9), DefaultRules);
        problem.Resolve("unit-handler", "已解决", Shanghai(2026, 2, 12, 10), DefaultRules);
        problem.Reopen(Raiser, "未解决", Shanghai(2026, 3, 2, 9), DefaultRules); // deadline Thu 03-05

        Assert.Single(problem.NoticeIfDeadlineNear(Shanghai(2026, 3, 4, 9), DefaultRules).Events);
    }
}
