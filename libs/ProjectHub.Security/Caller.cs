using System.Security.Claims;
using ProjectHub.Domain;

namespace ProjectHub.Security;

/// <summary>
/// The authenticated caller of an RPC, read from a validated token. Services decide what it may do from
/// <see cref="Role"/>, <see cref="Unit"/> and <see cref="Tiers"/>; <see cref="Subject"/> is the actor they record.
/// </summary>
public sealed record Caller(string Subject, string Role, string? Unit = null, IReadOnlyList<string>? Tiers = null, string? Name = null)
{
    public IReadOnlyList<string> Tiers { get; init; } = Tiers ?? [];

    public bool IsAdmin => Role == Roles.Admin;

    /// <summary>DRC, inspector and admin see every project; the other roles see their own scope only.</summary>
    public bool ReadsEverything => Role is Roles.Drc or Roles.Inspector or Roles.Admin;

    /// <summary>The inspector never writes, whatever the RPC.</summary>
    public bool IsReadOnly => Role == Roles.Inspector;

    public bool HasRole(params string[] roles) => roles.Contains(Role, StringComparer.Ordinal);

    /// <summary>Whether the caller acts for this unit name (exact, ordinal: names are data, not identifiers to fold).</summary>
    public bool ActsFor(string? unit) =>
        Unit is not null && unit is not null && string.Equals(Unit, unit.Trim(), StringComparison.Ordinal);

    public bool HandlesTier(string tier) => Tiers.Contains(tier, StringComparer.Ordinal);

    /// <summary>PERMISSION_DENIED with a reason the caller can act on; the one way services refuse a valid caller.</summary>
    public DomainException Denied(string what) => DomainException.Denied($"{Role} '{Unit ?? Subject}' may not {what}.");

    /// <summary>
    /// The same refusal worded for the people who read it: "业主单位“市城投集团”无权填报进度。"
    /// (<paramref name="what"/> is a Chinese verb phrase). The role's code stays in the claims, not the sentence.
    /// </summary>
    public DomainException DeniedInChinese(string what) => DomainException.Denied($"{RoleInChinese}“{Unit ?? Subject}”无权{what}。");

    /// <summary>The role as a Chinese user names it (发改委, 业主单位 …); an unknown role as its code.</summary>
    public string RoleInChinese => Role switch
    {
        Roles.Drc => "发改委",
        Roles.Owner => "业主单位",
        Roles.Department => "行业主管部门",
        Roles.Leader => "市领导",
        Roles.Inspector => "纪委监委",
        Roles.Admin => "管理员",
        _ => Role,
    };

    /// <summary>Reads a caller from validated claims; null when the claims do not describe a usable caller.</summary>
    public static Caller? FromClaims(IEnumerable<Claim> claims, out string? problem)
    {
        var list = claims as IReadOnlyCollection<Claim> ?? claims.ToList();
        string? First(string type) => list.FirstOrDefault(c => c.Type == type)?.Value is { Length: > 0 } v ? v.Trim() : null;

        var subject = First(ProjectHubClaims.Subject);
        var role = First(ProjectHubClaims.Role);
        var unit = First(ProjectHubClaims.Unit);
        problem = subject is null ? "the token has no subject (sub)"
            : !Roles.IsKnown(role) ? $"the token's role '{role}' is not one of {string.Join(", ", Roles.All)}"
            : Roles.NeedsUnit(role!) && unit is null ? $"a {role} token needs a unit claim naming what it acts for"
            : null;
        if (problem is not null)
        {
            return null;
        }

        var tiers = list.Where(c => c.Type == ProjectHubClaims.Tier && c.Value.Length > 0).Select(c => c.Value.Trim()).ToArray();
        return new Caller(subject!, role!, unit, tiers, First(ProjectHubClaims.Name));
    }

    public static Caller? FromPrincipal(ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true ? FromClaims(principal.Claims, out _) : null;

    /// <summary>The claims a token for this caller carries (see <see cref="TokenMinter"/>).</summary>
    public IDictionary<string, object> ToClaims()
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [ProjectHubClaims.Subject] = Subject,
            [ProjectHubClaims.Role] = Role,
        };
        if (Unit is not null)
        {
            claims[ProjectHubClaims.Unit] = Unit;
        }

        if (Name is not null)
        {
            claims[ProjectHubClaims.Name] = Name;
        }

        if (Tiers.Count > 0)
        {
            claims[ProjectHubClaims.Tier] = Tiers.ToArray();
        }

        return claims;
    }
}
