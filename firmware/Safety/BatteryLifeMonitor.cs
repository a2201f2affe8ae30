using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// BATTERY-ERI-BEFORE-EOS. Implanted: from the charge drawn and the programmed therapy's daily
    /// consumption, the elective replacement indicator (ERI) comes when 90 days plus the end-of-service
    /// reserve are left, and end of service (EOS) when only the reserve is left - so, while the charge
    /// drawn decides and the therapy stays as programmed, there are at least 90 days between them
    /// (SynchroMed's rule). The charge drawn is the board's gauge where it has one, else the firmware's
    /// own count (BATTERY-CHARGE-COUNTED, see <see cref="SafetySupervisor"/>); where the count decides,
    /// the cell's voltage may overrule it (below 3.3 V is ERI, below 3.1 V end of service: the count is
    /// a model, the voltage is the cell). Then the 90 days do not hold: a failing cell read below 3.1 V
    /// before it was read below 3.3 V sets ERI and EOS in the same update (the supervisor then shows
    /// end of service alone, with no 90 days' warning). The external trial pump has
    /// replaceable cells, so for it only the voltage decides: low below 3.3 V, end below 3.1 V.
    /// THRESHOLD-HYSTERESIS: each condition is raised once at its threshold and clears only past a band
    /// beyond it - <see cref="HysteresisMillivolts"/> above a voltage threshold, <see cref="HysteresisDays"/>
    /// more days left (a therapy reprogrammed lower) - so a cell voltage that sags under load and
    /// recovers, or a rate that changes by a step, does not raise and clear the same alarm again and again.
    /// </summary>
    public sealed class BatteryLifeMonitor
    {
        public const int DaysBetweenEriAndEos = 90;

        /// <summary>
        /// ERI-MARGIN: ERI comes this many days earlier than the 90 days need, so whole-day rounding, the
        /// update period and a cell drawing a little more than the model still leave 90 days to EOS
        /// (with the daily charge rounded up, <see cref="SafetySupervisor.DailyChargeMicroampereHours"/>).
        /// </summary>
        public const int EriMarginDays = 2;

        /// <summary>Charge kept for the end of service itself: 10 days of therapy and alarms.</summary>
        public const int EndOfServiceReserveDays = 10;

        public const int LowMillivolts = 3300;
        public const int EndMillivolts = 3100;

        /// <summary>A voltage condition clears only this far above its threshold.</summary>
        public const int HysteresisMillivolts = 50;

        /// <summary>A days-left condition clears only with this many more days left than its threshold.</summary>
        public const int HysteresisDays = 5;

        private readonly IBatteryMonitor _battery;
        private readonly long _capacityMicroampereHours;
        private long _counted = -1;

        public BatteryLifeMonitor(IBatteryMonitor battery, long capacityMicroampereHours)
        {
            _battery = battery;
            _capacityMicroampereHours = capacityMicroampereHours;
        }

        public bool ElectiveReplacement { get; private set; }
        public bool EndOfService { get; private set; }
        public bool Low { get; private set; }

        /// <summary>Charge drawn since the cell was new, uAh: the gauge's, else the firmware's count, else -1.</summary>
        public long ConsumedMicroampereHours
        {
            get
            {
                long gauge = _battery.ConsumedMicroampereHours;
                return gauge >= 0 ? gauge : _counted;
            }
        }

        /// <summary>True where the charge drawn is the firmware's count, not a gauge.</summary>
        public bool Counting { get { return _battery.ConsumedMicroampereHours < 0 && _counted >= 0; } }

        /// <summary>Days left at <paramref name="dailyMicroampereHours"/>; -1 where the charge drawn is not known.</summary>
        public long DaysLeft(long dailyMicroampereHours)
        {
            long consumed = ConsumedMicroampereHours;
            if (consumed < 0 || dailyMicroampereHours <= 0) return -1;
            long remaining = _capacityMicroampereHours - consumed;
            return remaining <= 0 ? 0 : remaining / dailyMicroampereHours;
        }

        /// <summary>Re-evaluates with the programmed therapy's daily consumption (steps/day x charge/step + quiescent).</summary>
        public void Update(long dailyMicroampereHours)
        {
            Update(dailyMicroampereHours, -1);
        }

        /// <summary>
        /// Re-evaluates; <paramref name="countedMicroampereHours"/> is the firmware's count of the charge
        /// drawn (-1 for none: the external pump, whose cells are changed), used where the board has no gauge.
        /// </summary>
        public void Update(long dailyMicroampereHours, long countedMicroampereHours)
        {
            _counted = countedMicroampereHours;
            long days = DaysLeft(dailyMicroampereHours);
            int millivolts;
            bool voltageOk = _battery.Read(out millivolts) == SensorStatus.Ok;
            bool voltageEnd = voltageOk && millivolts < Band(EndOfService, EndMillivolts, HysteresisMillivolts);
            bool voltageLow = voltageOk && millivolts < Band(Low || ElectiveReplacement, LowMillivolts, HysteresisMillivolts);
            if (days >= 0)
            {
                // The count is a model, so where it decides, the cell's voltage may overrule it: past the
                // knee (below 3.3 V) is ERI, below 3.1 V end of service, whichever comes first.
                bool counted = Counting;
                EndOfService = days <= Band(EndOfService, EndOfServiceReserveDays, HysteresisDays) || (counted && voltageEnd);
                ElectiveReplacement = days <= Band(ElectiveReplacement, EndOfServiceReserveDays + DaysBetweenEriAndEos + EriMarginDays, HysteresisDays) || (counted && voltageLow);
            }
            else
            {
                EndOfService = voltageEnd;
                ElectiveReplacement = false;
            }
            Low = !voltageOk || voltageLow;
        }

        /// <summary>THRESHOLD-HYSTERESIS: the threshold to compare with - moved out by the band while the condition holds.</summary>
        private static long Band(bool holding, long threshold, long band) { return holding ? threshold + band : threshold; }
    }
}
