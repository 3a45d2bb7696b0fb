using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using ProjectHub.Security;

namespace ProjectHub.Hosting.Security;

public static class AuthenticationExtensions
{
    /// <summary>The policy every service method requires: a validated token that describes a ProjectHub caller.</summary>
    public const string CallerPolicy = "projecthub-caller";

    /// <summary>
    /// Bearer-token authentication (ASP.NET Core's JwtBearer) for every gRPC method but health and reflection, from
    /// section "Auth". Checked at start-up: a production host without an issuer, an audience and a source of keys
    /// refuses to start. A refused call answers UNAUTHENTICATED with the reason (<see cref="GrpcAuthorizationResultHandler"/>).
    /// </summary>
    public static WebApplicationBuilder AddProjectHubAuthentication(this WebApplicationBuilder builder, AuthMode? defaultMode = null)
    {
        if (builder.Services.Any(s => s.ServiceType == typeof(AuthSettings)))
        {
            return builder;
        }

        var settings = builder.Configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings();
        var mode = settings.Mode ?? defaultMode ?? (builder.Environment.IsDevelopment() ? AuthMode.Development : AuthMode.Jwt);
        settings.Mode = mode;
        var fixedKeys = Validate(settings, mode);
        builder.Services.AddSingleton(settings);
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options => Configure(options, settings, mode, fixedKeys));
        if (mode == AuthMode.Jwt && (settings.Authority is not null || settings.JwksUrl is not null))
        {
            builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
                .Configure<TimeProvider>((options, time) => options.ConfigurationManager = IssuerKeys(settings, time));
        }
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(CallerPolicy, policy => policy.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser());
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        if (mode == AuthMode.Development)
        {
            DevelopmentTokensWarning.Register(builder.Services, builder.Environment.ApplicationName);
        }

        return builder;
    }

    private static void Configure(JwtBearerOptions options, AuthSettings settings, AuthMode mode, SecurityKey[] fixedKeys)
    {
        var development = mode == AuthMode.Development;
        options.MapInboundClaims = false;
        // Token lifetimes are checked against the wall clock, never the business clock a test or replay moves.
        options.TimeProvider = TimeProvider.System;
        options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        options.RefreshOnIssuerKeyNotFound = true;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = development ? DevelopmentTokens.Issuer : settings.Issuer,
            ValidAudience = development ? DevelopmentTokens.Audience : settings.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKeys = fixedKeys,
            ClockSkew = settings.ClockSkew,
            NameClaimType = ProjectHubClaims.Subject,
            RoleClaimType = ProjectHubClaims.Role,
            // "none" and algorithm confusion are refused: only these algorithms, with the key types they need.
            ValidAlgorithms =
            [
                SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512,
                SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
                SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384,
            ],
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = TokenReasons.OnMessageReceived,
            OnAuthenticationFailed = TokenReasons.OnAuthenticationFailed,
            OnTokenValidated = TokenReasons.OnTokenValidated,
        };
    }

    /// <summary>
    /// Keys fetched from the issuer: its OpenID discovery document ("Auth:Authority"), or a bare JSON Web Key Set
    /// ("Auth:JwksUrl"). Key refresh follows the business clock of the host, like every other timer here.
    /// </summary>
    private static IssuerConfigurationManager IssuerKeys(AuthSettings settings, TimeProvider time)
    {
        var documents = new HttpDocumentRetriever { RequireHttps = settings.RequireHttpsMetadata };
        return settings.Authority is { } authority
            ? new IssuerConfigurationManager(
                authority.ToString().TrimEnd('/') + "/.well-known/openid-configuration", new OpenIdConnectConfigurationRetriever(),
                documents, time, settings.KeysRefreshInterval, settings.KeysRefetchInterval)
            : new IssuerConfigurationManager(
                settings.JwksUrl!.ToString(), new JwksRetriever(), documents, time, settings.KeysRefreshInterval, settings.KeysRefetchInterval);
    }

    /// <summary>The keys trusted without fetching: the development key, or the configured ones (parsed here, so a bad key fails the start).</summary>
    private static SecurityKey[] Validate(AuthSettings settings, AuthMode mode)
    {
        if (mode == AuthMode.Development)
        {
            return [DevelopmentTokens.SigningKey];
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

        return settings.SigningKeys.Select(SigningKeys.Parse).ToArray();
    }

    /// <summary>
    /// Why a token was refused, kept on the request for <see cref="GrpcAuthorizationResultHandler"/>: enough for the
    /// caller to fix their setup, without echoing keys or the token.
    /// </summary>
    internal static class TokenReasons
    {
        public const string Missing = "This call needs a bearer token (authorization: Bearer <JWT>).";

        private static readonly JsonWebTokenHandler Reader = new();

        public static string? Of(Microsoft.AspNetCore.Http.HttpContext context) =>
            context.Items.TryGetValue(typeof(TokenReasons), out var reason) ? reason as string : null;

        private static void Set(Microsoft.AspNetCore.Http.HttpContext context, string reason) => context.Items[typeof(TokenReasons)] = reason;

        public static Task OnMessageReceived(MessageReceivedContext context)
        {
            string header = context.Request.Headers.Authorization.ToString();
            const string scheme = "Bearer ";
            if (string.IsNullOrWhiteSpace(header))
            {
                Set(context.HttpContext, Missing);
            }
            else if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header.Length == scheme.Length)
            {
                Set(context.HttpContext, "The authorization header must be 'Bearer <JWT>'.");
                context.NoResult();
            }
            else if (!Reader.CanReadToken(header[scheme.Length..].Trim()))
            {
                Set(context.HttpContext, "The bearer token is not a JWT.");
                context.NoResult();
            }

            return Task.CompletedTask;
        }

        public static Task OnAuthenticationFailed(AuthenticationFailedContext context)
        {
            Set(context.HttpContext, $"The bearer token was refused: {Describe(context.Exception)}");
            return Task.CompletedTask;
        }

        public static Task OnTokenValidated(TokenValidatedContext context)
        {
            var caller = Caller.FromClaims(context.Principal?.Claims ?? [], out var problem);
            if (caller is null)
            {
                Set(context.HttpContext, $"The bearer token was refused: {problem}.");
                context.Fail(problem ?? "the token does not describe a caller");
            }
            else
            {
                context.HttpContext.Items[typeof(Caller)] = caller;
            }

            return Task.CompletedTask;
        }

        private static string Describe(Exception? exception) => exception switch
        {
            SecurityTokenExpiredException => "it has expired",
            SecurityTokenNotYetValidException => "it is not valid yet",
            SecurityTokenInvalidIssuerException => "it is from another issuer",
            SecurityTokenInvalidAudienceException => "it is for another audience",
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "its signature does not verify",
            SecurityTokenNoExpirationException => "it has no expiry",
            _ => "it is malformed",
        };
    }
}
