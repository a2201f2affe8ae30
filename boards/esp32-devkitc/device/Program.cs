namespace OpenIdds.Boards.Esp32DevKitC
{
    /// <summary>The device's entry point: wire the DevKitC as fitted (DevKitCOptions), then the shared main (BoardMain).</summary>
    public static class Program
    {
        public static void Main()
        {
            BoardMain.Run(Esp32DevKitCBoard.Wire(DevKitCOptions.Create()));
        }
    }
}
