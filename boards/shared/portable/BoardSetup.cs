using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Safety;

namespace OpenIdds.Boards
{
    /// <summary>
    /// The one place a board's facts become the firmware's <see cref="PumpSetup"/>: every
    /// nanoFramework board and the Linux board call this, so they cannot disagree about what a fitted
    /// sensor or a reset cause means.
    /// </summary>
    public static class BoardSetup
    {
        /// <summary>The store's page: 4 KiB, the erase unit of ESP32 and STM32F7 internal flash, which PumpSetup's layout counts in.</summary>
        public const int StorePageSize = 4096;

        public static PumpSetup For(BoardOptions options, ResetCause resetCause)
        {
            PumpSetup setup = new PumpSetup();
            setup.DeviceId = options.DeviceId;
            setup.Stage = options.Stage;
            setup.HasPressureSensor = options.PressureSensorFitted;
            setup.Calibration = new Calibration(options.UncalibratedPicolitersPerStep);
            setup.ResetCause = resetCause;
            setup.DevelopmentKeysMayDeliver = options.DevelopmentSetting;
            setup.AgreementSecret = options.AgreementSecret;
            setup.LabelKey = options.LabelKey;
            return setup;
        }
    }
}
