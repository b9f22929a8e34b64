using System.Diagnostics;

namespace GiftBot.Benchmarks;

/// <summary>This executable started again in a child mode (shoppers, Messenger sender); killed with its tree if the parent leaves early; its stderr kept for errors.</summary>
internal sealed class DriverProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _errors = new();

    private DriverProcess(Process process) => _process = process;

    public static DriverProcess Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("No process path to start the driver from."))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Run through "dotnet GiftBot.Benchmarks.dll" the host is dotnet itself: hand it the assembly again.
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet") start.ArgumentList.Add(typeof(DriverProcess).Assembly.Location);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("The driver process did not start.");
        var driver = new DriverProcess(process);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (driver._errors) driver._errors.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        return driver;
    }

    /// <summary>Reads stdout up to the line that starts with <paramref name="word"/>; returns the rest of that line.</summary>
    public async Task<string> ExpectAsync(string word)
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line == word) return "";
            if (line.StartsWith(word + " ", StringComparison.Ordinal)) return line[(word.Length + 1)..];
        }
        await _process.WaitForExitAsync();
        string errors;
        lock (_errors) errors = _errors.ToString();
        throw new InvalidOperationException($"The driver process ended (exit code {_process.ExitCode}) before '{word}':{Environment.NewLine}{errors}");
    }

    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>The driver's CPU time so far (zero once it has exited and can no longer be read).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            try { _process.Refresh(); return _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime; }
            catch (InvalidOperationException) { return TimeSpan.Zero; }
        }
    }

    public Task WaitForExitAsync() => _process.WaitForExitAsync();

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
