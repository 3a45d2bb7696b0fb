using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ProjectHub.Calendar;
using ProjectHub.Hosting.Calendar;
using ProjectHub.Testing;

namespace ProjectHub.Hosting.Tests.Calendar;

/// <summary>An administrator adds next year's holidays by dropping cn-YYYY.json into Calendar:ExtraDirectory.</summary>
public sealed class CalendarReloadTests : IDisposable
{
    // 2027-01-01 is a Friday: with the file, the first working day of 2027 is Monday the 4th; without it, the 1st.
    private const string Year2027 = """
        { "year": 2027, "notice": "test data", "holidays": [
          { "id": "NEW_YEAR", "name": "New Year's Day", "nameZh": "元旦", "first": "2027-01-01", "last": "2027-01-03" } ] }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("projecthub-calendar-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_dropped_year_is_in_force_after_a_reload_and_a_malformed_one_is_refused_keeping_the_previous_data()
    {
        var calendar = new ReloadingCalendar(_directory, (_, _) => { });
        Assert.False(calendar.IsKnownYear(2027));
        Assert.Equal(new DateOnly(2027, 1, 1), calendar.AddWorkingDays(new DateOnly(2026, 12, 31), 1));

        File.WriteAllText(Path.Combine(_directory, "cn-2027.json"), Year2027);
        Assert.Null(calendar.Reload());
        Assert.True(calendar.IsKnownYear(2027));
        Assert.Equal(new DateOnly(2027, 1, 4), calendar.AddWorkingDays(new DateOnly(2026, 12, 31), 1));

        File.WriteAllText(Path.Combine(_directory, "cn-2028.json"), """{ "year": 2028, "holidays": [ { "id": "X", "first": "2028-05-02", "last": "2028-05-01" } ] }""");
        var refused = calendar.Reload();
        Assert.NotNull(refused);
        Assert.Contains("cn-2028.json", refused, StringComparison.Ordinal);
        Assert.True(calendar.IsKnownYear(2027)); // the previous data stays in force
        Assert.False(calendar.IsKnownYear(2028));
        Assert.Equal(new DateOnly(2027, 1, 4), calendar.AddWorkingDays(new DateOnly(2026, 12, 31), 1));
    }

    [Fact]
    public void The_watcher_picks_up_a_new_file_without_a_restart()
    {
        var (watcher, calendar, _) = Watcher(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.FromHours(8)));
        watcher.Check(_directory);
        Assert.False(calendar.IsKnownYear(2027));

        File.WriteAllText(Path.Combine(_directory, "cn-2027.json"), Year2027);
        watcher.Check(_directory);

        Assert.True(calendar.IsKnownYear(2027));
    }

    [Fact]
    public void From_1_December_a_missing_next_year_is_warned_once_a_day_until_its_file_arrives()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.FromHours(8)));
        var (watcher, _, log) = Watcher(clock);

        watcher.Check(_directory);
        Assert.Empty(log.Warnings); // November: not yet the season

        clock.Advance(TimeSpan.FromDays(1)); // 1 December
        watcher.Check(_directory);
        watcher.Check(_directory);
        Assert.Single(log.Warnings);
        Assert.Contains("2027", log.Warnings[0], StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(1));
        watcher.Check(_directory);
        Assert.Equal(2, log.Warnings.Count);

        File.WriteAllText(Path.Combine(_directory, "cn-2027.json"), Year2027);
        clock.Advance(TimeSpan.FromDays(1));
        watcher.Check(_directory);
        Assert.Equal(2, log.Warnings.Count); // the file is there: no more warnings
    }

    private (CalendarWatcher Watcher, ReloadingCalendar Calendar, CollectingLogger Log) Watcher(DateTimeOffset now) =>
        Watcher(new FakeTimeProvider(now));

    private (CalendarWatcher Watcher, ReloadingCalendar Calendar, CollectingLogger Log) Watcher(TimeProvider clock)
    {
        var calendar = new ReloadingCalendar(_directory, (_, _) => { });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Calendar:ExtraDirectory"] = _directory }).Build();
        var log = new CollectingLogger();
        return (new CalendarWatcher(calendar, configuration, clock, log), calendar, log);
    }

    private sealed class CollectingLogger : ILogger<CalendarWatcher>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}

/// <summary>Answers over years without holiday data are provisional.</summary>
public sealed class CalendarSpanTests
{
    [Theory]
    [InlineData("2026-03-01", "2026-12-31", true)]
    [InlineData("2026-12-20", "2027-01-10", false)]
    [InlineData("2027-01-10", "2026-12-20", false)]
    [InlineData("2024-12-30", "2025-01-02", false)]
    public void KnowsYears_is_true_only_when_every_year_of_the_span_has_data(string a, string b, bool known) =>
        Assert.Equal(known, WorkingCalendar.LoadDefault().KnowsYears(DateOnly.Parse(a, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(b, System.Globalization.CultureInfo.InvariantCulture)));
}
