using OpenIdds.Hal;

namespace OpenIdds.Tests.Unit.Fakes
{
    /// <summary>A level sensor that measures whatever the test sets.</summary>
    public sealed class FakeLevelSensor : IReservoirLevelSensor
    {
        public long Nanoliters { get; set; }

        /// <summary>What the sensor answers (Ok unless the test breaks it).</summary>
        public SensorStatus Status { get; set; }

        public SensorStatus Read(out long nanoliters) { nanoliters = Nanoliters; return Status; }
    }
}
