using Grpc.Core;
using Grpc.Net.Client;
using ProjectHub.ClientDefaults;
using ProjectHub.Security;

namespace ProjectHub.Testing;

/// <summary>
/// Development tokens for tests (hosts under test run with Auth:Mode=Development). Minted against the wall clock, as
/// the services check token lifetimes against it whatever the hand-set business clock says.
/// </summary>
public static class TestTokens
{
    public static readonly Caller Drc = new("drc-staff", Roles.Drc, Name: "发改委项目科");
    public static readonly Caller Admin = new("operator", Roles.Admin);
    public static readonly Caller Inspector = new("inspector", Roles.Inspector, Name: "纪委监委");

    public static Caller Owner(string unit, string? subject = null) => new(subject ?? unit, Roles.Owner, unit);

    public static Caller Department(string department, string? subject = null) => new(subject ?? department, Roles.Department, department);

    public static Caller Leader(string name, params string[] tiers) => new(name, Roles.Leader, name, tiers);

    public static string Mint(Caller caller) => DevelopmentTokens.Mint(caller, DateTimeOffset.UtcNow);

    public static Metadata Headers(Caller caller) => new() { { "authorization", "Bearer " + Mint(caller) } };

    /// <summary>Call options carrying a development token for <paramref name="caller"/>.</summary>
    public static CallOptions As(Caller caller, CancellationToken cancellationToken = default) =>
        new(Headers(caller), null, cancellationToken);

    /// <summary>
    /// The channel's invoker with the client defaults and <paramref name="caller"/>'s token on every call that does
    /// not carry its own (one token per invoker: minted once, valid for hours).
    /// </summary>
    public static CallInvoker Calling(this GrpcChannel channel, Caller caller)
    {
        var token = Mint(caller);
        return channel.WithDefaults(() => token);
    }
}
