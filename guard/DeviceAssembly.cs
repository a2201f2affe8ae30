using Microsoft.CodeAnalysis;

namespace OpenIdds.Guard;

/// <summary>One device assembly as the guard built it: its image, its errors, and its size in the metadata processor's tables.</summary>
public sealed class DeviceAssembly
{
    public DeviceAssembly(DeviceProject project, string board, IReadOnlyList<string> symbols, byte[] image, IReadOnlyList<Diagnostic> errors)
    {
        Project = project;
        Board = board;
        Symbols = symbols;
        Image = image;
        Errors = errors;
        Size = errors.Count == 0 ? TableSize.Of(image) : new TableSize(0, 0);
    }

    public DeviceProject Project { get; }
    public string Board { get; }
    public IReadOnlyList<string> Symbols { get; }
    public byte[] Image { get; }
    public IReadOnlyList<Diagnostic> Errors { get; }
    public TableSize Size { get; }
    public string Name => Project.AssemblyName;

    /// <summary>The errors, one per line, each with its file and line, as a build prints them.</summary>
    public string ErrorText => string.Join(Environment.NewLine, Errors.Select(e => e.ToString()));
}
