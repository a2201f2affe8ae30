using System.Text;

namespace OpenIdds.Bench.Balance;

/// <summary>Splits a byte stream into CR LF (or LF) terminated lines, keeping a partial line until its end arrives.</summary>
public sealed class LineFraming
{
    private readonly StringBuilder _partial = new();

    /// <summary>True while part of a line has arrived and its end has not.</summary>
    public bool HasPartialLine => _partial.Length > 0;

    public IEnumerable<string> Push(byte[] buffer, int count)
    {
        var lines = new List<string>();
        for (int i = 0; i < count; i++)
        {
            char c = (char)buffer[i];
            if (c == '\n')
            {
                lines.Add(_partial.ToString().TrimEnd('\r'));
                _partial.Clear();
            }
            else _partial.Append(c);
        }
        return lines;
    }

    /// <summary>
    /// Forgets a partial line. After a reconnect the rest of it will never come, and its head glued to the
    /// next reply would make one unreadable line (or, worse, a readable wrong one).
    /// </summary>
    public void Reset() => _partial.Clear();
}
