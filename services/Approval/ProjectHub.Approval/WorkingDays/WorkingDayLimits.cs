using ProjectHub.Calendar;

namespace ProjectHub.Approval.WorkingDays;

/// <summary>What the working-day calendar answers over gRPC, and for which span.</summary>
public static class WorkingDayLimits
{
    // About ten years either way: far beyond any time limit, and keeps a request from walking the calendar forever.
    public const int MaxWorkingDays = 3660;
}
