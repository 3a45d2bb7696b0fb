namespace ProjectHub.Registry.Domain.Exit;

public sealed record ExitCandidate(string ProjectId, IReadOnlyList<ExitReason> Reasons);
