namespace OpenIdds.Hal
{
    /// <summary>
    /// Restarts the device if the control loop stops kicking it. nanoFramework has no managed hardware
    /// watchdog, so boards implement it as a supervisor thread that puts outputs safe and reboots.
    /// </summary>
    public interface IWatchdog
    {
        /// <summary>Starts supervision: a kick must come within <paramref name="timeoutMilliseconds"/>.</summary>
        void Arm(int timeoutMilliseconds);

        void Kick();
    }
}
