using ReformBot.Core.Storage;
using Microsoft.Extensions.Time.Testing;
using ReformBot.Host.Staff;
using ReformBot.Tests.Host;

namespace ReformBot.Tests.Staff;

public sealed class StaffStoreTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly StaffDatabase file = new(RunningHost.NewDataPath());
    private readonly StaffStore staff;

    public StaffStoreTests()
    {
        staff = new StaffStore(file, clock);
        staff.Add("lan", StaffRole.Staff, "mat-khau-cua-lan");
    }

    public void Dispose() => file.Dispose();

    [Fact]
    public void StoresAHashNotThePassword()
    {
        var account = staff.Find("lan")!;
        Assert.DoesNotContain("mat-khau-cua-lan", account.PasswordHash);
        Assert.IsType<LoginResult.Ok>(staff.Login("lan", "mat-khau-cua-lan"));
        Assert.IsType<LoginResult.Refused>(staff.Login("lan", "sai"));
        Assert.IsType<LoginResult.Refused>(staff.Login("nobody", "mat-khau-cua-lan"));
    }

    [Fact]
    public void LocksTheAccountAfterRepeatedFailuresEvenForTheRightPassword()
    {
        for (var i = 0; i < StaffStore.MaxFailedLogins - 1; i++) Assert.IsType<LoginResult.Refused>(staff.Login("lan", "sai-" + i));
        Assert.IsType<LoginResult.Locked>(staff.Login("lan", "sai-cuoi"));
        Assert.IsType<LoginResult.Locked>(staff.Login("lan", "mat-khau-cua-lan"));

        clock.Advance(StaffStore.Lockout + TimeSpan.FromSeconds(1));
        Assert.IsType<LoginResult.Ok>(staff.Login("lan", "mat-khau-cua-lan"));
    }

    [Fact]
    public void TokensIdentifyTheirAccountUntilRevokedOrDisabled()
    {
        var token = staff.IssueToken("lan")!;
        Assert.Equal("lan", staff.FindByToken(token)!.Username);
        Assert.DoesNotContain(staff.Find("lan")!.Tokens, t => t.Hash.Contains(token));
        Assert.Null(staff.FindByToken(token[..^2] + "xx"));

        staff.Disable("lan");
        Assert.Null(staff.FindByToken(token));
        Assert.IsType<LoginResult.Refused>(staff.Login("lan", "mat-khau-cua-lan"));
    }
}
