namespace OpenIdds.Hal.Drivers
{
    /// <summary>
    /// MOTOR-SUPPLY-WATCHED: the motor driver as the firmware sees it once the board measures the motor
    /// supply. A supply missing for <see cref="AbsentReadingsToFault"/> readings in a row is a driver
    /// fault (<see cref="Stalled"/>), so STALL-STOPS disables the motor and raises motor-stall in the
    /// same tick: the driver's own fault line says nothing when its supply goes (DRV8825 nFAULT is
    /// over-current and over-temperature only). Consecutive readings, so one noisy sample is not a stop.
    /// </summary>
    public sealed class SupplyCheckedMotor : IMotorDriver
    {
        public const int AbsentReadingsToFault = 3;

        private readonly IMotorDriver _driver;
        private readonly IMotorSupplyMonitor _supply;
        private int _absent;

        public SupplyCheckedMotor(IMotorDriver driver, IMotorSupplyMonitor supply)
        {
            _driver = driver;
            _supply = supply;
        }

        public bool Enabled { get { return _driver.Enabled; } }
        public void Enable() { _driver.Enable(); }
        public void Disable() { _driver.Disable(); }
        public MotorDirection Direction { get { return _driver.Direction; } }
        public void SetDirection(MotorDirection direction) { _driver.SetDirection(direction); }
        public void Step() { _driver.Step(); }
        public long CompletedSteps { get { return _driver.CompletedSteps; } }
        public bool CanDetectStall { get { return true; } }

        /// <summary>True while the supply has been missing for the last readings, or the driver reports a fault.</summary>
        public bool SupplyLost
        {
            get
            {
                if (_supply.Present) _absent = 0;
                else if (_absent < AbsentReadingsToFault) _absent++;
                return _absent >= AbsentReadingsToFault;
            }
        }

        public bool Stalled { get { return SupplyLost || _driver.Stalled; } }
    }
}
