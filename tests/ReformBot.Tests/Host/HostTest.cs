namespace ReformBot.Tests.Host;

/// <summary>A fake platform and a real host started for each test, and stopped after it.</summary>
public abstract class HostTest : IAsyncLifetime
{
    protected FakePlatform platform = null!;
    protected RunningHost host = null!;

    public virtual async Task InitializeAsync()
    {
        platform = await FakePlatform.StartAsync();
        host = await RunningHost.StartAsync(platform);
    }

    public virtual async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await platform.DisposeAsync();
    }
}
