namespace ProjectHub.Grpc;

/// <summary>The outcome of a call: a code, a human-readable detail and, optionally, the rich google.rpc.Status.</summary>
public readonly record struct Status(StatusCode StatusCode, string Detail, Google.Rpc.Status? RichStatus = null)
{
    public static readonly Status DefaultSuccess = new(StatusCode.OK, "");

    public override string ToString() => $"Status(StatusCode=\"{StatusCode}\", Detail=\"{Detail}\")";
}
