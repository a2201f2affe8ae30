using System.Text;

namespace OpenIdds.Bench.Balance;

/// <summary>Splits a byte stream into CR LF (or LF) terminated lines, keeping a partial line until its end arrives.</summary>
public sealed class LineFraming
{
    private readonly StringBuilder _partial = new();

    public IEnumerable<string> Push(byte[] buffer, int count)
    {
        for (int i = 0; i < count; i++)
        {
            char c = (char)buffer[i];
            if (c == '\n')
            {
                string line = _partial.ToString().TrimEnd('\r');
                _partial.Clear();
                yield return line;
            }
            else _partial.Append(c);
        }
    }
}
