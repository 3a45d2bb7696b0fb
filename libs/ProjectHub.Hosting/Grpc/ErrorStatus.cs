using System.Data.Common;
using System.Net.Sockets;
using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Domain;
using RpcStatus = Google.Rpc.Status;

namespace ProjectHub.Hosting.Grpc;

/// <summary>
/// The one mapping from what a handler threw to the status a caller sees. Domain refusals carry rich details
/// (google.rpc BadRequest, ErrorInfo, PreconditionFailure in grpc-status-details-bin, written by Grpc.StatusProto);
/// a database that cannot be reached is UNAVAILABLE (retry later); every status is capped (<see cref="StatusLimits"/>).
/// </summary>
public static class ErrorStatus
{
    /// <summary>The ErrorInfo domain of every ProjectHub reason.</summary>
    public const string Domain = "projecthub";

    public const string DatabaseUnavailable = "The service's database is unavailable; retry later.";

    /// <summary>The status for <paramref name="exception"/>, or null when it is not ours to map (the framework answers UNKNOWN).</summary>
    public static RpcException? TryMap(Exception exception) => exception switch
    {
        DomainException domain => ToRpcException(domain),
        RpcException rpc => Capped(rpc),
        DbUpdateConcurrencyException => ToRpcException(DomainException.Conflict(
            "A concurrent change to the same record won; nothing of this request was saved. Retry it.", "CONCURRENT_CHANGE")),
        _ when IsDatabaseOutage(exception) => new RpcException(new global::Grpc.Core.Status(StatusCode.Unavailable, DatabaseUnavailable)),
        _ => null,
    };

    public static RpcException ToRpcException(DomainException error)
    {
        var code = error.Kind switch
        {
            DomainErrorKind.InvalidArgument => Code.InvalidArgument,
            DomainErrorKind.NotFound => Code.NotFound,
            DomainErrorKind.FailedPrecondition => Code.FailedPrecondition,
            DomainErrorKind.PermissionDenied => Code.PermissionDenied,
            DomainErrorKind.AlreadyExists => Code.AlreadyExists,
            DomainErrorKind.Aborted => Code.Aborted,
            _ => Code.Unknown,
        };
        var status = new RpcStatus { Code = (int)code, Message = error.Message };
        if (error.Violations.Count > 0)
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.AddRange(error.Violations.Select(v =>
                new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
            status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(badRequest));
        }

        if (error.Reason.Length > 0)
        {
            status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(new ErrorInfo { Reason = error.Reason, Domain = Domain }));
        }

        if (error.Kind == DomainErrorKind.FailedPrecondition)
        {
            var failure = new PreconditionFailure();
            failure.Violations.Add(new PreconditionFailure.Types.Violation
            {
                Type = error.Reason,
                Subject = error.Subject ?? "",
                Description = error.Message,
            });
            status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(failure));
        }

        return StatusLimits.Cap(status).ToRpcException();
    }

    /// <summary>An RpcException thrown as it is, its message and rich details capped.</summary>
    public static RpcException Capped(RpcException exception)
    {
        if (exception.GetRpcStatus() is { } rich)
        {
            var capped = StatusLimits.Cap(rich);
            return ReferenceEquals(capped, rich) ? exception : capped.ToRpcException();
        }

        var detail = StatusLimits.Truncate(exception.Status.Detail, StatusLimits.MaxMessageBytes);
        return ReferenceEquals(detail, exception.Status.Detail)
            ? exception
            : new RpcException(new global::Grpc.Core.Status(exception.StatusCode, detail), exception.Trailers);
    }

    /// <summary>
    /// Looks through the whole inner-exception chain, because EF Core wraps the provider's exception (DbUpdateException
    /// around NpgsqlException). Constraint violations and other data errors are not transient and stay unmapped.
    /// </summary>
    public static bool IsDatabaseOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or SocketException || e is DbException db && IsUnavailable(db))
            {
                return true;
            }
        }

        return false;
    }

    // SQLSTATE classes 08 (connection exception), 53 (insufficient resources) and 57P (server shutting down or
    // starting) mean "this server cannot work right now", whatever the provider says about IsTransient.
    private static bool IsUnavailable(DbException db) =>
        db.IsTransient || db.SqlState is { } state && (state.StartsWith("08", StringComparison.Ordinal)
            || state.StartsWith("53", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal));
}
