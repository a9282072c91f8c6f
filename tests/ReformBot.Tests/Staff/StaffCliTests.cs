using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using ReformBot.Tests.Host;

namespace ReformBot.Tests.Staff;

/// <summary>The real <c>reformbot staff</c> command, run as a process with the host's configuration while the host runs.</summary>
public sealed class StaffCliTests
{
    internal static async Task<(int Code, string Output)> RunAsync(string dataPath, string stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "reformbot.dll"), .. args])
        {
            WorkingDirectory = dataPath,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ReformBot__DataPath"] = dataPath; // the environment form operators use, as the host reads it
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    [Fact]
    public async Task AddsAnAccountAndATokenWhileTheHostRunsAndTheApiAcceptsIt()
    {
        await using var platform = await FakePlatform.StartAsync();
        await using var host = await RunningHost.StartAsync(platform);

        var added = await RunAsync(host.DataPath, "mot-mat-khau-dai\nthis line is ignored\n", "staff", "add", "thu", "--role", "admin");
        var shortPassword = await RunAsync(host.DataPath, "ngan\n", "staff", "add", "ngan");
        var token = await RunAsync(host.DataPath, "", "staff", "token", "thu");
        var list = await RunAsync(host.DataPath, "", "staff", "list");

        Assert.Equal(0, added.Code);
        Assert.NotEqual(0, shortPassword.Code);
        Assert.Equal(0, token.Code);
        Assert.Matches(@"^thu\s+admin\s+active\s+tokens: 1", list.Output.Trim());
        var bearer = token.Output.Trim().Split('\n')[^1].Trim();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/staff/tickets");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.SendAsync(request)).StatusCode);

        Assert.Equal(0, (await RunAsync(host.DataPath, "", "staff", "disable", "thu")).Code);
        var refused = new HttpRequestMessage(HttpMethod.Get, "/api/staff/tickets");
        refused.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.SendAsync(refused)).StatusCode);
    }
}
