namespace ProjectHub.Registry.Domain.Exit;

/// <summary>Why a project is proposed for exit: a stable code and an English sentence with the figures.</summary>
public sealed record ExitReason(string Code, string Message)
{
    public const string ProlongedRed = "PROLONGED_RED";
    public const string NotStartedProlonged = "NOT_STARTED_PROLONGED";
}
