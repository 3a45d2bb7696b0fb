using ProjectHub.Calendar;
using ProjectHub.Escalation.Domain.Errors;
using ProjectHub.Escalation.Domain.Ladders;
using ProjectHub.Escalation.Domain.Problems;
using ProjectHub.Domain;

namespace ProjectHub.Escalation.Tests.Domain;

/// <summary>Shared test data: rules over the test calendar, Shanghai instants, a standard problem.</summary>
internal static class Fixtures
{
    public const string Raiser = "owner-unit-1";
    public const string ProjectId = "project-1";
    public static readonly Guid ProblemId = new("0b6a3f7e-5c1d-4e59-9d0c-6f1e2a3b4c5d");

    /// <summary>The real calendar the service uses (holiday data shipped with libs/ProjectHub.Calendar).</summary>
    public static IWorkingCalendar Calendar { get; } = WorkingCalendar.LoadDefault();

    public static EscalationRules DefaultRules { get; } = new(Ladder.Default, Calendar);

    public static EscalationRules ShortRules { get; } = new(Ladder.Short, Calendar);

    public static DateTimeOffset Shanghai(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, ShanghaiTime.Offset);

    public static DateOnly Day(int year, int month, int day) => new(year, month, day);

    public static ProblemDraft Draft(ProblemKind kind = ProblemKind.Ordinary) =>
        new(ProblemId, ProjectId, ProblemCategory.Land, "征地红线内三户未签约", Raiser, kind);

    public static Problem RaiseAt(DateTimeOffset now, EscalationRules? rules = null) =>
        Problem.Raise(Draft(), now, rules ?? DefaultRules).Problem;

    /// <summary>A problem raised 2026-03-02 (Mon) and escalated by hand straight to the top tier the same morning.</summary>
    public static Problem AtTopTier(EscalationRules? rules = null)
    {
        rules ??= DefaultRules;
        var problem = RaiseAt(Shanghai(2026, 3, 2, 9), rules);
        while (!rules.Ladder.IsTop(problem.TierIndex))
        {
            problem.EscalateByHand("drc-1", "超出本级职权", Shanghai(2026, 3, 2, 10), rules);
        }

        return problem;
    }

    public static DomainException Refused(EscalationErrorCode expected, Action act)
    {
        var ex = Assert.Throws<DomainException>(act);
        Assert.Equal(DomainException.ReasonOf(expected), ex.Reason);
        return ex;
    }
}
