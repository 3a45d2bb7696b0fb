namespace ProjectHub.Calendar.Tests;

public sealed class DataLoadingTests : IDisposable
{
    private const string ValidYear2027 = """
        {
          "year": 2027,
          "holidays": [
            { "id": "NEW_YEAR", "name": "New Year's Day", "nameZh": "元旦",
              "first": "2027-01-01", "last": "2027-01-01" },
          ],
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("calendar-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Extra_directory_adds_a_year()
    {
        File.WriteAllText(Path.Combine(_directory, "cn-2027.json"), ValidYear2027);

        var calendar = WorkingCalendar.LoadDefault(_directory);

        Assert.True(calendar.IsKnownYear(2027));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.True(calendar.IsKnownYear(2025));
    }

    [Fact]
    public void Extra_directory_replaces_a_shipped_year()
    {
        File.WriteAllText(Path.Combine(_directory, "cn-2025.json"), """{ "year": 2025, "holidays": [] }""");

        var calendar = WorkingCalendar.LoadDefault(_directory);

        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 10, 1)));
        Assert.Empty(calendar.HolidaysOf(2025));
    }

    [Fact]
    public void Missing_directory_is_an_error()
    {
        Assert.Throws<DirectoryNotFoundException>(() => WorkingCalendar.LoadDefault(Path.Combine(_directory, "nope")));
    }

    [Theory]
    [InlineData("{ \"year\": 2027, \"holidays\": [ ", "invalid JSON")]
    [InlineData("{ \"year\": 2027 }", "invalid JSON")] // holidays missing
    [InlineData("{ \"year\": 2027, \"holidays\": [], \"extra\": 1 }", "invalid JSON")]
    [InlineData("{ \"year\": 2026, \"holidays\": [] }", "named for 2027 but holds year 2026")]
    [InlineData("""{ "year": 2027, "holidays": [ { "id": "X", "name": "X", "nameZh": "X", "first": "2027-13-01", "last": "2027-01-01" } ] }""", "invalid JSON")]
    [InlineData("""{ "year": 2027, "holidays": [ { "id": "X", "name": "X", "nameZh": "X", "first": "2027-01-05", "last": "2027-01-01" } ] }""", "ends")]
    [InlineData("""{ "year": 2027, "holidays": [ { "id": "X", "name": "X", "nameZh": "X", "first": "2026-12-31", "last": "2027-01-01" } ] }""", "not inside 2027")]
    [InlineData("""{ "year": 2027, "holidays": [ { "id": "X", "name": "", "nameZh": "X", "first": "2027-01-01", "last": "2027-01-01" } ] }""", "non-empty")]
    [InlineData("""{ "year": 2027, "holidays": [ { "id": "X", "name": null, "nameZh": "X", "first": "2027-01-01", "last": "2027-01-01" } ] }""", "invalid JSON")]
    [InlineData("""{ "year": 2027, "holidays": [ { "id": "X", "name": "X", "nameZh": "X", "first": "2027-01-01", "last": "2027-01-01", "adjustedWorkdays": ["2027-01-04"] } ] }""", "is a Monday, not a weekend day")]
    [InlineData("""{ "year": 2027, "holidays": [ { "id": "X", "name": "X", "nameZh": "X", "first": "2027-01-01", "last": "2027-01-03", "adjustedWorkdays": ["2027-01-02"] } ] }""", "adjusted workday of 'X' and a day off")]
    [InlineData("""{ "year": 2027, "holidays": [ { "id": "X", "name": "X", "nameZh": "X", "first": "2027-01-01", "last": "2027-01-03" }, { "id": "Y", "name": "Y", "nameZh": "Y", "first": "2027-01-03", "last": "2027-01-04" } ] }""", "day off of both 'X' and 'Y'")]
    [InlineData("""{ "year": 2027, "holidays": [ { "id": "X", "name": "X", "nameZh": "X", "first": "2027-01-01", "last": "2027-01-01" }, { "id": "X", "name": "Y", "nameZh": "Y", "first": "2027-02-01", "last": "2027-02-01" } ] }""", "appears twice")]
    public void Malformed_file_names_the_file_and_the_problem(string json, string problem)
    {
        var path = Path.Combine(_directory, "cn-2027.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<CalendarDataException>(() => WorkingCalendar.LoadDefault(_directory));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.Origin);
    }

    [Theory]
    [InlineData("cn-27.json")]
    [InlineData("cn-2027.backup.json")]
    public void Badly_named_file_is_an_error(string name)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, ValidYear2027);

        var error = Assert.Throws<CalendarDataException>(() => WorkingCalendar.LoadDefault(_directory));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("cn-YYYY.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_reports_where()
    {
        var error = Assert.Throws<CalendarDataException>(() => CalendarYearParser.Parse(
            """{ "year": 2027, "holidays": [ { "id": 5 } ] }""", "inline"));

        Assert.Contains("$.holidays[0].id", error.Message, StringComparison.Ordinal);
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public void Two_sources_for_one_year_is_an_error()
    {
        var a = new CalendarYear(2027, null, [], "a.json");
        var b = new CalendarYear(2027, null, [], "b.json");

        var error = Assert.Throws<CalendarDataException>(() => new WorkingCalendar([a, b]));

        Assert.Contains("a.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("b.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_files_hold_every_published_holiday()
    {
        var calendar = WorkingCalendar.LoadDefault();

        Assert.Equal(6, calendar.HolidaysOf(2025).Count);
        Assert.Equal(7, calendar.HolidaysOf(2026).Count);
    }
}
