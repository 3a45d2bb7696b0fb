using System.Security.Cryptography;
using System.Text;

namespace ProjectHub.Escalation.Problems;

/// <summary>
/// Event ids derived from what happened (e.g. problem + version), so re-running the same step (a retried sweep)
/// yields the same id and consumers de-duplicate it.
/// </summary>
public static class DeterministicIds
{
    public static Guid From(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return new Guid(hash.AsSpan(0, 16));
    }
}
