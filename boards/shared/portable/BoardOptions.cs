using OpenIdds.Firmware.Therapy;

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
        /// Trial by default: a rig on a bench is an external pump with a visible reservoir on external
        /// power, which is the trial pump's situation (rate range 1 uL/h .. 30 mL/h, voltage battery rules).
        /// </summary>
        public PumpStage Stage = PumpStage.Trial;

        /// <summary>DEV-KEYS-NO-THERAPY: the explicit development setting: therapy may run on development keys (status shows it). A BENCH build sets it too.</summary>
        public bool DevelopmentSetting;

        /// <summary>
        /// True: a 0.5-4.5 V pressure sensor is wired to the pressure ADC pin; the self-test requires a
        /// plausible reading and occlusion is detected by pressure. False: the sensor reports NotFitted,
        /// the self-test does not ask for it, and occlusion is left to the motor's stall line.
        /// </summary>
        public bool PressureSensorFitted;

        /// <summary>
        /// True: the supply is read through the divider on the battery ADC pin and the battery rules run
        /// on it (low below 3.3 V, end of service below 3.1 V). False: nothing is wired there, so the
        /// board reports <see cref="NominalSupplyMillivolts"/> (<see cref="NominalSupply"/>) and no
        /// battery alarm can fire - right for a rig on USB or bench power, wrong for one on a cell.
        /// </summary>
        public bool BatteryDividerFitted;

        /// <summary>What an unmeasured supply is reported as: USB's 5 V.</summary>
        public int NominalSupplyMillivolts = 5000;

        /// <summary>
        /// Volume per motor step until the bench calibrates it (<c>iddsctl calibrate</c>): a 0.1 mL/rev
        /// head on a 200-step motor at 1/2 micro-stepping is 250 nL. A driver left at full step moves
        /// twice this per step - the board READMEs' microstep warning.
        /// </summary>
        public long PicolitersPerStep = 250000;
    }
}
