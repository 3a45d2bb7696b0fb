using ProjectHub.Approval.Domain;
using static ProjectHub.Approval.Tests.Fixtures;

namespace ProjectHub.Approval.Tests;

public class ClockTests
{
    private const string Housing = "HOUSING_CONSTRUCTION";

    [Theory]
    // Accepted Fri 2025-09-26, 5 working days: Sun 09-28 (adjusted), 09-29, 09-30, [10-01 … 10-08 off], 10-09, 10-10.
    [InlineData("2025-09-26", 0, 5, false, false)]
    [InlineData("2025-09-27", 0, 5, false, false)]
    [InlineData("2025-09-28", 1, 4, false, false)]
    [InlineData("2025-10-05", 3, 2, false, false)]
    [InlineData("2025-10-08", 3, 2, false, false)]
    [InlineData("2025-10-09", 4, 1, false, true)]
    [InlineData("2025-10-10", 5, 0, false, false)]
    [InlineData("2025-10-11", 6, -1, true, false)] // Sat, an adjusted workday: the clock ticks
    [InlineData("2025-10-12", 6, -1, true, false)]
    public void Across_national_day_2025(string today, int used, int left, bool overdue, bool dueSoon)
    {
        var item = InReview(SingleDepartmentItem(limit: 5), "2025-09-25", "2025-09-26");

        var clock = item.Clock(ChinaCalendar, D(today));

        Assert.Equal(ClockState.Running, clock.State);
        Assert.Equal(D("2025-10-10"), clock.DueDate);
        Assert.Equal((used, left, overdue, dueSoon), (clock.DaysUsed, clock.DaysLeft, clock.IsOverdue, clock.IsDueSoon));
    }

    [Theory]
    // Accepted Thu 2026-02-12, 3 working days: 02-13, Sat 02-14 (adjusted), [02-15 … 02-23 off], 02-24.
    [InlineData("2026-02-13", 1, false, false)]
    [InlineData("2026-02-14", 2, false, true)]
    [InlineData("2026-02-20", 2, false, true)] // during the holiday the due date is still the next working day
    [InlineData("2026-02-24", 3, false, false)]
    [InlineData("2026-02-25", 4, true, false)]
    [InlineData("2026-02-28", 7, true, false)] // Sat 02-28 is worked
    public void Across_spring_festival_2026(string today, int used, bool overdue, bool dueSoon)
    {
        var item = InReview(SingleDepartmentItem(limit: 3), "2026-02-11", "2026-02-12");

        var clock = item.Clock(ChinaCalendar, D(today));

        Assert.Equal(D("2026-02-24"), clock.DueDate);
        Assert.Equal((used, overdue, dueSoon), (clock.DaysUsed, clock.IsOverdue, clock.IsDueSoon));
    }

    [Fact]
    public void Return_pauses_and_reacceptance_resumes()
    {
        var item = InReview(SingleDepartmentItem(limit: 5), "2025-09-25", "2025-09-26");
        item.Return(Housing, "reviewer", At("2025-09-29"), "missing drawings"); // used: 09-28, 09-29

        var paused = item.Clock(ChinaCalendar, D("2025-10-20"));
        item.Submit([Doc("drawings.pdf")], "owner", At("2025-10-08"));
        var resubmitted = item.Clock(ChinaCalendar, D("2025-10-20"));
        item.Accept(Housing, "clerk", At("2025-10-09"));

        // 3 days left from Thu 10-09: 10-10, Sat 10-11 (adjusted), Mon 10-13.
        Assert.Equal((ClockState.Paused, 2, 3, (DateOnly?)null, false), (paused.State, paused.DaysUsed, paused.DaysLeft, paused.DueDate, paused.IsOverdue));
        Assert.Equal((ClockState.Paused, 2), (resubmitted.State, resubmitted.DaysUsed));
        Assert.Equal(D("2025-10-13"), item.Clock(ChinaCalendar, D("2025-10-09")).DueDate);
        Assert.True(item.Clock(ChinaCalendar, D("2025-10-11")).IsDueSoon);
        Assert.Equal((5, 0, false), Summary(item.Clock(ChinaCalendar, D("2025-10-13"))));
        Assert.Equal((6, -1, true), Summary(item.Clock(ChinaCalendar, D("2025-10-14"))));
        Assert.Equal(
            [new ReviewPeriod(D("2025-09-26"), D("2025-09-29")), new ReviewPeriod(D("2025-10-09"), null)],
            item.ReviewPeriods);
    }

    [Theory]
    // The shipped calendar knows 2025 and 2026. A due date counted into 2027 used Monday–Friday there: provisional.
    [InlineData("2026-12-10", 5, "2026-12-17", false)]
    [InlineData("2026-12-24", 10, "2027-01-07", true)]
    [InlineData("2026-12-31", 1, "2027-01-01", true)]
    public void A_due_date_counted_into_a_year_without_holiday_data_is_provisional(string accepted, int limit, string due, bool provisional)
    {
        var item = InReview(SingleDepartmentItem(limit: limit), accepted, accepted);

        var clock = item.Clock(ChinaCalendar, D(accepted));

        Assert.Equal(D(due), clock.DueDate);
        Assert.Equal(provisional, clock.DueDateProvisional);
    }

