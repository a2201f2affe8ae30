using OpenIdds.Firmware.Therapy;
using OpenIdds.Hal.Drivers;

namespace OpenIdds.Boards
{
    /// <summary>
    /// What a rig has fitted, stated by the board folder that wires it (e.g. <c>DevKitCOptions</c>),
    /// so that the pump checks exactly what is there: a minimal bench rig (board, driver, pump head)
    /// passes its power-on self-test, and a fully fitted one is held to every sensor it has.
    /// <see cref="BoardSetup"/> turns these into the firmware's <c>PumpSetup</c>.
    /// </summary>
    public sealed class BoardOptions
    {
        /// <summary>
        /// The rig's identity: shown by <c>iddsctl status</c> and the seed of its development keys
        /// (<c>iddsctl keys dev --device ID</c>). Two rigs with one id share keys, so give each its own.
        /// </summary>
        public string DeviceId = "OPENIDDS-BENCH-0001";

        /// <summary>
        /// DEVICE-ID-FROM-LABEL: on a board with no unique chip id the managed API can read (the ESP32),
        /// the id is this prefix and the first <see cref="FactorySecret.IdHexDigits"/> hex digits of the
        /// label key, set when the factory secret is applied; null keeps <see cref="DeviceId"/>.
        /// </summary>
        public string? DeviceIdPrefix;

        /// <summary>
        /// Trial by default: a rig on a bench is an external pump with a visible reservoir on external
        /// power, which is the trial pump's situation (rate range 1 uL/h .. 30 mL/h, voltage battery rules).
        /// </summary>
        public PumpStage Stage = PumpStage.Trial;

        /// <summary>
        /// The 32-byte X25519 agreement secret the factory writes into the board's protected storage,
        /// whose public key is printed on the label (docs/protocol.md, key provisioning). Null: key
        /// provisioning is refused.
        /// </summary>
        public byte[]? AgreementSecret;

        /// <summary>X25519(AgreementSecret, 9) as the factory wrote it beside the secret (<see cref="FactorySecret"/>): checked at the first provisioning.</summary>
        public byte[]? LabelKey;

        /// <summary>DEV-KEYS-NO-THERAPY: the explicit development setting: therapy may run on development keys (status shows it). A BENCH build sets it too.</summary>
        public bool DevelopmentSetting;

        /// <summary>
        /// True: a 0.5-4.5 V pressure sensor is wired to the pressure ADC pin; the self-test requires a
        /// plausible reading and occlusion is detected by pressure. False: the sensor reports NotFitted,
        /// the self-test does not ask for it, and nothing detects an occlusion but the drug left behind
        /// (a peristaltic head does not stall against a blocked line).
        /// </summary>
        public bool PressureSensorFitted;

        /// <summary>
        /// True: the supply is read through the divider on the battery ADC pin and the battery rules run
        /// on it (low below 3.3 V, end of service below 3.1 V). False: nothing is wired there, so the
        /// board reports <see cref="NominalSupplyMillivolts"/> (<see cref="NominalSupply"/>) and no
        /// battery alarm can fire - right for a rig on USB or bench power, wrong for one on a cell.
        /// </summary>
        public bool BatteryDividerFitted;

        /// <summary>
        /// BATTERY-TWO-POINT-CAL: the line the cell is read on where <see cref="BatteryDividerFitted"/>: the
        /// ADC's nominal line until the board's options file gives its two bench points (an ESP32 needs them).
        /// </summary>
        public CellVoltageLine BatteryLine = new CellVoltageLine();

        /// <summary>
        /// True: the motor supply is read through its divider (the board README's pin map) and a lost
        /// supply stops the pump as a motor fault (MOTOR-SUPPLY-WATCHED); the divider is part of the BOM.
        /// False only for a rig without it: a lost motor supply then goes unseen while the pump counts on.
        /// </summary>
        public bool MotorSupplySenseFitted = true;

        /// <summary>
        /// The conversion the board's pressure driver uses: the datasheet's line until the firmware sets
        /// the board's own two-point calibration from its journal (PRESSURE-TWO-POINT-CAL, set on the bench
        /// by `iddsctl pressure-calibrate`, docs/flashing.md).
        /// </summary>
        public RatiometricPressure PressureConversion()
        {
            return new RatiometricPressure();
        }

        /// <summary>What an unmeasured supply is reported as: USB's 5 V.</summary>
        public int NominalSupplyMillivolts = 5000;

        /// <summary>
        /// The stepper chip fitted, wired as the board README's table for it says: its microstepping
        /// sets the uncalibrated step volume (a TMC2209 runs at 1/8 step, a DRV8825 at 1/2), its fault
        /// line's polarity, and the STEP and DIR timing the driver keeps.
        /// </summary>
        public StepperChip Stepper = StepperChip.Drv8825;

        /// <summary>The pump head's volume per revolution until the bench measures it: 0.1 mL.</summary>
        public long HeadPicolitersPerRevolution = 100000000;

        /// <summary>
        /// Volume per motor step until the bench calibrates it (<c>iddsctl calibrate</c>); 0 works it out
        /// from the head and the chip's microstepping: 250 nL on a DRV8825 at 1/2 step, 62.5 nL on a
        /// TMC2209 at 1/8. A driver left at another setting moves another volume per step - the board
        /// READMEs' microstep warning. STEP-VOLUME-IS-CALIBRATED: no step-counting check can see a wrong
        /// step volume, so it is measured on the balance before use.
        /// </summary>
        public long PicolitersPerStep;

        /// <summary>What the pump is set up with: <see cref="PicolitersPerStep"/> when given, else the head over the chip's steps.</summary>
        public long UncalibratedPicolitersPerStep
        {
            get { return PicolitersPerStep > 0 ? PicolitersPerStep : Stepper.PicolitersPerStep(HeadPicolitersPerRevolution); }
        }
    }
}
