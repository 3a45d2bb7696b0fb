using ProjectHub.Escalation.Domain.Errors;
using ProjectHub.Escalation.Domain.Problems;
using ProjectHub.Escalation.Domain.Supervision;
using static ProjectHub.Escalation.Tests.Domain.Fixtures;

namespace ProjectHub.Escalation.Tests.Domain;

public class NoteProjectLightTests
{
    private static Problem SupervisionCase() =>
        Problem.Raise(ProblemDraft.SupervisionCase(ProblemId, ProjectId, "项目转为红灯"), Shanghai(2026, 3, 2, 9), DefaultRules).Problem;

    [Fact]
    public void Notes_the_green_light_without_closing_or_moving_the_case()
    {
        var problem = SupervisionCase();
        problem.Acknowledge("unit-handler", Shanghai(2026, 3, 2, 10), DefaultRules);

        var change = problem.NoteProjectLight(ProjectLight.Green, Shanghai(2026, 3, 3, 2), DefaultRules);

        Assert.Equal((ProblemState.Acknowledged, 0, Day(2026, 3, 5)), (problem.State, problem.TierIndex, problem.TierDeadline));
        Assert.Equal(ProjectLight.Green, Assert.IsType<ProjectLightNoted>(Assert.Single(change.Events)).Light);
        var entry = Assert.Single(change.History);
        Assert.Equal((ProblemAction.ProjectGreenNoted, Actors.System), (entry.Action, entry.Actor));
        Assert.Equal("项目已转为绿灯；督办事项仍需办理单位确认解决后办结。", entry.Note);
    }

    [Theory]
    [InlineData(ProjectLight.Yellow, "项目已转为黄灯")]
    [InlineData(ProjectLight.None, "项目已不再亮灯")]
    [InlineData(ProjectLight.Red, "项目再次转为红灯")]
    public void Notes_every_other_light_in_Chinese_and_leaves_the_case_open(ProjectLight light, string note)
    {
        var problem = SupervisionCase();

        var change = problem.NoteProjectLight(light, Shanghai(2026, 3, 3, 2), DefaultRules);

        Assert.Equal(ProblemState.Open, problem.State);
        var entry = Assert.Single(change.History);
        Assert.Equal(ProblemAction.ProjectLightNoted, entry.Action);
        Assert.StartsWith(note, entry.Note);
    }

    [Fact]
    public void Only_supervision_cases_follow_the_light()
    {
        var ordinary = RaiseAt(Shanghai(2026, 3, 2, 9));

        Refused(EscalationErrorCode.NotSupervisionCase, () => ordinary.NoteProjectLight(ProjectLight.Green, Shanghai(2026, 3, 3), DefaultRules));
    }

    [Fact]
    public void A_resolved_case_is_not_noted()
    {
        var problem = SupervisionCase();
        problem.Resolve("unit-handler", "已整改", Shanghai(2026, 3, 2, 15), DefaultRules);

        Refused(EscalationErrorCode.AlreadyResolved, () => problem.NoteProjectLight(ProjectLight.Yellow, Shanghai(2026, 3, 3), DefaultRules));
    }
}
