using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ReformBot.Cli;

/// <summary>
/// The host (ReformBot.Host.dll next to this program) as a child process on a loopback port, configured through the
/// environment as an operator would (ReformBot__Facebook__AppSecret). Used by <c>loadtest</c> and by the crash tests,
/// which kill it with SIGKILL.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private HostProcess(Process process, string baseUrl)
    {
        Process = process;
        BaseUrl = baseUrl;
    }

    public Process Process { get; }
    public string BaseUrl { get; }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <param name="settings">Configuration keys in their ':' form; passed as environment variables.</param>
    public static async Task<HostProcess> StartAsync(string dataPath, int port, IReadOnlyDictionary<string, string?> settings, CancellationToken ct = default)
    {
        Directory.CreateDirectory(dataPath);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ReformBot.Host.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = dataPath,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("the host did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new HostProcess(process, $"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 300; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"the host exited with {process.ExitCode}");
            try
            {
                if ((await http.GetAsync(host.BaseUrl + "/healthz", ct)).IsSuccessStatusCode) return host;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100, ct);
        }
        host.Dispose();
        throw new TimeoutException("the host did not answer /healthz within 30 s");
    }

    /// <summary>SIGKILL: no shutdown, no flush, as when the machine or the OOM killer takes the process.</summary>
    public void Kill()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        Process.Dispose();
    }
}
