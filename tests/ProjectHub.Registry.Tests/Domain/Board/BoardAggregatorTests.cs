using ProjectHub.Registry.Domain.Board;
using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Domain.Projects;

namespace ProjectHub.Registry.Tests.Domain.Board;

public class BoardAggregatorTests
{
    [Fact]
    public void Hand_checked_board()
    {
        BoardProject[] projects =
        [
            new(Light.Red, "住建局", "鼓楼区", "张副市长", ProjectTier.MunicipalMajor, 10000m, 2000m, 1500m),
            new(Light.Yellow, "住建局", "台江区", "张副市长", ProjectTier.ProvincialKey, 5000m, 1000m, 400m),
            new(Light.Green, "交通局", "鼓楼区", "李副市长", ProjectTier.National, 200000m, 30000m, 12000.5m),
            new(Light.Green, "交通局", "鼓楼区", "李副市长", ProjectTier.MunicipalMajor, 800m, 800m, 800m),
            new(Light.None, "水利局", "台江区", "张副市长", ProjectTier.MunicipalMajor, 3000m, 0m, 0m), // reserve: no light
            new(Light.Green, "住建局", "台江区", "李副市长", ProjectTier.ProvincialLargeMedium, 12000.25m, 3000m, 3100m),
        ];

        var board = BoardAggregator.Aggregate(projects);

        Assert.Equal(new LightCounts(Red: 1, Yellow: 1, Green: 3, Unlit: 1), board.Totals);

        Assert.Equal(new LightCounts(1, 1, 1), board.ByDepartment["住建局"]);
        Assert.Equal(new LightCounts(0, 0, 2), board.ByDepartment["交通局"]);
        Assert.Equal(new LightCounts(0, 0, 0, 1), board.ByDepartment["水利局"]);
        Assert.Equal(3, board.ByDepartment.Count);

        Assert.Equal(new LightCounts(1, 0, 2), board.ByLocality["鼓楼区"]);
        Assert.Equal(new LightCounts(0, 1, 1, 1), board.ByLocality["台江区"]);

        Assert.Equal(new LightCounts(1, 1, 0, 1), board.ByLeader["张副市长"]);
        Assert.Equal(new LightCounts(0, 0, 3), board.ByLeader["李副市长"]);

        Assert.Equal(new LightCounts(1, 0, 1, 1), board.ByTier[ProjectTier.MunicipalMajor]);
        Assert.Equal(new LightCounts(0, 1, 0), board.ByTier[ProjectTier.ProvincialKey]);
        Assert.Equal(new LightCounts(0, 0, 1), board.ByTier[ProjectTier.National]);
        Assert.Equal(new LightCounts(0, 0, 1), board.ByTier[ProjectTier.ProvincialLargeMedium]);

        // 10000 + 5000 + 200000 + 800 + 3000 + 12000.25 = 230800.25
        Assert.Equal(230800.25m, board.TotalInvestment);
        // 2000 + 1000 + 30000 + 800 + 0 + 3000 = 36800
        Assert.Equal(36800m, board.YearPlannedInvestment);
        // 1500 + 400 + 12000.5 + 800 + 0 + 3100 = 17800.5
        Assert.Equal(17800.5m, board.YearToDateCompleted);
        // 17800.5 / 36800 × 100 = 48.3709… → 48.37
        Assert.Equal(48.37m, board.CompletionPercent);
    }

    [Fact]
    public void Completion_is_unknown_when_nothing_is_planned_and_not_capped_when_overspent()
    {
        Assert.Null(BoardAggregator.Aggregate([]).CompletionPercent);
        var over = BoardAggregator.Aggregate([new BoardProject(Light.Green, "d", "l", "p", ProjectTier.National, 10m, 4m, 5m)]);
        Assert.Equal(125m, over.CompletionPercent);
    }
}
