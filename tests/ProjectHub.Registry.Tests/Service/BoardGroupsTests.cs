using ProjectHub.Registry.Board;
using ProjectHub.Registry.Domain.Board;
using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Domain.Projects;

namespace ProjectHub.Registry.Tests.Service;

/// <summary>The board counted by the database in groups gives the figures the aggregator gives project by project.</summary>
public sealed class BoardGroupsTests
{
    [Fact]
    public void Groups_fold_into_the_same_board_as_the_projects_one_by_one()
    {
        BoardGroup[] groups =
        [
            new("住建局", "鼓楼区", "张副市长", "MunicipalMajor", "Red", 2, 20000m, 4000m),
            new("住建局", "台江区", "张副市长", "ProvincialKey", "Yellow", 1, 5000m, 1000m),
            new("交通局", "鼓楼区", "李副市长", "National", "Green", 3, 600000.75m, 90000m),
            new("水利局", "台江区", "张副市长", "MunicipalMajor", "None", 1, 3000m, 0m),
        ];
        var projects = groups.SelectMany(g => Enumerable.Range(0, g.Count).Select(i => new BoardProject(
            Enum.Parse<Light>(g.Light), g.IndustryDepartment, g.Locality, g.LeaderInCharge, Enum.Parse<ProjectTier>(g.Tier),
            g.TotalInvestment / g.Count, g.YearPlannedInvestment / g.Count, i == 0 ? 12345.5m : 0m)));
        var expected = BoardAggregator.Aggregate(projects);

        var actual = BoardGroups.Summarise(groups, 12345.5m * groups.Length);

        Assert.Equal(expected.Totals, actual.Totals);
        Assert.Equal(expected.ByDepartment, actual.ByDepartment);
        Assert.Equal(expected.ByLocality, actual.ByLocality);
        Assert.Equal(expected.ByLeader, actual.ByLeader);
        Assert.Equal(expected.ByTier, actual.ByTier);
        Assert.Equal(expected.ByDepartment.Keys, actual.ByDepartment.Keys);
        Assert.Equal(expected.TotalInvestment, actual.TotalInvestment);
        Assert.Equal(expected.YearPlannedInvestment, actual.YearPlannedInvestment);
        Assert.Equal(expected.YearToDateCompleted, actual.YearToDateCompleted);
        Assert.Equal(expected.CompletionPercent, actual.CompletionPercent);
    }

    [Fact]
    public void Nothing_planned_means_no_completion_percent()
    {
        var summary = BoardGroups.Summarise([], 0m);
        Assert.Null(summary.CompletionPercent);
        Assert.Equal(0, summary.Totals.Total);
    }
}
