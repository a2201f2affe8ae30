using System.Text;
using System.Text.RegularExpressions;

namespace OpenIdds.Guard;

/// <summary>MSBuild item globs (Include/Exclude), resolved the way MSBuild resolves them for the device projects.</summary>
public static class Glob
{
    /// <summary>Every file under <paramref name="projectDirectory"/> that one of the includes matches and no exclude does, full paths.</summary>
    public static IEnumerable<string> Files(string projectDirectory, string includes, string excludes)
    {
        Regex[] excluded = Split(excludes).Select(g => Pattern(Path.GetFullPath(Path.Combine(projectDirectory, g)))).ToArray();
        foreach (string include in Split(includes))
        {
            string full = Path.GetFullPath(Path.Combine(projectDirectory, include)).Replace('\\', '/');
            string root = LiteralPrefix(full);
            if (!Directory.Exists(root)) continue;
            Regex pattern = Pattern(full);
            foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                string normal = file.Replace('\\', '/');
                if (pattern.IsMatch(normal) && !excluded.Any(e => e.IsMatch(normal))) yield return normal;
            }
        }
    }

    private static string[] Split(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(g => g.Replace('\\', '/')).ToArray();

    /// <summary>The directories of a glob before its first wildcard: where to start looking.</summary>
    private static string LiteralPrefix(string glob)
    {
        var segments = glob.Split('/');
        int wild = Array.FindIndex(segments, s => s.Contains('*') || s.Contains('?'));
        return string.Join('/', segments.Take(wild < 0 ? segments.Length - 1 : wild));
    }

    /// <summary>MSBuild glob semantics: ** spans directories, * and ? stay within one.</summary>
    public static Regex Pattern(string glob)
    {
        glob = glob.Replace('\\', '/');
        var sb = new StringBuilder("^");
        for (int i = 0; i < glob.Length; i++)
        {
            if (string.CompareOrdinal(glob, i, "**/", 0, 3) == 0) { sb.Append("(?:[^/]+/)*"); i += 2; }
            else if (string.CompareOrdinal(glob, i, "**", 0, 2) == 0) { sb.Append(".*"); i += 1; }
            else if (glob[i] == '*') sb.Append("[^/]*");
            else if (glob[i] == '?') sb.Append("[^/]");
            else sb.Append(Regex.Escape(glob[i].ToString()));
        }
        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
