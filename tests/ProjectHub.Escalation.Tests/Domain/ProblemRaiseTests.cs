using ProjectHub.Domain;
using ProjectHub.Escalation.Domain.Errors;
using ProjectHub.Escalation.Domain.Problems;
using static ProjectHub.Escalation.Tests.Domain.Fixtures;

namespace ProjectHub.Escalation.Tests.Domain;

public class ProblemRaiseTests
{
    [Fact]
    public void Raising_puts_the_problem_open_at_tier_1_with_a_three_working_day_deadline()
    {
        var now = Shanghai(2026, 2, 10, 10);

        var (problem, change) = Problem.Raise(Draft(), now, DefaultRules);

        Assert.Equal(0, problem.TierIndex);
        Assert.Equal(ProblemState.Open, problem.State);
        Assert.Equal(now, problem.TierEnteredAt);
        // Tue 02-10 not counted: Wed 11, Thu 12, Fri 13.
        Assert.Equal(Day(2026, 2, 13), problem.TierDeadline);
        Assert.Equal(1, problem.Version);

        var entry = Assert.Single(change.History);
        Assert.Equal((ProblemAction.Raised, Raiser, 1, (ProblemState?)null, ProblemState.Open), (entry.Action, entry.Actor, entry.Version, entry.FromState, entry.ToState));
        var raised = Assert.IsType<ProblemRaised>(Assert.Single(change.Events));
        Assert.Equal(("RESPONSIBLE_UNIT", Day(2026, 2, 13), ProblemKind.Ordinary), (raised.Tier.Id, raised.Deadline, raised.Kind));
    }

    [Fact]
    public void The_entry_date_is_the_Shanghai_date_of_the_instant()
    {
        // 23:30 UTC on Mon 02-09 is 07:30 on Tue 02-10 in Shanghai, so the count starts from Tuesday.
        var problem = RaiseAt(new DateTimeOffset(2026, 2, 9, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(Day(2026, 2, 13), problem.TierDeadline);
    }

    [Fact]
    public void Raising_on_the_eve_of_the_holiday_skips_it()
    {
        // Fri 02-13 not counted: Sat 02-14 (调休上班) 1, holiday 15–23, Tue 24 2, Wed 25 3.
        Assert.Equal(Day(2026, 2, 25), RaiseAt(Shanghai(2026, 2, 13, 17)).TierDeadline);
    }

    [Theory]
    [InlineData("", Raiser, "desc", EscalationErrorCode.ProjectRequired)]
    [InlineData(ProjectId, " ", "desc", EscalationErrorCode.ActorRequired)]
    [InlineData(ProjectId, Raiser, "  ", EscalationErrorCode.DescriptionRequired)]
    public void Missing_input_is_refused_as_an_invalid_argument(string projectId, string raisedBy, string description, EscalationErrorCode code)
    {
        var draft = new ProblemDraft(ProblemId, projectId, ProblemCategory.Funding, description, raisedBy);

        var ex = Refused(code, () => Problem.Raise(draft, Shanghai(2026, 2, 10), DefaultRules));

        Assert.Equal(DomainErrorKind.InvalidArgument, ex.Kind);
    }

    [Fact]
    public void An_undefined_category_is_refused()
    {
        var draft = Draft() with { Category = (ProblemCategory)42 };

        Refused(EscalationErrorCode.UnknownCategory, () => Problem.Raise(draft, Shanghai(2026, 2, 10), DefaultRules));
    }

    [Fact]
    public void A_supervision_case_is_raised_by_the_system_at_tier_1()
    {
        var draft = ProblemDraft.SupervisionCase(ProblemId, ProjectId, "项目转为红灯：滞后计划 35 个百分点");

        var (problem, _) = Problem.Raise(draft, Shanghai(2026, 2, 10), DefaultRules);

        Assert.Equal((ProblemKind.Supervision, Actors.System, 0), (problem.Kind, problem.RaisedBy, problem.TierIndex));
    }

    [Theory]
    [InlineData(ProblemCategory.Land, "LAND", "用地")]
    [InlineData(ProblemCategory.Demolition, "DEMOLITION", "征迁")]
    [InlineData(ProblemCategory.Labour, "LABOUR", "用工")]
    [InlineData(ProblemCategory.Funding, "FUNDING", "资金")]
    [InlineData(ProblemCategory.Approvals, "APPROVALS", "审批")]
    [InlineData(ProblemCategory.Materials, "MATERIALS", "材料")]
    [InlineData(ProblemCategory.Utilities, "UTILITIES", "水电气")]
    [InlineData(ProblemCategory.Other, "OTHER", "其他")]
    public void Categories_have_wire_codes_and_Chinese_names(ProblemCategory category, string code, string chinese)
    {
        Assert.Equal(code, ProblemCategories.Code(category));
        Assert.Equal(chinese, ProblemCategories.ChineseName(category));
        Assert.Equal(category, ProblemCategories.FromCode(code.ToLowerInvariant()));
    }
}
