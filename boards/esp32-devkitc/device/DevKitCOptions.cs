using OpenIdds.Hal.Drivers;

namespace OpenIdds.Boards.Esp32DevKitC
{
    /// <summary>
    /// What this DevKitC rig has fitted - edit here to match the bench (README.md, "What is fitted").
    /// As shipped: the minimal bench kit, a DevKitC, a DRV8825 and a pump head, nothing else,
    /// powered from USB. It passes its power-on self-test as it is.
    /// </summary>
    public static class DevKitCOptions
    {
        /// <summary>
        /// DEVICE-ID-FROM-LABEL: the ESP32 offers no unique chip id through nanoFramework's managed API (the
        /// MAC address would need the networking assembly), so the rig's id is this prefix and the first
        /// 12 hex digits of its label key, read from the factory secret at start-up.
        /// </summary>
        public const string DeviceIdPrefix = "OPENIDDS-DEVKITC-";

        /// <summary>True once a pressure sensor is wired to GPIO34 through the 2:3 divider.</summary>
        public const bool PressureSensorFitted = false;

        /// <summary>True once a cell is wired to GPIO35 through the 1:2 divider; false reports USB's nominal 5 V.</summary>
        public const bool BatteryDividerFitted = false;

        /// <summary>True while the motor-supply divider (BOM) is fitted: a lost motor supply stops the pump (MOTOR-SUPPLY-WATCHED).</summary>
        public const bool MotorSupplySenseFitted = true;

        /// <summary>The stepper chip fitted: StepperChip.Tmc2209 for a TMC2209 wired as the README's table for it (1/8 step, DIAG).</summary>
        public static readonly StepperChip Stepper = StepperChip.Drv8825;

        /// <summary>
        /// BATTERY-TWO-POINT-CAL, with BatteryDividerFitted: the cell millivolts the board reported and a
        /// multimeter read at two cell voltages, e.g. new CellVoltageLine(2738, 3000, 3939, 4200)
        /// (docs/flashing.md, "Measure the battery line"); an ESP32 reads a 3.6 V cell as about 3.3 V on the nominal line.
        /// </summary>
        public static readonly CellVoltageLine BatteryLine = new CellVoltageLine();

        public static BoardOptions Create()
        {
            BoardOptions options = new BoardOptions();
            options.DeviceIdPrefix = DeviceIdPrefix;
            options.Stepper = Stepper;
            options.MotorSupplySenseFitted = MotorSupplySenseFitted;
            options.PressureSensorFitted = PressureSensorFitted;
            options.BatteryDividerFitted = BatteryDividerFitted;
            options.BatteryLine = BatteryLine;
            return options;
        }
    }
}
