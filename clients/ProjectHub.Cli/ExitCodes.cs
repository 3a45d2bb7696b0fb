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

    /// <summary>
    /// A calendar answer counted through a year whose holiday arrangements are not published (Monday to Friday assumed):
    /// the date may be a holiday, so a script must not take it as final. Only the calendar commands end with it; approval
    /// commands flag provisional deadlines in their output and a warning on stderr but keep their own exit code.
    /// </summary>
    public const int Provisional = 8;

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
