using System.Globalization;
using System.Text.Json;

namespace ProjectHub.Board.Tests;

[Collection(BoardCollection.Name)]
public sealed class RankingApiTests(BoardFixture f)
{
    /// <summary>
    /// The ranking's year runs to today in Shanghai, whatever the server's zone (the board used its own local date,
    /// a day behind from 00:00 to 08:00 Shanghai on a UTC server). Around midnight Shanghai the two may differ by the
    /// call's own duration, so either side of it is accepted then.
    /// </summary>
    [Fact]
    public async Task The_ranking_period_is_this_year_so_far_in_Shanghai()
    {
        using var http = new HttpClient();
        var before = ShanghaiToday();
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(f.BoardUrl + "/api/ranking")));
        var after = ShanghaiToday();

        var to = json.RootElement.GetProperty("to").GetString();
        Assert.Contains(to, new[] { before, after });
        Assert.Equal(to![..4] + "-01-01", json.RootElement.GetProperty("from").GetString());
    }

    private static string ShanghaiToday() =>
        DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
