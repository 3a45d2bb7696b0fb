using ProjectHub.Escalation.Domain.Problems;
using ProjectHub.Escalation.Domain.Supervision;
using static ProjectHub.Escalation.Tests.Domain.Fixtures;

namespace ProjectHub.Escalation.Tests.Domain;

public class SupervisionPolicyTests
{
    public enum CaseState { None, Open, Resolved }

    private static Problem? Case(CaseState state)
    {
        if (state == CaseState.None)
        {
            return null;
        }

        var (problem, _) = Problem.Raise(ProblemDraft.SupervisionCase(ProblemId, ProjectId, "项目转为红灯"), Shanghai(2026, 3, 2, 9), DefaultRules);
        if (state == CaseState.Resolved)
        {
            problem.Resolve("unit-handler", "已整改", Shanghai(2026, 3, 3, 9), DefaultRules);
        }

        return problem;
    }

    [Theory]
    [InlineData(CaseState.None, ProjectLight.Green, ProjectLight.Red, SupervisionDecision.Open)]
    [InlineData(CaseState.None, ProjectLight.Yellow, ProjectLight.Red, SupervisionDecision.Open)]
    [InlineData(CaseState.None, ProjectLight.None, ProjectLight.Red, SupervisionDecision.Open)]
    [InlineData(CaseState.Resolved, ProjectLight.Green, ProjectLight.Red, SupervisionDecision.Open)]
    [InlineData(CaseState.Open, ProjectLight.Yellow, ProjectLight.Red, SupervisionDecision.NoteRed)]
    [InlineData(CaseState.Open, ProjectLight.Red, ProjectLight.Green, SupervisionDecision.NoteLight)]
    [InlineData(CaseState.Open, ProjectLight.Yellow, ProjectLight.Green, SupervisionDecision.NoteLight)]
    [InlineData(CaseState.Open, ProjectLight.Red, ProjectLight.Yellow, SupervisionDecision.NoteLight)]
    [InlineData(CaseState.Open, ProjectLight.Red, ProjectLight.None, SupervisionDecision.NoteLight)]
    [InlineData(CaseState.Resolved, ProjectLight.Red, ProjectLight.Yellow, SupervisionDecision.Nothing)]
    [InlineData(CaseState.Open, ProjectLight.Red, ProjectLight.Red, SupervisionDecision.Nothing)]
    [InlineData(CaseState.None, ProjectLight.Red, ProjectLight.Red, SupervisionDecision.Nothing)]
    [InlineData(CaseState.None, ProjectLight.Red, ProjectLight.Green, SupervisionDecision.Nothing)]
    [InlineData(CaseState.Resolved, ProjectLight.Red, ProjectLight.Green, SupervisionDecision.Nothing)]
    [InlineData(CaseState.None, ProjectLight.Green, ProjectLight.Yellow, SupervisionDecision.Nothing)]
    public void Decides_from_the_open_case_and_the_light_change(CaseState state, ProjectLight from, ProjectLight to, SupervisionDecision expected)
    {
        var change = new LightChange(ProjectId, from, to, Shanghai(2026, 3, 5, 2));

        Assert.Equal(expected, SupervisionPolicy.Decide(Case(state), change));
    }

    [Fact]
    public void An_ordinary_problem_is_not_a_supervision_case()
    {
        var ordinary = RaiseAt(Shanghai(2026, 3, 2, 9));

        Assert.Throws<ArgumentException>(() =>
            SupervisionPolicy.Decide(ordinary, new LightChange(ProjectId, ProjectLight.Yellow, ProjectLight.Red, Shanghai(2026, 3, 5))));
    }

    [Fact]
    public void A_case_of_another_project_is_rejected()
    {
        Assert.Throws<ArgumentException>(() =>
            SupervisionPolicy.Decide(Case(CaseState.Open), new LightChange("project-2", ProjectLight.Yellow, ProjectLight.Red, Shanghai(2026, 3, 5))));
    }
}
