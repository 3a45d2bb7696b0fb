using System.CommandLine;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using ProjectHub.ClientDefaults;
using Spectre.Console;
using ApprovalsApi = ProjectHub.Approval.V1.Approvals;
using CalendarApi = ProjectHub.Calendar.V1.WorkingCalendar;
using EscalationApi = ProjectHub.Escalation.V1.Escalation;
using RegistryApi = ProjectHub.Registry.V1.ProjectRegistry;

namespace ProjectHub.Cli;

/// <summary>Everything one command invocation needs: settings, clients, call options and where to write.</summary>
public sealed class CliContext : IDisposable
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default);
    private readonly List<GrpcChannel> _channels = [];
    private RegistryApi.ProjectRegistryClient? _registry;
    private ApprovalsApi.ApprovalsClient? _approvals;
    private CalendarApi.WorkingCalendarClient? _calendar;
    private EscalationApi.EscalationClient? _escalation;
    private CallInvoker? _approvalInvoker;

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

    // One channel per endpoint for the whole command (an import makes one call per row); approvals and the calendar
    // are served on the same endpoint and share one.
    public RegistryApi.ProjectRegistryClient Registry => _registry ??= new(Invoker(Settings.Registry, RegistryApi.Descriptor));
    public ApprovalsApi.ApprovalsClient Approvals => _approvals ??= new(ApprovalInvoker);
    public CalendarApi.WorkingCalendarClient Calendar => _calendar ??= new(ApprovalInvoker);
    public EscalationApi.EscalationClient Escalation => _escalation ??= new(Invoker(Settings.Escalation, EscalationApi.Descriptor));

    /// <summary>
    /// A unary call's options. Without <paramref name="timeout"/> the channel's defaults give it the standard deadline
    /// (<see cref="CallDefaults.UnaryDeadline"/>), so a hung service ends as exit code 5, not a hang.
    /// </summary>
    public CallOptions Call(TimeSpan? timeout = null) =>
        new(deadline: timeout is { } t ? DateTime.UtcNow + t : null, cancellationToken: Cancellation);

    /// <summary>A streaming call: no deadline, only cancellation.</summary>
    public static CallOptions StreamCall(CancellationToken cancellation) => new(cancellationToken: cancellation);

    /// <summary>
    /// The unit the token acts for (its "unit" claim), read without verifying the signature: only to pick a default
    /// (the alert recipient); the services verify the token on every call.
    /// </summary>
    public string? TokenUnit => Settings.Token is { } token ? BearerToken.Unit(BearerToken.Normalize(token)) : null;

    /// <summary>The token's "role" claim, read like <see cref="TokenUnit"/> (for hints only).</summary>
    public string? TokenRole => Settings.Token is { } token ? BearerToken.Role(BearerToken.Normalize(token)) : null;

    /// <summary>
    /// The token for the authorization header of every call. No token, no header: the services answer UNAUTHENTICATED
    /// and <see cref="ErrorPrinter"/> says how to get one. Checked here, at each call, not before: a broken saved token
    /// must not stop dev-token (which calls nothing) from replacing it.
    /// </summary>
    private string? Bearer() => Settings.Token is { } token ? BearerToken.Normalize(token) : null;

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

    private CallInvoker ApprovalInvoker =>
        _approvalInvoker ??= Invoker(Settings.Approval, ApprovalsApi.Descriptor, CalendarApi.Descriptor);

    /// <summary>A channel with the read retries of <paramref name="services"/>, a deadline on every unary call and the token.</summary>
    private CallInvoker Invoker(string endpoint, params ServiceDescriptor[] services)
    {
        var channel = Channels.For(CliSettings.ToUrl(endpoint), services);
        _channels.Add(channel);
        return channel.WithDefaults(Bearer);
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
