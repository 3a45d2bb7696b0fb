using ProjectHub.Escalation.Domain.Errors;
using ProjectHub.Escalation.Domain.Problems;
using static ProjectHub.Escalation.Tests.Domain.Fixtures;

namespace ProjectHub.Escalation.Tests.Domain;

public class NoteProjectGreenTests
{
    private static Problem SupervisionCase() =>
        Problem.Raise(ProblemDraft.SupervisionCase(ProblemId, ProjectId, "项目转为红灯"), Shanghai(2026, 3, 2, 9), DefaultRules).Problem;

    [Fact]
    public void Notes_the_green_light_without_closing_or_moving_the_case()
    {
        var problem = SupervisionCase();
        problem.Acknowledge("unit-handler", Shanghai(2026, 3, 2, 10), DefaultRules);

        var change = problem.NoteProjectGreen(Shanghai(2026, 3, 3, 2), DefaultRules);

        Assert.Equal((ProblemState.Acknowledged, 0, Day(2026, 3, 5)), (problem.State, problem.TierIndex, problem.TierDeadline));
        Assert.IsType<ProjectGreenNoted>(Assert.Single(change.Events));
        var entry = Assert.Single(change.History);
        Assert.Equal((ProblemAction.ProjectGreenNoted, Actors.System), (entry.Action, entry.Actor));
    }

    [Fact]
    public void Only_supervision_cases_follow_the_light()
    {
        var ordinary = RaiseAt(Shanghai(2026, 3, 2, 9));

        Refused(EscalationErrorCode.NotSupervisionCase, () => ordinary.NoteProjectGreen(Shanghai(2026, 3, 3), DefaultRules));
    }

    [Fact]
    public void A_resolved_case_is_not_noted()
    {
        var problem = SupervisionCase();
        problem.Resolve("unit-handler", "已整改", Shanghai(2026, 3, 2, 15), DefaultRules);

        Refused(EscalationErrorCode.AlreadyResolved, () => problem.NoteProjectGreen(Shanghai(2026, 3, 3), DefaultRules));
    }
}
