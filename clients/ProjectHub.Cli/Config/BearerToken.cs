using Microsoft.IdentityModel.JsonWebTokens;
using ProjectHub.Security;

namespace ProjectHub.Cli;

/// <summary>The token as the user gave it → what goes in the header; and its claims, read for defaults only.</summary>
public static class BearerToken
{
    /// <summary>Accepts the token with or without a leading "Bearer "; refuses what cannot be an HTTP header value.</summary>
    public static string Normalize(string token)
    {
        var value = token.Trim();
        if (value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            value = value["Bearer ".Length..].Trim();
        }

        if (value.Length == 0 || value.Any(c => c is <= ' ' or > '~'))
        {
            throw new UsageException("the token must be a JWT (printable ASCII without spaces); check --token, PROJECTHUB_TOKEN or the config file");
        }

        return value;
    }

    /// <summary>The "unit" claim, or null when there is none or the token is not a readable JWT (the service will say so).</summary>
    public static string? Unit(string token) => Claim(token, ProjectHubClaims.Unit);

    /// <summary>The "role" claim, read like <see cref="Unit"/>.</summary>
    public static string? Role(string token) => Claim(token, ProjectHubClaims.Role);

    private static string? Claim(string token, string claim)
    {
        var handler = new JsonWebTokenHandler();
        if (!handler.CanReadToken(token))
        {
            return null;
        }

        return handler.ReadJsonWebToken(token).TryGetPayloadValue<string>(claim, out var value) && value.Length > 0 ? value : null;
    }
}
