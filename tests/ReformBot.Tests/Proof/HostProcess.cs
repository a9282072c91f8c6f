using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ReformBot.Tests.Host;

namespace ReformBot.Tests.Proof;

/// <summary>The real host as a separate process (the build in this test's folder), so it can be killed with SIGKILL.</summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process process;

    public string BaseUrl { get; }

    private HostProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static async Task<HostProcess> StartAsync(FakePlatform platform, string dataPath, int port)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ReformBot.Host.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = dataPath,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var settings = RunningHost.Settings(platform, dataPath);
        settings["ReformBot:MessagesPerMinutePerUser"] = "1000";
        // The environment form of the same keys, as an operator would set them (ReformBot__Facebook__AppSecret).
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
                if ((await http.GetAsync(host.BaseUrl + "/healthz")).IsSuccessStatusCode) return host;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("the host did not answer /healthz within 30 s");
    }

    /// <summary>SIGKILL: no shutdown, no flush, as when the machine or the OOM killer takes the process.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited) Kill();
        process.Dispose();
    }
}
