using nanoFramework.Hardware.Stm32;
using OpenIdds.Hal.Drivers;

namespace OpenIdds.Boards.NucleoF746ZG
{
    /// <summary>
    /// What this NUCLEO-F746ZG rig has fitted - edit here to match the bench (README.md, "What is
    /// fitted"). As shipped: board, DRV8825 and pump head only, powered from the ST-LINK USB cable.
    /// The device id comes from the chip's 96-bit unique id, so no two rigs share development keys.
    /// </summary>
    public static class NucleoOptions
    {
        /// <summary>True once a pressure sensor is wired to A0 (PA3) through the 2:3 divider.</summary>
        public const bool PressureSensorFitted = false;

        /// <summary>True once a cell is wired to A1 (PC0) through the 1:2 divider; false reports USB's nominal 5 V.</summary>
        public const bool BatteryDividerFitted = false;

        /// <summary>True while the motor-supply divider (BOM) is fitted: a lost motor supply stops the pump (MOTOR-SUPPLY-WATCHED).</summary>
        public const bool MotorSupplySenseFitted = true;

        /// <summary>The stepper chip fitted: StepperChip.Tmc2209 for a TMC2209 wired as the README's table for it (1/8 step, DIAG).</summary>
        public static readonly StepperChip Stepper = StepperChip.Drv8825;

        /// <summary>
        /// BATTERY-TWO-POINT-CAL, with BatteryDividerFitted: the cell millivolts the board reported and a
        /// multimeter read at two cell voltages, e.g. new CellVoltageLine(2738, 3000, 3939, 4200)
        /// (docs/flashing.md, "Measure the battery line"); the nominal line is right within the divider's tolerance.
        /// </summary>
        public static readonly CellVoltageLine BatteryLine = new CellVoltageLine();

        public static BoardOptions Create()
        {
            BoardOptions options = new BoardOptions();
            options.DeviceId = DeviceIdFrom(Utilities.UniqueDeviceId);
            options.Stepper = Stepper;
            options.MotorSupplySenseFitted = MotorSupplySenseFitted;
            options.PressureSensorFitted = PressureSensorFitted;
            options.BatteryDividerFitted = BatteryDividerFitted;
            options.BatteryLine = BatteryLine;
            return options;
        }

        /// <summary>"NUCLEO-" and the 12 bytes of the STM32 unique id in hex, as `iddsctl status` will show it.</summary>
        public static string DeviceIdFrom(byte[] uniqueId)
        {
            string id = "NUCLEO-";
            for (int i = 0; i < uniqueId.Length; i++) id += uniqueId[i].ToString("X2");
            return id;
        }
    }
}
