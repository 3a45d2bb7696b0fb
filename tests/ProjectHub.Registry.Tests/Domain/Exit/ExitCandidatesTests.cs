using ProjectHub.Registry.Domain.Exit;
using ProjectHub.Registry.Domain.Projects;
using static ProjectHub.Registry.Tests.Domain.Dates;

namespace ProjectHub.Registry.Tests.Domain.Exit;

public class ExitCandidatesTests
{
    private static List<string> Codes(ExitInputs project, string today) =>
        ExitCandidates.Assess(project, ExitRules.Default, D(today)).Select(r => r.Code).ToList();

    private static readonly ExitInputs Started =
        new("P1", ProjectStage.UnderConstruction, D("2025-01-31"), D("2025-02-10"), RedSince: null);

    [Theory]
    [InlineData("2025-06-01", "2025-08-29", false)] // 89 days red
    [InlineData("2025-06-01", "2025-08-30", true)]  // 90 days red
    public void Red_for_90_days_makes_a_candidate(string redSince, string today, bool candidate)
    {
        var codes = Codes(Started with { RedSince = D(redSince) }, today);
        Assert.Equal(candidate ? [ExitReason.ProlongedRed] : Array.Empty<string>(), codes);
    }

    [Theory]
    [InlineData("2025-07-31", false)] // Jan 31 + 6 months = Jul 31
    [InlineData("2025-08-01", true)]
    public void Not_started_six_months_after_the_planned_start_makes_a_candidate(string today, bool candidate)
    {
        var notStarted = new ExitInputs("P2", ProjectStage.PreConstruction, D("2025-01-31"), ActualStart: null, RedSince: null);
        Assert.Equal(candidate ? [ExitReason.NotStartedProlonged] : Array.Empty<string>(), Codes(notStarted, today));
    }

    [Fact]
    public void A_started_project_is_not_a_not_started_candidate() =>
        Assert.Empty(Codes(Started, "2026-01-01"));

    [Theory]
    [InlineData(ProjectStage.Reserve)]
    [InlineData(ProjectStage.Completed)]
    [InlineData(ProjectStage.Exited)]
    public void Only_projects_being_driven_are_considered(ProjectStage stage)
    {
        var project = new ExitInputs("P3", stage, D("2024-01-01"), null, D("2024-01-01"));
        Assert.Empty(Codes(project, "2025-06-01"));
    }

    [Fact]
    public void Find_lists_only_candidates_with_all_their_reasons()
    {
        var bothReasons = new ExitInputs("P4", ProjectStage.PreConstruction, D("2024-01-01"), null, D("2024-04-02"));
        var candidates = ExitCandidates.Find([Started, bothReasons], ExitRules.Default, D("2025-01-01"));

        var candidate = Assert.Single(candidates);
        Assert.Equal("P4", candidate.ProjectId);
        Assert.Equal([ExitReason.ProlongedRed, ExitReason.NotStartedProlonged], candidate.Reasons.Select(r => r.Code));
        Assert.Contains("274 days since 2024-04-02", candidate.Reasons[0].Message, StringComparison.Ordinal);
    }
}
