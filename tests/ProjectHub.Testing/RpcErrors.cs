using Google.Rpc;
using Grpc.Core;

namespace ProjectHub.Testing;

/// <summary>The rich details of a refused call (google.rpc.Status in grpc-status-details-bin, read by Grpc.StatusProto).</summary>
public static class RpcErrors
{
    /// <summary>The field violations of a google.rpc.BadRequest detail; empty if the status carried none.</summary>
    public static IReadOnlyList<BadRequest.Types.FieldViolation> FieldViolations(this RpcException exception) =>
        exception.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.ToList() ?? [];

    /// <summary>The google.rpc.ErrorInfo reason, if the status carried one.</summary>
    public static string? Reason(this RpcException exception) => exception.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;

    /// <summary>The google.rpc.PreconditionFailure violations, if the status carried them.</summary>
    public static IReadOnlyList<PreconditionFailure.Types.Violation> PreconditionViolations(this RpcException exception) =>
        exception.GetRpcStatus()?.GetDetail<PreconditionFailure>()?.Violations.ToList() ?? [];
}
