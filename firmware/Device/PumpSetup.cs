using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// What a board tells the firmware about itself before the pump starts: its identity, the therapy
    /// stage it serves, its configuration and drug library, the sensors it has, why it reset, and
    /// where in its flash the journal, the event log, the diary and the keys live. Every default is a
    /// configurable engineering default (docs/persistence.md has the flash layout and its budget).
    /// </summary>
    public sealed class PumpSetup
    {
        /// <summary>Printed on the device and used to derive its development keys (docs/protocol.md).</summary>
        public string DeviceId = "OPENIDDS-0001";

        public PumpStage Stage = PumpStage.Implanted;

        /// <summary>The trial pump's configuration (cassette, line, rate range); one object per pump - its clinician-set fields change.</summary>
        public PumpConfiguration TrialConfiguration = PumpConfiguration.Trial(Nanoliters.FromMilliliters(100), Nanoliters.FromMicroliters(120), Nanoliters.FromMicroliters(30));

        /// <summary>The implanted pump's configuration (reservoir, catheter, rate range).</summary>
        public PumpConfiguration ImplantedConfiguration = PumpConfiguration.Implanted(Nanoliters.FromMilliliters(20), Nanoliters.FromMicroliters(120), Nanoliters.FromMicroliters(30));

        public DrugLibrary Library = DrugLibrary.CreateDefault();

        /// <summary>Until the bench calibrates it: a 0.1 mL/rev head on a 200-step motor at 1/2 micro-stepping, 250 nL per step.</summary>
        public Calibration Calibration = new Calibration(250000);

        /// <summary>
        /// A downstream pressure sensor is wired on this board. The supervisor uses it only where the
        /// stage also declares one (<see cref="SupervisorSettingsFor"/>): the stage says what the pump is,
        /// the board what it has.
        /// </summary>
        public bool HasPressureSensor = true;

        public long BatteryMicroampereHours = 2000000;

        public ResetCause ResetCause = ResetCause.PowerOn;

        /// <summary>
        /// The 32-byte X25519 agreement secret written at manufacture; its public key is printed on the
        /// label (KEY-AGREEMENT-NOT-WRAP, docs/protocol.md). Null: the device refuses key provisioning.
        /// </summary>
        public byte[]? AgreementSecret;

        /// <summary>
        /// The label key stored beside the factory secret, or null: the first provisioning checks it is
        /// X25519(AgreementSecret, 9), so the key a board shows is the key it agrees with (FACTORY-SECRET-REQUIRED).
        /// </summary>
        public byte[]? LabelKey;

        /// <summary>
        /// DEV-KEYS-NO-THERAPY: false on a board build that is neither BENCH nor run with the explicit
        /// development setting; then programming a therapy is refused while the clinician key is the
        /// development key (anyone who knows the device id can compute it). Status shows it.
        /// True in the simulator and tests, which run on development keys by design.
        /// </summary>
        public bool DevelopmentKeysMayDeliver = true;

        /// <summary>
        /// STORE-LOSS-IS-A-FAULT: where the board records that the device was commissioned, outside the
        /// store. Null only where no store outlives the process (unit tests, a scenario run): there a blank
        /// store is always a new pump. A board always sets it.
        /// </summary>
        public Hal.ICommissioningRecord? Commissioning;

        /// <summary>How far ahead each intent record vouches for steps (INTENT-BEFORE-STEP): the most a power cut can count but not give.</summary>
        public Milliseconds IntentWindow = Milliseconds.FromMinutes(10);

        /// <summary>INTENT-BOUNDED: the most steps one intent record vouches for ahead (8 steps = 2 uL at 250 nL per step), whatever the rate.</summary>
        public int IntentStepLimit = 8;

        // The flash layout, in pages of the board's store (4 KiB on ESP32 and STM32F7 boards).
        public int JournalFirstPage = 0;
        public int JournalPages = 32;
        public int EventFirstPage = 32;
        public int EventPages = 8;
        public int DiaryFirstPage = 40;
        public int DiaryPages = 3;
        public int KeyFirstPage = 43;
        public int KeyPages = 2;

        /// <summary>Pages the layout needs: a store must have at least this many.</summary>
        public int PagesNeeded
        {
            get
            {
                int end = JournalFirstPage + JournalPages;
                if (EventFirstPage + EventPages > end) end = EventFirstPage + EventPages;
                if (DiaryFirstPage + DiaryPages > end) end = DiaryFirstPage + DiaryPages;
                if (KeyFirstPage + KeyPages > end) end = KeyFirstPage + KeyPages;
                return end;
            }
        }

        public PumpConfiguration ConfigurationFor(PumpStage stage)
        {
            return stage == PumpStage.Trial ? TrialConfiguration : ImplantedConfiguration;
        }

        /// <summary>The safety supervisor's view of a stage: battery rules, sensors, thresholds.</summary>
        public SupervisorSettings SupervisorSettingsFor(PumpStage stage)
        {
            SupervisorSettings settings = new SupervisorSettings();
            settings.Implanted = stage == PumpStage.Implanted;
            settings.HasPressureSensor = HasPressureSensor && (ConfigurationFor(stage).Sensors & SensorSet.DownstreamPressure) != 0;
            settings.BatteryMicroampereHours = BatteryMicroampereHours;
            settings.LowReservoir = ConfigurationFor(stage).LowReservoirThreshold;
            return settings;
        }
    }
}
