namespace ProjectHub.Cli;

/// <summary>
/// Where settings come from besides the command line: environment variables and the user's config file.
/// Tests pass their own so they never read the real environment or home directory.
/// </summary>
public interface IConfigSource
{
    string? GetEnvironmentVariable(string name);

    /// <summary>Full path of the JSON config file (it need not exist).</summary>
    string ConfigFilePath { get; }

    /// <summary>True when stdin is a terminal a person can answer prompts on.</summary>
    bool IsInteractive { get; }
}

/// <summary>The real process environment; config file under XDG_CONFIG_HOME or ~/.config.</summary>
public sealed class EnvironmentConfigSource : IConfigSource
{
    public string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);

    public string ConfigFilePath
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
            var root = string.IsNullOrWhiteSpace(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config")
                : xdg;
            return Path.Combine(root, "projecthub", "config.json");
        }
    }

    public bool IsInteractive => !Console.IsInputRedirected;
}
