using System.Security.Cryptography;
using System.Text;
using LiteDB;
using Microsoft.AspNetCore.Identity;

namespace ReformBot.Core.Storage;

public enum StaffRole { Staff, Admin }

public sealed class StaffAccount
{
    [BsonId] public string Username { get; set; } = "";
    public StaffRole Role { get; set; }
    public string PasswordHash { get; set; } = "";
    public bool Disabled { get; set; }
    public int FailedLogins { get; set; }
    public DateTime? LockedUntil { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<ApiToken> Tokens { get; set; } = [];
}

/// <summary>A per-staff API token; only its SHA-256 is stored (the token itself is shown once).</summary>
public sealed class ApiToken
{
    public string Id { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public bool Revoked { get; set; }
}

public abstract record LoginResult
{
    public sealed record Ok(StaffAccount Account) : LoginResult;
    public sealed record Locked(DateTime Until) : LoginResult;
    public sealed record Refused : LoginResult;
}

/// <summary>
/// Staff accounts and their API tokens, in <see cref="StaffDatabase"/>. Passwords are hashed with ASP.NET Core
/// Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2); repeated failures lock the account for a while.
/// </summary>
public sealed class StaffStore(StaffDatabase db, TimeProvider time)
{
    public const int MaxFailedLogins = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);
    private const string TokenPrefix = "rbt_";

    private readonly PasswordHasher<StaffAccount> hasher = new();

    private ILiteCollection<StaffAccount> Accounts => db.Accounts;

    public IReadOnlyList<StaffAccount> List() => Accounts.FindAll().OrderBy(a => a.Username).ToList();

    public StaffAccount? Find(string username) => Accounts.FindById(username);

    /// <summary>Adds an account; false when the username is taken.</summary>
    public bool Add(string username, StaffRole role, string password)
    {
        if (Find(username) is not null) return false;
        var account = new StaffAccount { Username = username, Role = role, CreatedAt = time.GetUtcNow().UtcDateTime };
        account.PasswordHash = hasher.HashPassword(account, password);
        Accounts.Insert(account);
        return true;
    }

    public bool Disable(string username) => Update(username, a =>
    {
        a.Disabled = true;
        foreach (var token in a.Tokens) token.Revoked = true;
    });

    public LoginResult Login(string username, string password)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (Find(username) is not { } account || account.Disabled)
        {
            hasher.HashPassword(new StaffAccount(), password); // same cost as a real check: no timing hint that the name is unknown
            return new LoginResult.Refused();
        }
        if (account.LockedUntil > now) return new LoginResult.Locked(account.LockedUntil.Value);

        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            account.FailedLogins++;
            if (account.FailedLogins >= MaxFailedLogins)
            {
                account.LockedUntil = now + Lockout;
                account.FailedLogins = 0;
            }
            Accounts.Update(account);
            return account.LockedUntil > now ? new LoginResult.Locked(account.LockedUntil.Value) : new LoginResult.Refused();
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) account.PasswordHash = hasher.HashPassword(account, password);
        account.FailedLogins = 0;
        account.LockedUntil = null;
        Accounts.Update(account);
        return new LoginResult.Ok(account);
    }

    /// <summary>A new API token for the account (shown once), or null if there is no such enabled account.</summary>
    public string? IssueToken(string username)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var token = $"{TokenPrefix}{id}_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";
        var issued = Update(username, a =>
        {
            if (a.Disabled) throw new InvalidOperationException($"{username} is disabled.");
            a.Tokens.Add(new ApiToken { Id = id, Hash = Hash(token), CreatedAt = time.GetUtcNow().UtcDateTime });
        });
        return issued ? token : null;
    }

    public bool RevokeTokens(string username) => Update(username, a => a.Tokens.ForEach(t => t.Revoked = true));

    /// <summary>The enabled account a bearer token belongs to, or null.</summary>
    public StaffAccount? FindByToken(string token)
    {
        var parts = token.Split('_', 3);
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || parts.Length != 3) return null;
        var hash = Convert.FromHexString(Hash(token));
        return Accounts.FindAll().FirstOrDefault(a => !a.Disabled && a.Tokens.Any(t =>
            !t.Revoked && t.Id == parts[1] && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(t.Hash), hash)));
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private bool Update(string username, Action<StaffAccount> change)
    {
        if (Find(username) is not { } account) return false;
        change(account);
        Accounts.Update(account);
        return true;
    }
}
