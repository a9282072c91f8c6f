using System.Reflection;
using Microsoft.Extensions.Configuration;
using ReformBot.Core.Answering;
using ReformBot.Core.Escalation;
using ReformBot.Core.Knowledge.Index;
using ReformBot.Host;
using ReformBot.Host.Channels;
using ReformBot.Host.Channels.Facebook;
using ReformBot.Host.Channels.Zalo;
using ReformBot.Host.Delivery;

namespace ReformBot.Tests.Host;

public sealed class SampleSettingsTests
{
    private static readonly IConfiguration Sample = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(SamplePack.RepoRoot, "appsettings.sample.json"))
        .Build();

    public static TheoryData<Type, string> Sections => new()
    {
        { typeof(BotOptions), BotOptions.Section },
        { typeof(FacebookOptions), FacebookOptions.Section },
        { typeof(ZaloOptions), ZaloOptions.Section },
        { typeof(DeliveryOptions), DeliveryOptions.Section },
        { typeof(EscalationOptions), EscalationOptions.Section },
        { typeof(AnswererOptions), AnswererOptions.Section },
        { typeof(RankingOptions), RankingOptions.Section },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void DocumentsEverySettingWithItsDefault(Type options, string section)
    {
        var defaults = Activator.CreateInstance(options)!;
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = $"{section}:{property.Name}";
            if (property.PropertyType != typeof(string) && property.PropertyType.IsAssignableTo(typeof(System.Collections.IEnumerable)))
            {
                var items = ((System.Collections.IEnumerable)property.GetValue(defaults)!).Cast<object>().Select(x => x.ToString()).ToList();
                var listed = Sample.GetSection(key).GetChildren().Select(c => c.Value).ToList();
                Assert.True(Sample.GetSection(key).Exists() || items.Count == 0, $"appsettings.sample.json lacks {key}");
                Assert.Equal(items, listed);
                continue;
            }
            var documented = Sample[key];
            Assert.True(documented is not null, $"appsettings.sample.json lacks {key}");
            var expected = Convert.ToString(property.GetValue(defaults), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            Assert.True(Same(documented!, expected), $"{key}: sample says '{documented}', default is '{expected}'");
        }
    }

    private static bool Same(string documented, string expected) =>
        documented == expected
        || double.TryParse(documented, System.Globalization.CultureInfo.InvariantCulture, out var a)
           && double.TryParse(expected, System.Globalization.CultureInfo.InvariantCulture, out var b) && Math.Abs(a - b) < 1e-6
        || bool.TryParse(documented, out var x) && bool.TryParse(expected, out var y) && x == y;
}
