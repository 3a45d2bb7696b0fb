using Google.Protobuf.WellKnownTypes;

namespace ProjectHub.Cli.Output;

/// <summary>Timestamps in Shanghai time, which is what everyone using the tool reads dates in.</summary>
public static class When
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public static string Format(Timestamp? at) =>
        at is null ? "-" : at.ToDateTimeOffset().ToOffset(Shanghai).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
