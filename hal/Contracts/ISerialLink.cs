namespace OpenIdds.Hal
{
    /// <summary>A byte link to the programmer (UART, USB CDC, or the simulator's pseudo-terminal). Never blocks.</summary>
    public interface ISerialLink
    {
        /// <summary>Copies up to <paramref name="count"/> received bytes; returns how many (0 if none waiting).</summary>
        int Read(byte[] buffer, int offset, int count);

        void Write(byte[] buffer, int offset, int count);
    }
}
