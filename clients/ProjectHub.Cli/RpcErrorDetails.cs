using Google.Rpc;
using Grpc.Core;

namespace ProjectHub.Cli;

/// <summary>
/// The rich details the services attach to a refusal (google.rpc.Status in grpc-status-details-bin, read with
/// Grpc.StatusProto): which fields were bad and the machine-readable reason.
/// </summary>
public static class RpcErrorDetails
{
    /// <summary>The field violations of the status's google.rpc.BadRequest; empty when it carried none.</summary>
    public static IReadOnlyList<BadRequest.Types.FieldViolation> FieldViolations(this RpcException exception) =>
        exception.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.ToList() ?? [];

    /// <summary>The google.rpc.ErrorInfo reason, or null when the status carried none.</summary>
    public static string? Reason(this RpcException exception) => exception.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;
}
