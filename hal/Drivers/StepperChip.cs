namespace OpenIdds.Hal.Drivers
{
    /// <summary>
    /// A step/direction chip as the board READMEs wire it: the microstepping its mode pins give, its fault
    /// line's polarity, and the STEP and DIR timing its datasheet asks for (STEP-TIMING-MET). The figures:
    /// - DRV8825 (TI SLVSA73F, 7.6 Timing Requirements): STEP high and low at least 1.9 us, DIR setup
    ///   650 ns, VM 8.2-45 V; M0 high, M1 and M2 low is 1/2 step (its inputs are pulled down: open is full step).
    /// - TMC2209 (Trinamic/ADI datasheet rev 1.09, STEP/DIR timing): STEP high and low at least 100 ns,
    ///   DIR setup 20 ns, VM 4.75-29 V; MS1 and MS2 low (their internal pull-downs) is 1/8 step, and 1/2 step cannot be
    ///   set on its pins (MS2/MS1: 00 = 1/8, 01 = 1/32, 10 = 1/64, 11 = 1/16). DIAG is active high.
    /// </summary>
    public sealed class StepperChip
    {
        /// <summary>A NEMA 17 motor as the BOMs list it.</summary>
        public const int FullStepsPerRevolution = 200;

        public static readonly StepperChip Drv8825 = new StepperChip("DRV8825", 2, false, 1900, 1900, 650, 8200);
        public static readonly StepperChip Tmc2209 = new StepperChip("TMC2209", 8, true, 100, 100, 20, 4750);

        private StepperChip(string name, int microsteps, bool faultActiveHigh, int stepHighNanoseconds, int stepLowNanoseconds, int directionSetupNanoseconds, int minimumSupplyMillivolts)
        {
            MinimumSupplyMillivolts = minimumSupplyMillivolts;
            Name = name;
            MicrostepsPerFullStep = microsteps;
            FaultActiveHigh = faultActiveHigh;
            StepHighNanoseconds = stepHighNanoseconds;
            StepLowNanoseconds = stepLowNanoseconds;
            DirectionSetupNanoseconds = directionSetupNanoseconds;
        }

        public string Name { get; private set; }

        /// <summary>Microsteps per full step with the mode pins wired as the README says.</summary>
        public int MicrostepsPerFullStep { get; private set; }

        /// <summary>True for TMC2209 DIAG (high on a driver error), false for DRV8825 nFAULT (low).</summary>
        public bool FaultActiveHigh { get; private set; }

        public int StepHighNanoseconds { get; private set; }
        public int StepLowNanoseconds { get; private set; }
        public int DirectionSetupNanoseconds { get; private set; }

        /// <summary>The lowest motor supply the chip runs on (DRV8825 VM 8.2 V, TMC2209 VM 4.75 V); below it the chip resets or stops.</summary>
        public int MinimumSupplyMillivolts { get; private set; }

        /// <summary>The uncalibrated volume of one step: the head's volume per revolution over the steps in a revolution.</summary>
        public long PicolitersPerStep(long headPicolitersPerRevolution)
        {
            return headPicolitersPerRevolution / (FullStepsPerRevolution * MicrostepsPerFullStep);
        }
    }
}
