using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace ProjectHub.Grpc;

/// <summary>
/// A call that ended with a non-OK status. Thrown by handlers to answer with that status, and by clients when the
/// server answered with one. Carries the trailers and, when present, the rich google.rpc.Status details.
/// </summary>
public class RpcException : Exception
{
    public RpcException(Status status, Metadata? trailers = null, string? message = null)
        : base(message ?? $"Status(StatusCode=\"{status.StatusCode}\", Detail=\"{status.Detail}\")")
    {
        Status = status;
        Trailers = trailers ?? new Metadata();
    }

    public RpcException(StatusCode code, string detail) : this(new Status(code, detail))
    {
    }

    public Status Status { get; }

    public StatusCode StatusCode => Status.StatusCode;

    public Metadata Trailers { get; }

    /// <summary>The field violations of a google.rpc.BadRequest detail, if the status carried one.</summary>
    public IReadOnlyList<BadRequest.Types.FieldViolation> FieldViolations =>
        Status.RichStatus?.Details.Where(d => d.Is(BadRequest.Descriptor)).SelectMany(d => d.Unpack<BadRequest>().FieldViolations).ToList()
        ?? [];

    /// <summary>The google.rpc.ErrorInfo reason, if the status carried one.</summary>
    public string? Reason =>
        Status.RichStatus?.Details.Where(d => d.Is(ErrorInfo.Descriptor)).Select(d => d.Unpack<ErrorInfo>().Reason).FirstOrDefault();

    /// <summary>INVALID_ARGUMENT with a BadRequest listing every bad field.</summary>
    public static RpcException InvalidArgument(string message, IEnumerable<(string Field, string Description)> violations)
    {
        var badRequest = new BadRequest();
        foreach (var (field, description) in violations)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        }

        return WithDetails(StatusCode.InvalidArgument, message, badRequest);
    }

    public static RpcException InvalidArgument(string field, string description) =>
        InvalidArgument($"{field}: {description}", [(field, description)]);

    public static RpcException NotFound(string message) => new(StatusCode.NotFound, message);

    public static RpcException PermissionDenied(string message) => new(StatusCode.PermissionDenied, message);

    public static RpcException Unauthenticated(string message) => new(StatusCode.Unauthenticated, message);

    /// <summary>FAILED_PRECONDITION with an ErrorInfo carrying a machine-readable reason.</summary>
    public static RpcException FailedPrecondition(string reason, string message, string domain = "projecthub") =>
        WithDetails(StatusCode.FailedPrecondition, message, new ErrorInfo { Reason = reason, Domain = domain });

    /// <summary>Any status with rich details attached (sent in grpc-status-details-bin).</summary>
    public static RpcException WithDetails(StatusCode code, string message, params Google.Protobuf.IMessage[] details)
    {
        var rich = new Google.Rpc.Status { Code = (int)code, Message = message };
        foreach (var detail in details)
        {
            rich.Details.Add(Any.Pack(detail));
        }

        return new RpcException(new Status(code, message, rich));
    }
}
