using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OpenIdds.Tests.Host;

/// <summary>
/// guard/Guard.csproj read as data: its Compile globs and its DefineConstants. The guard's tests
/// compile exactly what the guard project compiles, so the two cannot drift apart.
/// </summary>
public static class GuardProject
{
    public static string Directory => Path.Combine(RepositoryPaths.Root, "guard");

    private static XDocument Project => XDocument.Load(Path.Combine(Directory, "Guard.csproj"));

    /// <summary>The preprocessor symbols the guard project defines (NANOFRAMEWORK_1_0 and the build switches).</summary>
    public static string[] DefineConstants =>
        Project.Descendants("DefineConstants").Single().Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Every file the guard project's Compile items include and do not exclude, full paths, sorted.</summary>
    public static IReadOnlyList<string> Sources()
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in Project.Descendants("Compile"))
        {
            string[] includes = Globs(item.Attribute("Include")?.Value);
            Regex[] excludes = Globs(item.Attribute("Exclude")?.Value).Select(GlobRegex).ToArray();
            foreach (string include in includes)
            {
                Regex pattern = GlobRegex(include);
                string root = Path.GetFullPath(Path.Combine(Directory, LiteralPrefix(include)));
                if (!System.IO.Directory.Exists(root)) continue;
                foreach (string file in System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
                {
                    string relative = Path.GetRelativePath(Directory, file).Replace('\\', '/');
                    if (pattern.IsMatch(relative) && !excludes.Any(e => e.IsMatch(relative))) files.Add(file);
                }
            }
        }
        return files.ToList();
    }

    private static string[] Globs(string? value) =>
        (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(g => g.Replace('\\', '/')).ToArray();

    /// <summary>The directories of a glob before its first wildcard: where to start looking.</summary>
    private static string LiteralPrefix(string glob)
    {
        var segments = glob.Split('/');
        int wild = Array.FindIndex(segments, s => s.Contains('*') || s.Contains('?'));
        return string.Join('/', segments.Take(wild < 0 ? segments.Length - 1 : wild));
    }

    /// <summary>MSBuild glob semantics: ** spans directories, * and ? stay within one.</summary>
    public static Regex GlobRegex(string glob)
    {
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
