using System.Security.Cryptography;
using System.Text;

namespace ProjectHub.Approval.Events;

/// <summary>
/// Deterministic event ids for once-only notices: the outbox key is the event id, so two sweeps (or replicas) that
/// both decide to publish the same notice cannot both commit it.
/// </summary>
public static class EventIds
{
    public static Guid For(params object[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts)));
        return new Guid(hash.AsSpan(0, 16));
    }
}
