using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// BATTERY-ERI-BEFORE-EOS. Implanted: from the charge gauge and the programmed therapy's daily
    /// consumption, the elective replacement indicator (ERI) comes when 90 days plus the end-of-service
    /// reserve are left, and end of service (EOS) when only the reserve is left - so there are always at
    /// least 90 days between them at the programmed therapy (SynchroMed's rule). Without a gauge, and
    /// for the external trial pump, the terminal voltage decides: low below 3.3 V, end below 3.1 V.
    /// </summary>
    public sealed class BatteryLifeMonitor
    {
        public const int DaysBetweenEriAndEos = 90;

        /// <summary>Charge kept for the end of service itself: 10 days of therapy and alarms.</summary>
        public const int EndOfServiceReserveDays = 10;

        public const int LowMillivolts = 3300;
        public const int EndMillivolts = 3100;

        private readonly IBatteryMonitor _battery;
        private readonly long _capacityMicroampereHours;

        public BatteryLifeMonitor(IBatteryMonitor battery, long capacityMicroampereHours)
        {
            _battery = battery;
            _capacityMicroampereHours = capacityMicroampereHours;
        }

        public bool ElectiveReplacement { get; private set; }
        public bool EndOfService { get; private set; }
        public bool Low { get; private set; }

        /// <summary>Days left at <paramref name="dailyMicroampereHours"/>; -1 where the board has no gauge.</summary>
        public long DaysLeft(long dailyMicroampereHours)
        {
            long consumed = _battery.ConsumedMicroampereHours;
            if (consumed < 0 || dailyMicroampereHours <= 0) return -1;
            long remaining = _capacityMicroampereHours - consumed;
            return remaining <= 0 ? 0 : remaining / dailyMicroampereHours;
        }

        /// <summary>Re-evaluates with the programmed therapy's daily consumption (steps/day x charge/step + quiescent).</summary>
        public void Update(long dailyMicroampereHours)
        {
            long days = DaysLeft(dailyMicroampereHours);
            int millivolts;
            bool voltageOk = _battery.Read(out millivolts) == SensorStatus.Ok;
            if (days >= 0)
            {
                EndOfService = days <= EndOfServiceReserveDays;
                ElectiveReplacement = days <= EndOfServiceReserveDays + DaysBetweenEriAndEos;
            }
            else
            {
                EndOfService = voltageOk && millivolts < EndMillivolts;
                ElectiveReplacement = false;
            }
            Low = voltageOk && millivolts < LowMillivolts;
            if (!voltageOk) Low = true;
        }
    }
}
