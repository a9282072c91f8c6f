using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReformBot.Core.Answering;
using ReformBot.Core.Conversations;
using ReformBot.Core.Escalation;
using ReformBot.Core.Knowledge;
using ReformBot.Core.Knowledge.Index;
using ReformBot.Core.Storage;
using ReformBot.Host.Staff;

namespace ReformBot.Host;

/// <summary>A setting or file the host cannot start with; the message names it.</summary>
public sealed class StartupException(string message) : Exception(message);

internal static class BotCoreExtensions
{
    /// <summary>Options, the knowledge index (a pack with problems stops the host, listing each), the database and the bot.</summary>
    public static void AddBotCore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<BotOptions>>().Value);

        services.AddSingleton(sp => new BotDatabase(Resolve(builder.Environment.ContentRootPath, sp.GetRequiredService<BotOptions>().DataPath)));
        services.AddSingleton<WriteQueue>();
        services.AddSingleton<Inbox>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<WebChatStore>();
        services.AddSingleton<TokenStore>();
        services.AddSingleton<TicketStore>();
        services.AddSingleton<TurnLog>();
        services.AddSingleton<RatingStore>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<ContactStore>();
        services.AddSingleton<AnnouncementStore>();
        services.AddSingleton(sp => new Core.Publishing.PublishingOptions(
            sp.GetRequiredService<IOptions<Channels.Zalo.ZaloOptions>>().Value is { IsOn: true, PromotionNotices: true }));
        services.AddSingleton<Core.Publishing.Announcements>();
        services.AddOptions<EscalationOptions>().BindConfiguration(EscalationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EscalationOptions>>().Value);
        services.AddSingleton<Tickets>();
        services.AddSingleton<Conversation>();
        services.AddSingleton<KnowledgeReloader>();
        services.AddHostedService(sp => sp.GetRequiredService<KnowledgeReloader>());
        services.AddSingleton(sp =>
        {
            var answering = builder.Configuration.GetSection(AnswererOptions.Section).Get<AnswererOptions>() ?? new AnswererOptions();
            var ranking = builder.Configuration.GetSection(RankingOptions.Section).Get<RankingOptions>() ?? new RankingOptions();
            var path = Resolve(builder.Environment.ContentRootPath, sp.GetRequiredService<BotOptions>().KnowledgePath);
            var loaded = OfficeCard.LoadPack(path);
            if (loaded.Pack is null)
                throw new StartupException($"The knowledge pack in {path} (ReformBot:KnowledgePath) has problems:\n" + string.Join('\n', loaded.Problems));
            var saved = sp.GetRequiredService<SavedFaqStore>().All();
            return new LiveKnowledge(
                SavedFaq.Apply(loaded.Pack, saved),
                sp.GetRequiredService<EscalationOptions>(),
                pack => KnowledgeIndex.Build(pack, SearchProfile.Vietnamese, ranking),
                index => new Bot(index, answering, new ReplyRenderer(index.Pack.Office)));
        });
    }

    /// <summary>Opens the index and the database before the first request, so a bad pack or data folder stops start-up.</summary>
    public static void OpenBotCore(this WebApplication app)
    {
        app.Services.GetRequiredService<LiveKnowledge>();
        app.Services.GetRequiredService<Conversation>();
        app.Services.GetRequiredService<BotDatabase>();
    }

    public static string Resolve(string contentRoot, string path) => Path.GetFullPath(Path.Combine(contentRoot, path));
}

internal sealed class EscalationOptionsValidator : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions o)
    {
        if (o.AnswerWithinWorkingHours <= 0) return ValidateOptionsResult.Fail($"{EscalationOptions.Section}:AnswerWithinWorkingHours must be positive.");
        if (o.NotifyUrl.Length > 0 && !Urls.IsHttp(o.NotifyUrl)) return ValidateOptionsResult.Fail($"{EscalationOptions.Section}:NotifyUrl must be an absolute http(s) URL (is '{o.NotifyUrl}').");
        if (o.NotifyEverySeconds < 1) return ValidateOptionsResult.Fail($"{EscalationOptions.Section}:NotifyEverySeconds must be at least 1.");
        try
        {
            _ = OfficeHours.For(null, o);
            return ValidateOptionsResult.Success;
        }
        catch (FormatException e)
        {
            return ValidateOptionsResult.Fail($"{EscalationOptions.Section}:WorkingHours, WorkingDays or Holidays (yyyy-MM-dd): {e.Message}");
        }
    }
}
