namespace OpenIdds.Boards.NucleoF746ZG
{
    /// <summary>The device's entry point: wire the Nucleo, then the shared main (BoardMain).</summary>
    public static class Program
    {
        public static void Main()
        {
            NucleoF746ZGBoard board = new NucleoF746ZGBoard();
            BoardMain.Run(board.Hardware, board.Annunciator, board.Watchdog);
        }
    }
}
