namespace ProjectHub.Approval.Domain;

/// <summary>Green-channel (绿色通道) projects get half the time limit.</summary>
public static class GreenChannel
{
    /// <summary>Half of <paramref name="timeLimitWorkingDays"/>, rounded up so a limit never drops to zero.</summary>
    public static int Halve(int timeLimitWorkingDays) => (timeLimitWorkingDays + 1) / 2;
}
