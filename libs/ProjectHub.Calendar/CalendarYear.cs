namespace ProjectHub.Calendar;

/// <summary>The holiday arrangement of one year, as read from one data file.</summary>
/// <param name="Year">The calendar year the file describes.</param>
/// <param name="Notice">Which official notice the data was copied from (free text, for people).</param>
/// <param name="Holidays">The year's holidays.</param>
/// <param name="Origin">Where the data was loaded from (file path or resource name); used in error messages.</param>
public sealed record CalendarYear(int Year, string? Notice, IReadOnlyList<Holiday> Holidays, string Origin);
