using Grpc.Core;
using ProjectHub.Board.Auth;
using EscalationApi = ProjectHub.Escalation.V1.Escalation;
using RegistryApi = ProjectHub.Registry.V1.ProjectRegistry;

namespace ProjectHub.Board;

/// <summary>
/// What an endpoint calls the services with: the clients from DI (<see cref="BoardHost.AddBoard"/> registers them with
/// the read retries and a deadline on every unary call) and the tokens. Every call names its token explicitly — the
/// board's own for reads, the recipient's for an acknowledgement — so no call can act as the board by omission.
/// </summary>
public sealed class BoardServices(RegistryApi.ProjectRegistryClient registry, EscalationApi.EscalationClient escalation, BoardTokens tokens)
{
    /// <summary>The deadline of every unary call the board makes: 10 s is plenty for any read the pages make.</summary>
    public static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(10);

    public RegistryApi.ProjectRegistryClient Registry { get; } = registry;

    public EscalationApi.EscalationClient Escalation { get; } = escalation;

    public BoardTokens Tokens { get; } = tokens;

    /// <summary>Where the board finds the registry: Board:Registry, else this machine at the registry's configured port.</summary>
    public static Uri RegistryAddress(IConfiguration configuration) => new(
        // Unset: the service on this machine at its configured port, which is right both beside the embedded host
        // and inside it.
        configuration["Board:Registry"] ?? $"http://127.0.0.1:{configuration["Services:Registry:Port"] ?? "5101"}");

    /// <summary>Where the board finds the escalation service, as <see cref="RegistryAddress"/>.</summary>
    public static Uri EscalationAddress(IConfiguration configuration) => new(
        configuration["Board:Escalation"] ?? $"http://127.0.0.1:{configuration["Services:Escalation:Port"] ?? "5103"}");

    /// <summary>A read with the board's own token; the client's interceptor adds the deadline.</summary>
    public CallOptions Read(CancellationToken cancellation) => With(Tokens.ForReading(), cancellation);

    /// <summary>A long-lived stream with the board's own token: no deadline, it ends when the page goes away.</summary>
    public CallOptions ReadStream(CancellationToken cancellation) => With(Tokens.ForReading(), cancellation);

    /// <summary>A call acting for a person with a token minted for them (see <see cref="BoardTokens.ForRecipient"/>).</summary>
    public static CallOptions With(string token, CancellationToken cancellation) =>
        new(headers: new Metadata { { "authorization", "Bearer " + token } }, cancellationToken: cancellation);
}
