using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ProjectHub.Hosting.Security;

/// <summary>Configured signing keys ("Auth:SigningKeys"): PEM public keys or HMAC secrets.</summary>
public static class SigningKeys
{
    /// <summary>A configured key: PEM public key (RSA, else EC) or "base64:" HMAC secret of at least 32 bytes.</summary>
    public static SecurityKey Parse(string text)
    {
        text = text.Trim();
        if (text.StartsWith("base64:", StringComparison.Ordinal))
        {
            var secret = Convert.FromBase64String(text["base64:".Length..]);
            return secret.Length >= 32
                ? new SymmetricSecurityKey(secret)
                : throw new ArgumentException("an HMAC signing key needs at least 32 bytes");
        }

        if (text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            try
            {
                var rsa = RSA.Create();
                rsa.ImportFromPem(text);
                return new RsaSecurityKey(rsa);
            }
            catch (ArgumentException)
            {
                var ec = ECDsa.Create();
                ec.ImportFromPem(text);
                return new ECDsaSecurityKey(ec);
            }
        }

        throw new ArgumentException("a signing key is a PEM public key or 'base64:<secret>'");
    }
}
