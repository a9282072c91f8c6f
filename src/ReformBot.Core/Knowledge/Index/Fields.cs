namespace ReformBot.Core.Knowledge.Index;

/// <summary>
/// Lucene field names. Each entry is indexed as one small document per title variant (FAQ question, procedure name,
/// keyword) and one body document (answer, or the procedure's details), so a question matched against a single
/// variant is not diluted by the others.
/// </summary>
internal static class Fields
{
    public const string Id = "id";
    public const string Accented = "acc";
    public const string Folded = "fold";
    public const string FoldedBigrams = "fold2";
    public const string Body = "body";
    public const string BodyBigrams = "body2";
    public const string Variant = "variant";
}
