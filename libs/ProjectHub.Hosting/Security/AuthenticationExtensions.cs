using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using ProjectHub.Grpc;

namespace ProjectHub.Hosting.Security;

public static class AuthenticationExtensions
{
    /// <summary>
    /// Bearer-token authentication for every gRPC method but health and reflection, from section "Auth". Checked at
    /// start-up: a production host without an issuer, an audience and a source of keys refuses to start.
    /// </summary>
    public static WebApplicationBuilder AddProjectHubAuthentication(this WebApplicationBuilder builder, AuthMode? defaultMode = null)
    {
        if (builder.Services.Any(s => s.ServiceType == typeof(TokenValidationSettings)))
        {
            return builder;
        }

        var settings = builder.Configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings();
        var mode = settings.Mode ?? defaultMode ?? (builder.Environment.IsDevelopment() ? AuthMode.Development : AuthMode.Jwt);
        Validate(settings, mode);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(new TokenValidationSettings(settings, mode));
        builder.Services.AddSingleton(provider => ActivatorUtilities.CreateInstance<SigningKeySource>(provider, settings, mode));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IGrpcCallFilter, BearerTokenFilter>());
        return builder;
    }

    private static void Validate(AuthSettings settings, AuthMode mode)
    {
        if (mode == AuthMode.Development)
        {
            return;
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(settings.Issuer))
        {
            missing.Add("Auth:Issuer");
        }

        if (string.IsNullOrWhiteSpace(settings.Audience))
        {
            missing.Add("Auth:Audience");
        }

        if (settings.SigningKeys.Count == 0 && settings.JwksUrl is null && settings.Authority is null)
        {
            missing.Add("Auth:SigningKeys, Auth:JwksUrl or Auth:Authority");
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Auth:Mode is Jwt but {string.Join(" and ", missing)} is not set. Configure the token issuer, or set " +
                "Auth:Mode=Development for a local run (trusts the public development key; never in production).");
        }

        foreach (var address in new[] { settings.JwksUrl, settings.Authority })
        {
            if (address is not null && settings.RequireHttpsMetadata && address.Scheme != Uri.UriSchemeHttps)
            {
                throw new InvalidOperationException(
                    $"{address} is not https; set Auth:RequireHttpsMetadata=false only for a local stand-in issuer.");
            }
        }

        foreach (var key in settings.SigningKeys)
        {
            SigningKeySource.ParseKey(key); // a bad key fails the start, not the first call
        }
    }
}
