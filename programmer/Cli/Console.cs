using Spectre.Console;

namespace OpenIdds.Programmer.Cli;

/// <summary>
/// Where iddsctl writes and asks: a Spectre.Console console over a writer, and the answers read from
/// a reader (the terminal, or a test's script). Every question has a default that is the safe choice.
/// </summary>
public sealed class ProgrammerConsole(IAnsiConsole console, TextReader input)
{
    public IAnsiConsole Out { get; } = console;

    public static ProgrammerConsole Over(TextWriter output, TextReader input, bool color) => new(AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output),
        Ansi = color ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    }), input);

    public void Line(string markup) => Out.MarkupLine(markup);

    public void Text(string text) => Out.WriteLine(text);

    public void Error(string text) => Out.MarkupLine($"[red]error:[/] {Markup.Escape(text)}");

    /// <summary>A yes/no question; anything but y or yes (or the end of input) is no.</summary>
    public bool Confirm(string question)
    {
        Out.Markup($"{Markup.Escape(question)} [[y/N]] ");
        string? answer = input.ReadLine()?.Trim().ToLowerInvariant();
        Out.WriteLine(answer ?? "");
        return answer is "y" or "yes";
    }

    /// <summary>Asks for a value; an empty answer takes <paramref name="fallback"/> (null: the question must be answered).</summary>
    public string Ask(string question, string? fallback)
    {
        while (true)
        {
            Out.Markup(Markup.Escape(question) + (fallback != null ? $" [grey][[{Markup.Escape(fallback)}]][/]" : "") + ": ");
            string? answer = input.ReadLine();
            if (answer == null) throw new Link.LinkException($"no answer to \"{question}\" (input ended)");
            answer = answer.Trim();
            Out.WriteLine(answer);
            if (answer.Length > 0) return answer;
            if (fallback != null) return fallback;
        }
    }
}
