namespace ProjectHub.Cli;

/// <summary>Bad input caught before any call (unreadable file, bad CSV, unknown enum name): exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
