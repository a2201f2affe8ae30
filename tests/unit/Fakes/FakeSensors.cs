using OpenIdds.Hal;

namespace OpenIdds.Tests.Unit.Fakes
{
    /// <summary>A pressure sensor that reads whatever the test sets.</summary>
    public sealed class FakePressureSensor : IPressureSensor
    {
        private int _reads;
        public int Pascals { get; set; }
        public SensorStatus Status { get; set; }

        /// <summary>A live sensor never reads the same value for long: readings alternate by this many pascals.</summary>
        public int Jitter { get; set; }

        public SensorStatus Read(out int pascals)
        {
            _reads++;
            pascals = Pascals + ((_reads & 1) == 0 ? Jitter : 0);
            return Status;
        }
    }

    /// <summary>A battery that reads whatever the test sets.</summary>
    public sealed class FakeBattery : IBatteryMonitor
    {
        public FakeBattery() { Millivolts = 3600; ConsumedMicroampereHours = -1; }
        public int Millivolts { get; set; }
        public long ConsumedMicroampereHours { get; set; }
        public SensorStatus Read(out int millivolts) { millivolts = Millivolts; return SensorStatus.Ok; }
    }
}
