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
                [CliSettings.Keys.Registry] = parse.GetValue(GlobalOptions.Registry),
                [CliSettings.Keys.Approval] = parse.GetValue(GlobalOptions.Approval),
                [CliSettings.Keys.Escalation] = parse.GetValue(GlobalOptions.Escalation),
                [CliSettings.Keys.Token] = parse.GetValue(GlobalOptions.Token),
                [CliSettings.Keys.Environment] = parse.GetValue(GlobalOptions.Environment),
            },
            source);
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

    /// <summary>Every call carries the token and a deadline, so a hung service ends as exit code 5, not a hang.</summary>
    public CallOptions Call(TimeSpan? timeout = null) => new(
        Headers(), DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30)), Cancellation);

    /// <summary>A streaming call: no deadline, only cancellation.</summary>
    public CallOptions StreamCall(CancellationToken cancellation) => new(Headers(), null, cancellation);

    /// <summary>
    /// The unit the token acts for (its "unit" claim), read without verifying the signature: only to pick a default
    /// (the alert recipient); the services verify the token on every call.
    /// </summary>
    public string? TokenUnit => Settings.Token is { } token ? BearerToken.Unit(BearerToken.Normalize(token)) : null;

    /// <summary>
    /// No token, no header: the services answer UNAUTHENTICATED and <see cref="ErrorPrinter"/> says how to get one.
    /// Checked here, at the first call, not before: a broken saved token must not stop dev-token from replacing it.
    /// </summary>
    private Metadata Headers()
    {
        var headers = new Metadata();
        if (Settings.Token is { } token)
        {
            headers.Add("authorization", "Bearer " + BearerToken.Normalize(token));
        }

        return headers;
    }

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
