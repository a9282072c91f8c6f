namespace ReformBot.Core.Knowledge.Index;

/// <summary>
/// Lucene field names. Each entry is one document: title fields hold its variants (FAQ questions, or the procedure's
/// name and keywords), body fields its answer or the procedure's details, weighted lower.
/// </summary>
internal static class Fields
{
    public const string Accented = "acc";
    public const string Folded = "fold";
    public const string FoldedBigrams = "fold2";
    public const string Body = "body";
    public const string BodyBigrams = "body2";
}
