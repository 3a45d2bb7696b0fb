namespace ProjectHub.Calendar;

/// <summary>
/// Raised when an answer depended on years without holiday data, which were treated as plain Monday–Friday.
/// One event per run of consecutive unknown years touched by the call.
/// </summary>
public sealed class CalendarFallbackEventArgs(int firstYear, int lastYear) : EventArgs
{
    public int FirstYear { get; } = firstYear;

    public int LastYear { get; } = lastYear;
}
