using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ProjectHub.Domain;

/// <summary>
/// Ids derived from what happened (e.g. problem + version, case + item + period) rather than drawn at random, so
/// re-running the same step — a retried sweep, a second replica, a redelivered event — yields the same id, and the
/// outbox key or a consumer's inbox de-duplicates it.
/// </summary>
public static class DeterministicId
{
    /// <summary>The first 16 bytes of SHA-256 over the UTF-8 key.</summary>
    public static Guid From(string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));

    /// <summary>The id of the parts joined with '|' (invariant text of each part).</summary>
    public static Guid From(params object[] parts) =>
        From(string.Join('|', parts.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture))));
}
