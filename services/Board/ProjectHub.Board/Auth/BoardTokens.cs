using ProjectHub.Security;

namespace ProjectHub.Board.Auth;

/// <summary>
/// The tokens the board calls the services with. Reads use a service token: Board:Token when set, else — in
/// development mode only — a development inspector token minted here (the inspector reads everything and writes
/// nothing, which is exactly the board). Acting for a person (acknowledging an alert) needs that person's identity:
/// in development mode a short-lived token is minted for the recipient; outside it the board has no per-user sign-in
/// yet, so it cannot act for anyone (see <see cref="ForRecipient"/>).
/// </summary>
public sealed class BoardTokens
{
    public const string Setting = "Board:Token";

    private static readonly Caller Reader = new("projecthub-board", Roles.Inspector, Name: "挂图作战看板");
    private static readonly TimeSpan ReaderLifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(10);

    // Long enough for one acknowledgement round trip, short enough that a copy is worth nothing.
    private static readonly TimeSpan RecipientLifetime = TimeSpan.FromMinutes(2);

    private readonly string? _configured;
    private readonly TimeProvider _time;
    private Minted? _reader;

    public BoardTokens(string? configured, bool development, TimeProvider time)
    {
        _configured = string.IsNullOrWhiteSpace(configured) ? null : configured.Trim();
        Development = development;
        _time = time;
        if (_configured is null && !development)
        {
            throw new InvalidOperationException(
                $"The board needs {Setting}: a service token from your issuer (an inspector token: it reads everything and " +
                "writes nothing). Only in development mode (Auth:Mode=Development) does the board mint its own.");
        }
    }

    /// <summary>Development mode: the services trust the public development key, so the board may mint tokens.</summary>
    public bool Development { get; }

    /// <summary>The bearer token for reads (the board's own identity).</summary>
    public string ForReading()
    {
        if (_configured is not null)
        {
            return _configured;
        }

        var now = _time.GetUtcNow();
        var current = Volatile.Read(ref _reader);
        if (current is null || current.Expires - now < RenewBefore)
        {
            current = new Minted(DevelopmentTokens.Mint(Reader, now, ReaderLifetime), now + ReaderLifetime);
            Volatile.Write(ref _reader, current); // two pages renewing at once both mint a good token; either wins
        }

        return current.Token;
    }

    /// <summary>
    /// A token acting as <paramref name="recipient"/> for one acknowledgement, or null outside development mode.
    /// The escalation service lets only an alert's recipient acknowledge it, by the token's unit. Role: leader with
    /// no tier claims — of the roles that carry a unit it may do the least (it handles no ladder tier, writes no
    /// project or report, approves nothing), so the token can acknowledge the recipient's alerts and little else,
    /// whether the recipient is a leader, a department or a unit.
    /// </summary>
    public string? ForRecipient(string recipient) =>
        Development
            ? DevelopmentTokens.Mint(new Caller(recipient, Roles.Leader, recipient, Name: recipient), _time.GetUtcNow(), RecipientLifetime)
            : null;

    private sealed record Minted(string Token, DateTimeOffset Expires);
}
