using OpenIdds.Hal;

namespace OpenIdds.Tests.Unit.Fakes
{
    /// <summary>A whole pump's worth of fakes, and the PumpHardware that wires them.</summary>
    public sealed class FakeBoard
    {
        public readonly FakeMonotonicClock Clock = new FakeMonotonicClock();
        public readonly FakeMotor Motor = new FakeMotor();
        public readonly FakePressureSensor Pressure = new FakePressureSensor();
        public readonly FakeBattery Battery = new FakeBattery();
        public readonly FakeAnnunciator Annunciator = new FakeAnnunciator();
        public readonly FakeButton Button = new FakeButton();
        public readonly FakeStore Store = new FakeStore();
        public readonly FakeWatchdog Watchdog = new FakeWatchdog();
        public readonly FakeLink Link = new FakeLink();
        public readonly PumpHardware Hardware;

        public FakeBoard()
        {
            Hardware = new PumpHardware(Clock, Motor, Pressure, null, Battery, Annunciator, Button, Store, Watchdog, Link);
        }
    }
}
