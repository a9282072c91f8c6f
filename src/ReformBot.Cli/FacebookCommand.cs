using System.CommandLine;
using Microsoft.Extensions.Configuration;
using ReformBot.Host.Channels.Facebook;

namespace ReformBot.Cli;

/// <summary><c>reformbot facebook setup-profile</c>: Get Started, greeting and persistent menu for the page.</summary>
internal static class FacebookCommand
{
    public static Command Create()
    {
        var setup = new Command("setup-profile", "Set the page's Get Started button, greeting and menu (ReformBot:Facebook settings)");
        setup.SetAction(async (_, ct) =>
        {
            var options = CliOptions.Configuration().GetSection(FacebookOptions.Section).Get<FacebookOptions>() ?? new();
            if (options.Missing().ToList() is { Count: > 0 } missing)
            {
                Console.Error.WriteLine("Missing setting(s): " + string.Join(", ", missing));
                return 1;
            }
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            try
            {
                Console.WriteLine(await MessengerProfile.SetUpAsync(http, options, ct));
                Console.WriteLine($"Menu: {string.Join(" | ", MessengerProfile.Menu)}");
                return 0;
            }
            catch (HttpRequestException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return new Command("facebook", "Messenger page set-up") { setup };
    }
}
