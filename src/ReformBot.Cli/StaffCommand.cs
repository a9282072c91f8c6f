using System.CommandLine;
using ReformBot.Core.Storage;

namespace ReformBot.Cli;

/// <summary>
/// <c>reformbot staff add|list|disable|token</c>: staff accounts in data/staff.db (ReformBot:DataPath), usable while the
/// host runs (that file is opened in LiteDB's shared mode by both).
/// </summary>
internal static class StaffCommand
{
    public static Command Create()
    {
        var username = new Argument<string>("username") { Description = "Login name of the staff member" };
        var role = new Option<StaffRole>("--role") { Description = "staff or admin", DefaultValueFactory = _ => StaffRole.Staff };
        var add = new Command("add", "Add an account; the password is asked on the terminal, or read from the first line of standard input") { username, role };
        add.SetAction(parse =>
        {
            var name = parse.GetValue(username)!.Trim();
            if (name.Length is < 2 or > 64 || name.Any(char.IsWhiteSpace)) return Output.Fail("The username must be 2–64 characters without spaces.");
            var password = CliOptions.ReadSecret("Password: ");
            if (password.Length < 10) return Output.Fail("The password must have at least 10 characters.");
            using var file = new StaffDatabase(CliOptions.DataPath());
            var staff = new StaffStore(file, TimeProvider.System);
            if (!staff.Add(name, parse.GetValue(role), password)) return Output.Fail($"{name} already exists.");
            Console.WriteLine($"Added {name} ({parse.GetValue(role).ToString().ToLowerInvariant()}).");
            return 0;
        });

        var list = new Command("list", "List the accounts");
        list.SetAction(_ =>
        {
            using var file = new StaffDatabase(CliOptions.DataPath());
            var staff = new StaffStore(file, TimeProvider.System);
            foreach (var a in staff.List())
                Console.WriteLine($"{a.Username,-20} {a.Role.ToString().ToLowerInvariant(),-6} {(a.Disabled ? "disabled" : "active"),-9} tokens: {a.Tokens.Count(t => !t.Revoked)}");
            return 0;
        });

        var disableName = new Argument<string>("username") { Description = "Account to disable" };
        var disable = new Command("disable", "Disable an account and revoke its API tokens") { disableName };
        disable.SetAction(parse =>
        {
            using var file = new StaffDatabase(CliOptions.DataPath());
            var staff = new StaffStore(file, TimeProvider.System);
            var name = parse.GetValue(disableName)!;
            if (!staff.Disable(name)) return Output.Fail($"No account {name}.");
            Console.WriteLine($"Disabled {name}; its API tokens are revoked.");
            return 0;
        });

        var tokenName = new Argument<string>("username") { Description = "Account the token acts as" };
        var token = new Command("token", "Print a new API token for /api/staff (the last line of the output)") { tokenName };
        token.SetAction(parse =>
        {
            using var file = new StaffDatabase(CliOptions.DataPath());
            var staff = new StaffStore(file, TimeProvider.System);
            var name = parse.GetValue(tokenName)!;
            string? issued;
            try { issued = staff.IssueToken(name); }
            catch (InvalidOperationException e) { return Output.Fail(e.Message); }
            if (issued is null) return Output.Fail($"No account {name}.");
            Console.WriteLine($"New API token for {name}; send it as 'Authorization: Bearer <token>'. It is shown only once:");
            Console.WriteLine(issued);
            return 0;
        });

        var revokeName = new Argument<string>("username") { Description = "Account whose API tokens to revoke" };
        var revoke = new Command("revoke", "Revoke every API token of an account") { revokeName };
        revoke.SetAction(parse =>
        {
            using var file = new StaffDatabase(CliOptions.DataPath());
            var staff = new StaffStore(file, TimeProvider.System);
            var name = parse.GetValue(revokeName)!;
            if (!staff.RevokeTokens(name)) return Output.Fail($"No account {name}.");
            Console.WriteLine($"Revoked the API tokens of {name}.");
            return 0;
        });

        return new Command("staff", "Staff accounts for the console and the API") { add, list, disable, token, revoke };
    }
}
