using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GiftBot.Tests.Hosting;

/// <summary>
/// The shipped GiftBot host as its own operating-system process (dotnet GiftBot.dll on a loopback port), configured
/// only through environment variables as App Service would. Unlike WebApplicationFactory it can be stopped hard:
/// <see cref="Kill"/> ends the process at once, mid-turn, with its leases and open transactions left behind.
/// </summary>
public sealed class GiftBotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private GiftBotProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    /// <summary>The last lines the process wrote, for a failing test's message.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <summary>Starts the host next to this test's build output and waits until /health/ready answers 200.</summary>
    /// <param name="workingDirectory">The process's current folder; the app's own folder unless given (`dotnet run --project src/GiftBot` runs in the project's folder).</param>
    public static async Task<GiftBotProcess> StartAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout, string? workingDirectory = null)
    {
        var appFolder = HostBuildFolder();
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(appFolder, "GiftBot.dll")])
        {
            WorkingDirectory = workingDirectory ?? appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var host = new GiftBotProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), baseAddress);
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (host._process.HasExited)
                throw new InvalidOperationException($"GiftBot exited with code {host._process.ExitCode} while starting:{Environment.NewLine}{host.RecentOutput}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return host;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* busy starting */ }
            await Task.Delay(200);
        }

        await host.DisposeAsync();
        throw new TimeoutException($"GiftBot was not ready within {timeout}:{Environment.NewLine}{host.RecentOutput}");
    }

    /// <summary>Ends the process at once (SIGKILL): no shutdown, turns in flight stop where they are.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 200) _output.TryDequeue(out _);
    }

    /// <summary>src/GiftBot's own build output (same configuration and framework as this test), built with this test project.</summary>
    /// <summary>The host's build output this test runs against.</summary>
    public static string HostBuildFolder()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (testBin.Name, testBin.Parent!.Name);
        for (var folder = testBin; folder is not null; folder = folder.Parent)
        {
            if (!File.Exists(Path.Combine(folder.FullName, "GiftBot.sln"))) continue;
            var hostBin = Path.Combine(folder.FullName, "src", "GiftBot", "bin", configuration, framework);
            if (File.Exists(Path.Combine(hostBin, "GiftBot.runtimeconfig.json"))) return hostBin;
            break;
        }

        throw new InvalidOperationException($"The GiftBot host build was not found next to {testBin.FullName}; build tests/GiftBot.Tests first.");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
