using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProjectHub.Domain;
using ProjectHub.Hosting.Observability;

namespace ProjectHub.Hosting.Calendar;

/// <summary>
/// Picks up holiday files an administrator drops into "Calendar:ExtraDirectory" without a restart (checked every
/// "Calendar:ReloadInterval", 1 minute by default, by the files' names, sizes and times), and from 1 December warns
/// once a day, and reports the metric projecthub.calendar.next_year_missing, while next year's data is missing:
/// deadlines already run into that year, counted Monday to Friday until its file arrives.
/// </summary>
public sealed partial class CalendarWatcher(ReloadingCalendar calendar, IConfiguration configuration, TimeProvider time, ILogger<CalendarWatcher> logger)
    : BackgroundService
{
    private string _fingerprint = "";
    private DateOnly _warnedOn;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var directory = configuration["Calendar:ExtraDirectory"];
        _fingerprint = Fingerprint(directory);
        var interval = configuration.GetValue("Calendar:ReloadInterval", TimeSpan.FromMinutes(1));
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            Check(directory);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: reload when the directory changed, then the next-year check. Public for tests.</summary>
    public void Check(string? directory)
    {
        var fingerprint = Fingerprint(directory);
        if (fingerprint != _fingerprint)
        {
            _fingerprint = fingerprint;
            if (calendar.Reload() is { } refused)
            {
                Refused(logger, directory ?? "", refused);
            }
            else
            {
                Reloaded(logger, calendar.KnownYears);
            }
        }

        var today = time.Today();
        var missing = today.Month == 12 && !calendar.IsKnownYear(today.Year + 1);
        ProjectHubMetrics.CalendarNextYear(missing);
        if (missing && _warnedOn != today)
        {
            _warnedOn = today;
            NextYearMissing(logger, today.Year + 1, directory ?? "the folder Calendar:ExtraDirectory names (set it first)");
        }
    }

    private static string Fingerprint(string? directory)
    {
        if (directory is null || !Directory.Exists(directory))
        {
            return "";
        }

        return string.Join('|', new DirectoryInfo(directory).GetFiles("cn-*.json")
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar data reloaded: known years {Years}")]
    private static partial void Reloaded(ILogger logger, IReadOnlyList<int> years);

    [LoggerMessage(Level = LogLevel.Error, Message = "Calendar files in {Directory} refused, the previous data stays in force: {Reason}")]
    private static partial void Refused(ILogger logger, string directory, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No holiday data for {Year} yet: deadlines that reach into it are counted Monday-Friday and marked provisional. Add cn-{Year}.json to {Directory} once the State Council publishes the arrangements.")]
    private static partial void NextYearMissing(ILogger logger, int year, string directory);
}
