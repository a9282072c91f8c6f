using Microsoft.Extensions.Options;
using ReformBot.Host;

try
{
    BotApp.Build(args).Run();
    return 0;
}
catch (Exception e) when (e is OptionsValidationException or StartupException)
{
    Console.Error.WriteLine($"ReformBot cannot start: {e.Message}");
    return 1;
}
