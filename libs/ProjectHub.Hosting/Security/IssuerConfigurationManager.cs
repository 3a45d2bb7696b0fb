using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ProjectHub.Hosting.Security;

/// <summary>
/// The issuer's keys for JwtBearer (a discovery document or a bare JWKS, through IdentityModel's retrievers), cached
/// and refreshed every "Auth:KeysRefreshInterval". It differs from IdentityModel's own ConfigurationManager in one
/// way, and that is why it exists: a token naming a key id not seen yet (the issuer rotated its key) makes the very
/// next read fetch the keys again and wait for them, at most once per "Auth:KeysRefetchInterval" — so that call
/// succeeds. IdentityModel 8 refreshes in the background there, and the first call after every rotation would be
/// refused. See docs/decisions/0005.
/// </summary>
internal sealed class IssuerConfigurationManager(
    string address,
    IConfigurationRetriever<OpenIdConnectConfiguration> retriever,
    IDocumentRetriever documents,
    TimeProvider time,
    TimeSpan refreshInterval,
    TimeSpan refetchInterval) : BaseConfigurationManager, IConfigurationManager<OpenIdConnectConfiguration>, IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private OpenIdConnectConfiguration? _current;
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;
    private volatile bool _refreshRequested;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        if (_current is { } current && !Due())
        {
            return current;
        }

        await _lock.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            if (_current is null || Due())
            {
                _refreshRequested = false;
                try
                {
                    _current = await retriever.GetConfigurationAsync(address, documents, cancel).ConfigureAwait(false);
                }
                catch (Exception) when (_current is not null)
                {
                    // The issuer is unreachable for a moment: keep verifying with the keys we have, try again later.
                }

                _fetchedAt = time.GetUtcNow();
            }

            return _current;
        }
        finally
        {
            _lock.Release();
        }
    }

    public override async Task<BaseConfiguration> GetBaseConfigurationAsync(CancellationToken cancel) =>
        await GetConfigurationAsync(cancel).ConfigureAwait(false);

    /// <summary>A token named a key id we do not have: fetch again on the next read, if the last fetch is old enough.</summary>
    public override void RequestRefresh() => _refreshRequested = true;

    private bool Due()
    {
        var age = time.GetUtcNow() - _fetchedAt;
        return age >= refreshInterval || _refreshRequested && age >= refetchInterval;
    }

    public void Dispose() => _lock.Dispose();
}
