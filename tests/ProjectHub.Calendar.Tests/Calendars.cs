namespace ProjectHub.Calendar.Tests;

internal static class Calendars
{
    /// <summary>Shared: loading is the expensive part and the calendar is immutable.</summary>
    public static readonly WorkingCalendar Default = WorkingCalendar.LoadDefault();

    /// <summary>A fresh instance for tests that subscribe to events.</summary>
    public static WorkingCalendar Fresh() => WorkingCalendar.LoadDefault();

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
