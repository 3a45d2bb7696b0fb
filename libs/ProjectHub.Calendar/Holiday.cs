namespace ProjectHub.Calendar;

/// <summary>
/// One statutory holiday of a year: the inclusive range of days off and the weekend days worked in exchange.
/// </summary>
/// <param name="Id">Stable English id, e.g. <c>SPRING_FESTIVAL</c>.</param>
/// <param name="Name">English name.</param>
/// <param name="NameZh">Chinese name as published, e.g. 春节.</param>
public sealed record Holiday(
    string Id,
    string Name,
    string NameZh,
    DateOnly First,
    DateOnly Last,
    IReadOnlyList<DateOnly> AdjustedWorkdays)
{
    /// <summary>True when <paramref name="date"/> is one of the holiday's days off.</summary>
    public bool Contains(DateOnly date) => date >= First && date <= Last;
}
