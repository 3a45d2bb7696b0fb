using ProjectHub.Board.Auth;
using ProjectHub.Escalation.Client;
using ProjectHub.Grpc;
using ProjectHub.Registry.Client;

namespace ProjectHub.Board;

/// <summary>One channel per service for the process's lifetime, as the gRPC layer recommends; every call carries a token.</summary>
public sealed class BoardServices : IDisposable
{
    private readonly GrpcChannel _registryChannel;
    private readonly GrpcChannel _escalationChannel;

    private BoardServices(string registry, string escalation, BoardTokens tokens)
    {
        _registryChannel = GrpcChannel.ForAddress(registry);
        _escalationChannel = GrpcChannel.ForAddress(escalation);
        Registry = new ProjectRegistryClient(_registryChannel);
        Escalation = new EscalationClient(_escalationChannel);
        Tokens = tokens;
    }

    public ProjectRegistryClient Registry { get; }

    public EscalationClient Escalation { get; }

    public BoardTokens Tokens { get; }

    public static BoardServices FromConfiguration(IConfiguration configuration, BoardTokens tokens) => new(
        // Unset: the service on this machine at its configured port, which is right both beside the embedded host
        // and inside it.
        configuration["Board:Registry"] ?? $"http://127.0.0.1:{configuration["Services:Registry:Port"] ?? "5101"}",
        configuration["Board:Escalation"] ?? $"http://127.0.0.1:{configuration["Services:Escalation:Port"] ?? "5103"}",
        tokens);

    /// <summary>A read with the board's own token: 10 s is plenty for any read the pages make.</summary>
    public CallOptions Read(CancellationToken cancellation) =>
        ReadStream(cancellation).WithDeadlineAfter(TimeSpan.FromSeconds(10));

    /// <summary>A long-lived stream with the board's own token: no deadline, it ends when the page goes away.</summary>
    public CallOptions ReadStream(CancellationToken cancellation) => With(Tokens.ForReading(), cancellation);

    /// <summary>A call acting for a person with a token minted for them (see <see cref="BoardTokens.ForRecipient"/>).</summary>
    public static CallOptions With(string token, CancellationToken cancellation) =>
        new(Headers: new Metadata().Add("authorization", "Bearer " + token), CancellationToken: cancellation);

    public void Dispose()
    {
        _registryChannel.Dispose();
        _escalationChannel.Dispose();
    }
}
