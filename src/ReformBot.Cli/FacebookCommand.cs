using System.CommandLine;
using Microsoft.Extensions.Configuration;
using ReformBot.Core.Answering;
using ReformBot.Core.Conversations;
using ReformBot.Core.Knowledge.Index;
using ReformBot.Host.Channels.Facebook;

namespace ReformBot.Cli;

/// <summary>
/// <c>reformbot facebook setup-profile</c>: Get Started, greeting and persistent menu for the page. The greeting is the
/// start of the bot's own greeting from the knowledge pack, the one Get Started answers with.
/// </summary>
internal static class FacebookCommand
{
    public static Command Create()
    {
        var knowledge = CliOptions.Knowledge();
        var setup = new Command("setup-profile", "Set the page's Get Started button, greeting and menu (ReformBot:Facebook settings)") { knowledge };
        setup.SetAction(async (parse, ct) =>
        {
            var options = CliOptions.Configuration().GetSection(FacebookOptions.Section).Get<FacebookOptions>() ?? new();
            if (options.Missing().ToList() is { Count: > 0 } missing)
            {
                Console.Error.WriteLine("Missing setting(s): " + string.Join(", ", missing));
                return 1;
            }
            if (CliOptions.LoadPack(parse.GetValue(knowledge)!) is not { } pack) return 2;
            using var index = KnowledgeIndex.Build(pack, SearchProfile.Vietnamese, CliOptions.Ranking());
            var greeting = new Bot(index, CliOptions.Answering(), new ReplyRenderer(pack.Office)).Greeting.Text;
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            try
            {
                Console.WriteLine(await MessengerProfile.SetUpAsync(http, options, greeting, ct));
                Console.WriteLine($"Greeting: {MessengerProfile.WelcomeText(greeting)}");
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
