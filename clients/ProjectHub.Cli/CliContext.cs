using System.CommandLine;
using Google.Protobuf;
using ProjectHub.Approval.Client;
using ProjectHub.Escalation.Client;
using ProjectHub.Grpc;
using ProjectHub.Registry.Client;
using Spectre.Console;

namespace ProjectHub.Cli;

/// <summary>Everything one command invocation needs: settings, clients, call options and where to write.</summary>
public sealed class CliContext : IDisposable
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default);
    private readonly List<GrpcChannel> _channels = [];

    public CliContext(ParseResult parse, TextWriter output, TextWriter error, IConfigSource source, CancellationToken cancellation)
    {
        Settings = CliSettings.Resolve(
            new Dictionary<string, string?>
            {
                ["registry"] = parse.GetValue(GlobalOptions.Registry),
                ["approval"] = parse.GetValue(GlobalOptions.Approval),
                ["escalation"] = parse.GetValue(GlobalOptions.Escalation),
                ["actor"] = parse.GetValue(GlobalOptions.Actor),
            },
            source);
        if (Settings.Actor.Any(c => c > '\u007e' || c < '\u0020'))
        {
            // HTTP/2 header values are ASCII and the services read x-actor verbatim, so a Chinese name cannot travel
            // until sign-in lands; say so instead of failing the call with a transport error.
            throw new UsageException($"actor '{Settings.Actor}' must be ASCII (x-actor is an HTTP header); use an id such as 'drc' or 'unit-1'");
        }

        AsJson = parse.GetValue(GlobalOptions.Output) == "json";
        Out = output;
        Error = error;
        Source = source;
        Cancellation = cancellation;
        // Colours only on a real terminal: a pipe or a file gets plain text scripts can grep.
        Console = CreateConsole(output, ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected);
    }

    public CliSettings Settings { get; }
    public bool AsJson { get; }
    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public IConfigSource Source { get; }
    public CancellationToken Cancellation { get; }

    /// <summary>Spectre console on <see cref="Out"/>; it measures CJK characters as two columns so tables stay aligned.</summary>
    public IAnsiConsole Console { get; }

    public ProjectRegistryClient Registry => new(Channel(Settings.Registry));
    public ApprovalsClient Approvals => new(Channel(Settings.Approval));
    public WorkingCalendarClient Calendar => new(Channel(Settings.Approval));
    public EscalationClient Escalation => new(Channel(Settings.Escalation));

    /// <summary>Every call carries the actor and a deadline, so a hung service ends as exit code 5, not a hang.</summary>
    public CallOptions Call(TimeSpan? timeout = null) => new(
        new Metadata().Add("x-actor", Settings.Actor),
        DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30)),
        Cancellation);

    /// <summary>A streaming call: no deadline, only cancellation.</summary>
    public CallOptions StreamCall(CancellationToken cancellation) =>
        new(new Metadata().Add("x-actor", Settings.Actor), null, cancellation);

    /// <summary>Writes the protobuf JSON of <paramref name="message"/> on one line (json mode).</summary>
    public void WriteJson(IMessage message) => Out.WriteLine(Json.Format(message));

    /// <summary>json mode: the message; table mode: whatever <paramref name="table"/> draws.</summary>
    public void Write(IMessage message, Action table)
    {
        if (AsJson)
        {
            WriteJson(message);
        }
        else
        {
            table();
        }
    }

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }

    private GrpcChannel Channel(string endpoint)
    {
        var channel = GrpcChannel.ForAddress(CliSettings.ToUrl(endpoint));
        _channels.Add(channel);
        return channel;
    }

    private static IAnsiConsole CreateConsole(TextWriter output, bool isRealConsole)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = isRealConsole ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isRealConsole ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!isRealConsole)
        {
            // A pipe or a test has no width; wide enough that tables never wrap.
            console.Profile.Width = 240;
        }

        return console;
    }
}
