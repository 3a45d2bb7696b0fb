namespace ProjectHub.Escalation.Domain.Problems;

/// <summary>Actor ids the domain itself uses.</summary>
public static class Actors
{
    /// <summary>The service acting on its own: automatic escalation, reminders, supervision cases.</summary>
    public const string System = "system";
}
