using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProjectHub.Calendar;

/// <summary>Reads one year file (JSON, comments and trailing commas allowed) into a validated <see cref="CalendarYear"/>.</summary>
public static class CalendarYearParser
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,

        // A misspelt property ("adjustedWorkDays") must fail loudly rather than silently drop workdays.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <param name="json">The file's text.</param>
    /// <param name="origin">File path or resource name, quoted in every error.</param>
    /// <exception cref="CalendarDataException">The text is not valid year data.</exception>
    public static CalendarYear Parse(string json, string origin)
    {
        YearFile? file;
        try
        {
            file = JsonSerializer.Deserialize<YearFile>(json, Options);
        }
        catch (JsonException e)
        {
            var where = e.Path is null ? "" : $" at {e.Path} (line {e.LineNumber + 1})";
            throw new CalendarDataException(origin, $"invalid JSON{where}: {e.Message}", e);
        }

        if (file is null)
        {
            throw new CalendarDataException(origin, "the file holds no year object.");
        }

        var holidays = file.Holidays
            .Select(h => new Holiday(h.Id, h.Name, h.NameZh, h.First, h.Last, (h.AdjustedWorkdays ?? []).AsReadOnly()))
            .ToList()
            .AsReadOnly();
        var year = new CalendarYear(file.Year, file.Notice, holidays, origin);
        CalendarYearValidator.Validate(year);
        return year;
    }

    private sealed record YearFile(int Year, List<HolidayEntry> Holidays, string? Notice = null);

    private sealed record HolidayEntry(
        string Id,
        string Name,
        string NameZh,
        DateOnly First,
        DateOnly Last,
        List<DateOnly>? AdjustedWorkdays = null);
}
