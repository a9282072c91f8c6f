using System.Globalization;
using System.Text;
using System.Xml;

namespace ReformBot.Core.Reports;

/// <summary>The words and number formats the console page and the XLSX and DOCX files share.</summary>
public static class ReportText
{
    public const string Title = "Báo cáo kết quả hoạt động hỗ trợ, giải đáp TTHC qua Zalo OA, Fanpage";

    /// <summary>The ticket scores 1 to 5, as citizens chose them.</summary>
    public static readonly string[] ScoreNames = ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"];

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Channel(string channel) => channel switch
    {
        "facebook" => "Fanpage (Messenger)",
        "zalo" => "Zalo OA",
        "webchat" => "Trang trò chuyện",
        _ => channel,
    };

    /// <summary>A share as a percentage with one decimal, for a spreadsheet cell; null stays null.</summary>
    public static double? PercentValue(double? share) => share is { } s ? Math.Round(s * 100, 1) : null;

    public static double? HoursValue(double? hours) => hours is { } h ? Math.Round(h, 2) : null;

    /// <summary>"75,5%", or "—" when there is nothing to count.</summary>
    public static string Percent(double? share) => PercentValue(share) is { } p ? p.ToString("0.#", Vietnamese) + "%" : "—";

    /// <summary>"2,5" (working hours), or "—".</summary>
    public static string Hours(double? hours) => hours is { } h ? h.ToString("0.#", Vietnamese) : "—";

    /// <summary>"4,2", or "—".</summary>
    public static string Score(double? mean) => mean is { } m ? m.ToString("0.0", Vietnamese) : "—";

    /// <summary>
    /// The text without the characters XML cannot hold (control characters, lone surrogates), which a citizen's message
    /// may carry and which would stop the XLSX or DOCX from being written.
    /// </summary>
    public static string XmlSafe(string text)
    {
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) safe.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) safe.Append(text, i++, 2);
        }
        return safe.ToString();
    }
}
