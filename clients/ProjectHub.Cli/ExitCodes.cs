using Grpc.Core;

namespace ProjectHub.Cli;

/// <summary>Exit codes scripts can branch on; one per kind of failure a person would handle differently.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Other = 1;
    public const int BadInput = 2;
    public const int NotFound = 3;
    public const int Denied = 4;
    public const int Unavailable = 5;
    public const int FailedPrecondition = 6;

    /// <summary>No token, or one the services refuse (expired, another issuer): get a token, not a different role.</summary>
    public const int Unauthenticated = 7;

    public static int For(StatusCode code) => code switch
    {
        StatusCode.OK => Ok,
        StatusCode.InvalidArgument or StatusCode.OutOfRange => BadInput,
        StatusCode.NotFound => NotFound,
        StatusCode.PermissionDenied => Denied,
        StatusCode.Unauthenticated => Unauthenticated,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => Unavailable,
        StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.Aborted => FailedPrecondition,
        _ => Other,
    };
}
