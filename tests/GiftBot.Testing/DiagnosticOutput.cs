using Xunit.Abstractions;
using Xunit.Sdk;

namespace GiftBot.Testing;

/// <summary>
/// Lines a passing test should still show in the plain `dotnet test` output (figures a test measures), written as xunit
/// diagnostic messages; the test project's xunit.runner.json turns diagnosticMessages on. Use as a class fixture.
/// </summary>
public sealed class DiagnosticOutput(IMessageSink diagnosticMessageSink)
{
    public void WriteLine(string line) => diagnosticMessageSink.OnMessage(new DiagnosticMessage(line));
}
