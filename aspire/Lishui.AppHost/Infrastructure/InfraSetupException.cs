namespace Lishui.AppHost.Infrastructure;

/// <summary>The broker or database server cannot be provided; the message says what to do.</summary>
public sealed class InfraSetupException(string message) : Exception(message);
