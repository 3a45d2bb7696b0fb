using Grpc.Core;
using ProjectHub.Security;

namespace ProjectHub.Registry.Demo;

/// <summary>
/// The bearer tokens the demo seeder sends: the one it was given for every call, or else development tokens — drc
/// for managing the list and, since the DRC does not report for owners, an owner token per owner unit for reports.
/// </summary>
public sealed class DemoTokens
{
    private readonly string? _given;
    private readonly string _subject;
    private readonly Dictionary<string, CallOptions> _owners = new(StringComparer.Ordinal);

    private DemoTokens(string? given, string subject)
    {
        _given = given;
        _subject = subject;
        Manager = Options(given ?? DevelopmentTokens.Mint(new Caller(subject, Roles.Drc, Name: "示范数据"), DateTimeOffset.UtcNow));
    }

    /// <summary>True when no token was given and development tokens are minted.</summary>
    public bool Minted => _given is null;

    /// <summary>For registering, reading and changing stages.</summary>
    public CallOptions Manager { get; }

    public static DemoTokens From(string? token, string subject) =>
        new(string.IsNullOrWhiteSpace(token) ? null : token.Trim(), subject);

    /// <summary>For the progress reports of a project owned by <paramref name="ownerUnit"/>.</summary>
    public CallOptions OwnerOf(string ownerUnit)
    {
        if (!Minted)
        {
            return Manager;
        }

        if (!_owners.TryGetValue(ownerUnit, out var options))
        {
            options = Options(DevelopmentTokens.Mint(new Caller(_subject, Roles.Owner, ownerUnit), DateTimeOffset.UtcNow));
            _owners[ownerUnit] = options;
        }

        return options;
    }

    private static CallOptions Options(string token) => new(headers: new Metadata { { "authorization", "Bearer " + token } });
}
