namespace ProjectHub.Calendar;

/// <summary>What kind of day a date is in the working-day calendar.</summary>
public enum DayKind
{
    /// <summary>An ordinary Monday–Friday working day.</summary>
    WorkingDay,

    /// <summary>An ordinary Saturday or Sunday off.</summary>
    Weekend,

    /// <summary>A statutory holiday day off (any weekday, including the weekend days inside the holiday).</summary>
    Holiday,

    /// <summary>A Saturday or Sunday worked in exchange for holiday days (调休上班).</summary>
    AdjustedWorkday,
}
