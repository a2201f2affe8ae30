using System.Globalization;
using System.Text;

namespace OpenIdds.Bench.Balance;

/// <summary>
/// What came on the line, as printable text for a console or a CSV note: quoted, with a backslash
/// escape for every control character, quote, backslash and byte outside printable ASCII - a wrong baud
/// rate produces exactly those, and they are the clue to it.
/// </summary>
public static class ReceivedText
{
    public static string Quote(string raw)
    {
        var text = new StringBuilder("'");
        foreach (char c in raw)
        {
            switch (c)
            {
                case '\\': text.Append("\\\\"); break;
                case '\'': text.Append("\\'"); break;
                case '\r': text.Append("\\r"); break;
                case '\n': text.Append("\\n"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < ' ' || c > '~') text.Append(c <= '\u00ff' ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}") : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"));
                    else text.Append(c);
                    break;
            }
        }
        return text.Append('\'').ToString();
    }
}
