namespace OpenIdds.Hal
{
    /// <summary>
    /// Milliseconds since the last reset, 64-bit, never going backwards. All dosing time comes from
    /// here (nanoFramework: Environment.TickCount64; the simulator: virtual time). A 32-bit tick
    /// source must be widened by the board so that it never wraps (49.7 days at 1 kHz).
    /// DETERMINISTIC-CORE: firmware and hal take time only from here and never sleep, so a run is
    /// repeatable bit for bit and a passed test says something about the pump.
    /// </summary>
    public interface IMonotonicClock
    {
        long ElapsedMilliseconds { get; }
    }
}
