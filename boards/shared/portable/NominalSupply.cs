using OpenIdds.Hal;

namespace OpenIdds.Boards
{
    /// <summary>
    /// The supply of a board with no battery divider fitted (USB or bench power): its nominal voltage,
    /// reported as it is - a constant, not a measurement - so the self-test's battery check passes
    /// and the battery rules never fire. <see cref="BoardOptions.BatteryDividerFitted"/> says when to use it.
    /// </summary>
    public sealed class NominalSupply : IBatteryMonitor
    {
        private readonly int _millivolts;

        public NominalSupply(int millivolts) { _millivolts = millivolts; }

        /// <summary>No charge gauge: -1, so battery life is judged by voltage, which never falls here.</summary>
        public long ConsumedMicroampereHours { get { return -1; } }

        public SensorStatus Read(out int millivolts)
        {
            millivolts = _millivolts;
            return SensorStatus.Ok;
        }
    }
}