    [Fact]
    public void Overdue_before_a_return_stays_overdue_while_paused()
    {
        var item = InReview(SingleDepartmentItem(limit: 1), "2025-03-03", "2025-03-03");
        item.Return(Housing, "reviewer", At("2025-03-05"), "late and incomplete");

        var clock = item.Clock(ChinaCalendar, D("2025-03-20"));

        Assert.Equal((2, -1, true), Summary(clock));
        Assert.False(clock.IsDueSoon);
    }

    [Fact]
    public void Green_channel_limit_drives_the_clock()
    {
        var @case = ApprovalCase.Open("P-1", 5000m, governmentInvested: true, greenChannel: true, ApprovalRules.Default);
        var permit = @case.Item(ApprovalItemKind.ConstructionPermit); // 3 -> 2
        permit.Submit(Docs, "owner", At("2026-02-11"));
        permit.Accept(Housing, "clerk", At("2026-02-12"));

        var clock = permit.Clock(ChinaCalendar, D("2026-02-13"));

        Assert.Equal(2, clock.TimeLimitWorkingDays);
        Assert.Equal(D("2026-02-14"), clock.DueDate);
        Assert.True(clock.IsDueSoon);
    }

    [Fact]
    public void Green_channel_limit_of_one_stays_one()
    {
        var rules = ApprovalRules.Default.WithItem(new ApprovalItemRule(
            ApprovalItemKind.ConstructionPermit, "施工许可", [Department.HousingAndConstruction], 1));
        var permit = ApprovalCase.Open("P-1", 5000m, true, true, rules).Item(ApprovalItemKind.ConstructionPermit);
        permit.Submit(Docs, "owner", At("2025-09-30"));
        permit.Accept(Housing, "clerk", At("2025-09-30"));

        Assert.Equal(1, permit.TimeLimitWorkingDays);
        Assert.Equal(D("2025-10-09"), permit.Clock(ChinaCalendar, D("2025-10-01")).DueDate);
    }

    [Fact]
    public void Acceptance_on_a_holiday_counts_from_the_next_working_day()
    {
        var item = InReview(SingleDepartmentItem(limit: 1), "2026-02-16", "2026-02-16");

        var clock = item.Clock(ChinaCalendar, D("2026-02-16"));

        Assert.Equal(D("2026-02-24"), clock.DueDate);
        Assert.Equal((0, 1, false), Summary(clock));
        Assert.True(clock.IsDueSoon);
    }

    [Fact]
    public void Acceptance_date_is_the_shanghai_date()
    {
        var item = SingleDepartmentItem(limit: 1);
        item.Submit(Docs, "owner", At("2025-09-26"));

        // 20:00 UTC on Fri 09-26 is 04:00 on Sat 09-27 in Shanghai.
        item.Accept(Housing, "clerk", new DateTimeOffset(2025, 9, 26, 20, 0, 0, TimeSpan.Zero));

        Assert.Equal(D("2025-09-27"), item.ReviewPeriods[0].AcceptedOn);
        Assert.Equal(D("2025-09-28"), item.Clock(ChinaCalendar, D("2025-09-27")).DueDate);
    }

    [Fact]
    public void Clock_starts_at_acceptance_not_submission()
    {
        var item = SingleDepartmentItem(limit: 5);
        item.Submit(Docs, "owner", At("2025-03-03"));

        var clock = item.Clock(ChinaCalendar, D("2025-04-30"));

        Assert.Equal(ClockState.NotStarted, clock.State);
        Assert.Equal((0, 5, false), Summary(clock));
        Assert.Null(clock.DueDate);
    }

    [Fact]
    public void Approval_stops_the_clock()
    {
        var item = InReview(SingleDepartmentItem(limit: 2), "2025-03-03", "2025-03-03");
        item.Approve(Housing, "reviewer", At("2025-03-07")); // 4 working days: late

        var clock = item.Clock(ChinaCalendar, D("2025-06-30"));

        Assert.Equal(ClockState.Stopped, clock.State);
        Assert.Equal(4, clock.DaysUsed);
        Assert.True(clock.ExceededLimit);
        Assert.False(clock.IsOverdue);
        Assert.Null(clock.DueDate);
    }

    [Fact]
    public void A_today_before_acceptance_uses_nothing()
    {
        var item = InReview(SingleDepartmentItem(limit: 5), "2025-03-03", "2025-03-10");

        Assert.Equal(0, item.Clock(ChinaCalendar, D("2025-03-05")).DaysUsed);
    }

    private static (int Used, int Left, bool Overdue) Summary(ApprovalClock c) => (c.DaysUsed, c.DaysLeft, c.IsOverdue);
}
