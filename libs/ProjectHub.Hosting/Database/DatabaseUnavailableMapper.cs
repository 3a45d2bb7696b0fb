using System.Data.Common;
using System.Net.Sockets;
using ProjectHub.Grpc;

namespace ProjectHub.Hosting.Database;

/// <summary>
/// A service whose database is down (restarting, unreachable, out of connections) answers UNAVAILABLE — retry later —
/// instead of UNKNOWN. Looks through the whole inner-exception chain, because EF Core wraps the provider's exception
/// (DbUpdateException around NpgsqlException). Constraint violations and other data errors are not transient and
/// stay with whatever the service or the dispatcher makes of them.
/// </summary>
public sealed class DatabaseUnavailableMapper : IGrpcExceptionMapper
{
    public Status? TryMap(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or SocketException || e is DbException db && IsUnavailable(db))
            {
                return new Status(StatusCode.Unavailable, "The service's database is unavailable; retry later.");
            }
        }

        return null;
    }

    // SQLSTATE classes 08 (connection exception), 53 (insufficient resources) and 57P (server shutting down or
    // starting) mean "this server cannot work right now", whatever the provider says about IsTransient.
    private static bool IsUnavailable(DbException db) =>
        db.IsTransient || db.SqlState is { } state && (state.StartsWith("08", StringComparison.Ordinal)
            || state.StartsWith("53", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal));
}
