namespace OpenIdds.Programmer.Cli;

/// <summary>The iddsctl command line (placeholder while the commands are written).</summary>
public static class IddsCtl
{
    public static int Run(string[] args, TextWriter output, TextReader input) => 0;
}
