using System.Globalization;

namespace ProjectHub.Calendar;

public sealed partial class WorkingCalendar
{
    private const string ResourcePrefix = "ProjectHub.Calendar.Data.";
    private const string FilePattern = "cn-*.json";

    /// <summary>
    /// The calendar built from the years shipped in this assembly plus, when <paramref name="extraDirectory"/> is
    /// given, every <c>cn-YYYY.json</c> in it. A file for a year that also ships replaces the shipped one, so a
    /// deployment can correct data as well as add years. All I/O happens here, never afterwards.
    /// </summary>
    /// <exception cref="CalendarDataException">A file is malformed; the message names it.</exception>
    /// <exception cref="DirectoryNotFoundException"><paramref name="extraDirectory"/> does not exist.</exception>
    public static WorkingCalendar LoadDefault(string? extraDirectory = null)
    {
        var byYear = new SortedDictionary<int, CalendarYear>();
        foreach (var year in LoadEmbedded())
        {
            byYear[year.Year] = year;
        }

        if (extraDirectory is not null)
        {
            if (!Directory.Exists(extraDirectory))
            {
                throw new DirectoryNotFoundException($"Calendar data directory '{extraDirectory}' does not exist.");
            }

            foreach (var path in Directory.EnumerateFiles(extraDirectory, FilePattern).Order(StringComparer.Ordinal))
            {
                var year = ParseNamed(File.ReadAllText(path), path, Path.GetFileName(path));
                byYear[year.Year] = year;
            }
        }

        return new WorkingCalendar(byYear.Values);
    }

    private static IEnumerable<CalendarYear> LoadEmbedded()
    {
        var assembly = typeof(WorkingCalendar).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new CalendarDataException(name, "embedded resource could not be opened.");
            using var reader = new StreamReader(stream);
            yield return ParseNamed(reader.ReadToEnd(), name, name[ResourcePrefix.Length..]);
        }
    }

    /// <summary>Parses a file whose name must be <c>cn-YYYY.json</c> with YYYY equal to the year inside.</summary>
    private static CalendarYear ParseNamed(string json, string origin, string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        if (stem.Length != 7
            || !stem.StartsWith("cn-", StringComparison.Ordinal)
            || !int.TryParse(stem.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var nameYear))
        {
            throw new CalendarDataException(origin, "the file name must be cn-YYYY.json.");
        }

        var year = CalendarYearParser.Parse(json, origin);
        if (year.Year != nameYear)
        {
            throw new CalendarDataException(origin, $"the file is named for {nameYear} but holds year {year.Year}.");
        }

        return year;
    }
}
