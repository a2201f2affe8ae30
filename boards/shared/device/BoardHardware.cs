using System.Device.Gpio;
using OpenIdds.Hal;
using OpenIdds.Hal.Drivers;
using OpenIdds.Hal.Storage;

namespace OpenIdds.Boards
{
    /// <summary>
    /// Everything one nanoFramework board has wired, as its board class leaves it for
    /// <see cref="BoardMain"/>: the drivers, what is fitted, the spare pin of the loopback self-test.
    /// The store is opened last (<see cref="Build"/>), sized for the pump's flash layout, so a layout
    /// that grows can never overrun a file sized by hand.
    /// </summary>
    public sealed class BoardHardware
    {
        public BoardOptions Options = new BoardOptions();
        public GpioController Gpio = null!;
        public TickClock Clock = null!;
        public StepDirDriver Motor = null!;
        public IndicatorLeds Leds = null!;
        public PatternAnnunciator Annunciator = null!;
        public IPressureSensor Pressure = null!;
        public IBatteryMonitor Battery = null!;

        /// <summary>The motor supply's monitor, or null where the rig has no divider (BoardOptions.MotorSupplySenseFitted).</summary>
        public IMotorSupplyMonitor? MotorSupply;
        public IPatientButton Button = null!;
        public ISerialLink Link = null!;
        public RestartMarker Marker = null!;
        public SupervisorWatchdog Watchdog = null!;

        /// <summary>The independent motor cut's trigger output (MOTOR-CUT-HEARTBEAT).</summary>
        public int MotorCutTriggerPin = -1;

        /// <summary>The spare input the loopback self-test counts STEP pulses on (SELFTEST build).</summary>
        public int LoopbackInputPin = -1;

        /// <summary>The pump's hardware, with the journal's file on I:\ holding <paramref name="storePages"/> pages.</summary>
        public PumpHardware Build(int storePages)
        {
            FileFlash store = new FileFlash(BoardMain.StorePath, BoardSetup.StorePageSize, storePages);
            IMotorDriver motor = MotorSupply != null ? new SupplyCheckedMotor(Motor, MotorSupply) : (IMotorDriver)Motor;
            return new PumpHardware(Clock, motor, Pressure, null, Battery, Annunciator, Button, store, Watchdog, Link);
        }
    }
}
