using ProjectHub.Registry.Access;
using ProjectHub.Security;

namespace ProjectHub.Registry.Lights;

/// <summary>
/// Re-evaluates every project now, on a manager's request. The sweep itself is shared with the daily timer, which
/// has no caller; so the check is made here.
/// </summary>
public sealed class EvaluateLights(LightSweep sweep)
{
    public Task<SweepResult> HandleAsync(Caller caller, CancellationToken ct)
    {
        RegistryAccess.RequireManage(caller, "重新评定亮灯");
        return sweep.RunAsync(ct);
    }
}
