namespace OpenIdds.Hal
{
    /// <summary>
    /// Everything the firmware may touch, as a board wires it. The firmware core sees the world only
    /// through these contracts, which is what lets the simulator run it unchanged.
    /// </summary>
    public sealed class PumpHardware
    {
        public PumpHardware(
            IMonotonicClock clock,
            IMotorDriver motor,
            IPressureSensor pressure,
            IReservoirLevelSensor? reservoirLevel,
            IBatteryMonitor battery,
            IAnnunciator annunciator,
            IPatientButton patientButton,
            INonVolatileStore store,
            IWatchdog watchdog,
            ISerialLink link)
        {
            Clock = clock;
            Motor = motor;
            Pressure = pressure;
            ReservoirLevel = reservoirLevel;
            Battery = battery;
            Annunciator = annunciator;
            PatientButton = patientButton;
            Store = store;
            Watchdog = watchdog;
            Link = link;
        }

        /// <summary>The same hardware with the motor seen through <paramref name="motor"/> (e.g. the over-infusion guard).</summary>
        public PumpHardware WithMotor(IMotorDriver motor)
        {
            return new PumpHardware(Clock, motor, Pressure, ReservoirLevel, Battery, Annunciator, PatientButton, Store, Watchdog, Link);
        }

        /// <summary>The same hardware on another clock (the firmware's pump time, which survives resets).</summary>
        public PumpHardware WithClock(IMonotonicClock clock)
        {
            return new PumpHardware(clock, Motor, Pressure, ReservoirLevel, Battery, Annunciator, PatientButton, Store, Watchdog, Link);
        }

        public IMonotonicClock Clock { get; private set; }
        public IMotorDriver Motor { get; private set; }
        public IPressureSensor Pressure { get; private set; }

        /// <summary>Null on boards without a level sensor: the reservoir is then computed only.</summary>
        public IReservoirLevelSensor? ReservoirLevel { get; private set; }
        public IBatteryMonitor Battery { get; private set; }
        public IAnnunciator Annunciator { get; private set; }
        public IPatientButton PatientButton { get; private set; }
        public INonVolatileStore Store { get; private set; }
        public IWatchdog Watchdog { get; private set; }
        public ISerialLink Link { get; private set; }
    }
}
