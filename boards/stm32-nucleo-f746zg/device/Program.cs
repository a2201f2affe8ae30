namespace OpenIdds.Boards.NucleoF746ZG
{
    /// <summary>The device's entry point: wire the Nucleo as fitted (NucleoOptions), then the shared main (BoardMain).</summary>
    public static class Program
    {
        public static void Main()
        {
            BoardMain.Run(NucleoF746ZGBoard.Wire(NucleoOptions.Create()));
        }
    }
}
