using OpenIdds.Hal;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>What the power-on self-test found wrong (flags; None = passed).</summary>
    [System.Flags]
    public enum SelfTestFailure
    {
        None = 0,
        Storage = 1,
        ClockNotProgressing = 2,
        PressureSensor = 4,
        Battery = 8,
        Annunciator = 16,
    }

    /// <summary>
    /// POWER-ON-SELF-TEST: before the motor may move after any reset, the stored records pass their CRC
    /// (the persistence layer answers), the clock moves between two ticks, the sensors give plausible
    /// readings, and the annunciator is driven once (tone and light on, then off). A board whose
    /// annunciator can read its outputs back (<see cref="IAnnunciatorReadback"/>) fails the test on a
    /// dead buzzer or light; one without sense lines cannot, and the drive is then only for a person to
    /// hear and see. It takes two ticks: the clock check needs time to pass.
    /// </summary>
    public sealed class PowerOnSelfTest
    {
        private long _firstTick = -1;

        public SelfTestFailure Failures { get; private set; }

        public bool Done { get; private set; }

        /// <summary>Runs one step of the test; returns true when it has finished (see <see cref="Failures"/>).</summary>
        public bool Step(PumpHardware hardware, bool storageValid, bool expectPressureSensor)
        {
            long now = hardware.Clock.ElapsedMilliseconds;
            if (_firstTick < 0)
            {
                _firstTick = now;
                if (!storageValid) Failures |= SelfTestFailure.Storage;
                int pascals;
                SensorStatus pressure = hardware.Pressure.Read(out pascals);
                if (expectPressureSensor && (pressure != SensorStatus.Ok || pascals < PressureSensorMonitor.MinimumPascals || pascals > PressureSensorMonitor.MaximumPascals))
                {
                    Failures |= SelfTestFailure.PressureSensor;
                }
                int millivolts;
                if (hardware.Battery.Read(out millivolts) != SensorStatus.Ok || millivolts < BatteryLifeMonitor.EndMillivolts) Failures |= SelfTestFailure.Battery;
                hardware.Annunciator.Annunciate(AlarmPriority.Low, true);
                IAnnunciatorReadback? readback = hardware.Annunciator as IAnnunciatorReadback;
                if (readback != null && !readback.OutputsWork()) Failures |= SelfTestFailure.Annunciator;
                return false;
            }
            hardware.Annunciator.Annunciate(AlarmPriority.None, false);
            if (now <= _firstTick) Failures |= SelfTestFailure.ClockNotProgressing;
            Done = true;
            return true;
        }
    }
}
