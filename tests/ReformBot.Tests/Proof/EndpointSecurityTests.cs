using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReformBot.Core.Storage;
using ReformBot.Host.Staff;
using ReformBot.Tests.Host;

namespace ReformBot.Tests.Proof;

/// <summary>Every staff endpoint, enumerated from the app's own endpoint list so a new one cannot be forgotten.</summary>
public sealed class EndpointSecurityTests : IAsyncLifetime
{
    private static readonly HashSet<string> Anonymous = ["GET /staff/login", "POST /staff/login"];
    private readonly string dataPath = RunningHost.NewDataPath();
    private FakePlatform platform = null!;
    private RunningHost host = null!;
    private string staffToken = "";

    public async Task InitializeAsync()
    {
        using (var staffFile = new StaffDatabase(dataPath))
        {
            var staff = new StaffStore(staffFile, TimeProvider.System);
            staff.Add("lan", StaffRole.Staff, "mat-khau-cua-lan");
            staffToken = staff.IssueToken("lan")!;
        }
        platform = await FakePlatform.StartAsync();
        host = await RunningHost.StartAsync(platform, dataPath);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await platform.DisposeAsync();
    }

    private IReadOnlyList<(string Method, string Path, bool AdminOnly)> StaffEndpoints() => host.Service<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/staff") || raw.StartsWith("/api/staff") || raw.StartsWith("/openapi")))
        .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m =>
            (m, Concrete(e.RoutePattern.RawText!), e.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
                .Any(a => a.Policy is StaffAuthPolicies.ApiAdmin))))
        .Where(e => !Anonymous.Contains($"{e.m} {e.Item2}"))
        .ToList();

    private static string Concrete(string pattern) => System.Text.RegularExpressions.Regex
        .Replace(pattern.Replace("{number}", "HC-2026-000001").Replace("{documentName}", "v1"), @"\{\w+:(long|int)\}", "1").TrimEnd('/');

    [Fact]
    public async Task RefusesAnonymousRequestsToEveryStaffEndpoint()
    {
        var endpoints = StaffEndpoints();
        Assert.True(endpoints.Count >= 12, $"only {endpoints.Count} staff endpoints found");
        Assert.Superset(new HashSet<string> { "/api/staff/reports/summary", "/api/staff/reports/export", "/staff/reports", "/staff/reports/export" },
            endpoints.Select(e => e.Path).ToHashSet());
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Http.BaseAddress };
        foreach (var (method, path, _) in endpoints)
        {
            // A well-formed body for the endpoint's kind, so only authentication can refuse it.
            HttpContent body = path.StartsWith("/api/")
                ? new StringContent("{\"text\":\"x\",\"question\":\"x\"}", System.Text.Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "x", ["question"] = "x" });
            var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : body });
            var refused = response.StatusCode == HttpStatusCode.Unauthorized
                || response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/staff/login");
            Assert.True(refused, $"{method} {path} answered {(int)response.StatusCode} to an anonymous request");
        }
    }

    [Fact]
    public async Task RefusesAStaffTokenOnEveryAdminEndpoint()
    {
        var admin = StaffEndpoints().Where(e => e.AdminOnly && e.Path.StartsWith("/api/")).ToList();
        Assert.NotEmpty(admin);
        foreach (var (method, path, _) in admin)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", staffToken);
            Assert.Equal(HttpStatusCode.Forbidden, (await host.Http.SendAsync(request)).StatusCode);
        }
    }
}
