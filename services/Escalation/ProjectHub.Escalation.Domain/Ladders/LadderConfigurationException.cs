namespace ProjectHub.Escalation.Domain.Ladders;

/// <summary>A configured ladder is unusable; raised at start-up, never per request.</summary>
public sealed class LadderConfigurationException : Exception
{
    public LadderConfigurationException(IReadOnlyList<string> errors)
        : base("Invalid escalation ladder configuration: " + string.Join(" ", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
