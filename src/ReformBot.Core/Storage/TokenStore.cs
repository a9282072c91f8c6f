namespace ReformBot.Core.Storage;

/// <summary>Platform credentials that rotate (Zalo's single-use refresh token), kept so a restart does not lose them.</summary>
public sealed class TokenStore(BotDatabase db)
{
    public StoredToken? Find(string id) => db.Tokens.FindById(id);

    public void Save(StoredToken token) => db.Tokens.Upsert(token);
}
