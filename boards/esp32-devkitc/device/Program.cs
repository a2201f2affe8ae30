namespace OpenIdds.Boards.Esp32DevKitC
{
    /// <summary>The device's entry point: wire the DevKitC, then the shared main (BoardMain).</summary>
    public static class Program
    {
        public static void Main()
        {
            Esp32DevKitCBoard board = new Esp32DevKitCBoard();
            BoardMain.Run(board.Hardware, board.Annunciator, board.Watchdog);
        }
    }
}
