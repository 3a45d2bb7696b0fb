namespace ProjectHub.Calendar;

/// <summary>A calendar data file is malformed or inconsistent. The message names the file.</summary>
public sealed class CalendarDataException : Exception
{
    public CalendarDataException(string origin, string problem, Exception? innerException = null)
        : base($"Calendar data '{origin}': {problem}", innerException)
    {
        Origin = origin;
    }

    /// <summary>The file path or resource name that holds the bad data.</summary>
    public string Origin { get; }
}
