using ProjectHub.Security;

namespace ProjectHub.Bench.Services;

/// <summary>
/// The identity every service call of the driver carries: an admin development token (issue #7), so the per-role
/// scopes never change what a figure measures. Hosts run with Auth:Mode=Development.
/// </summary>
public static class BenchCaller
{
    public static readonly Caller Admin = new("bench", Roles.Admin, Name: "benchmark driver");

    /// <summary>Call options with a freshly minted token (12 h lifetime, longer than any run).</summary>
    public static CallOptions Options(CancellationToken cancellationToken = default) =>
        new(new Metadata().Add("authorization", "Bearer " + DevelopmentTokens.Mint(Admin, DateTimeOffset.UtcNow)), null, cancellationToken);
}
