using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit.Therapy
{
    /// <summary>
    /// BRIDGE-AT-OLD-RATE: after a concentration change the old drug in the 150 uL line is pushed out at
    /// the old rate; the new prescription starts when the new drug reaches the catheter tip. These
    /// tests run the real DosingScheduler over the therapy's profile and follow every 250 nL motor
    /// step through a plug-flow model of the line, so "reaches the tip" is what the pump physically does.
    /// </summary>
    [TestClass]
    public class BridgeBolusTests
    {
        private const long StepNanoliters = 250;

        /// <summary>
        /// Morphine 20 mg/mL at 20 uL/h (9.6 mg/day); after 1 h the reservoir is refilled with 10 mg/mL,
        /// so the same dose needs 40 uL/h. Returns the therapy at the refill and the scheduler bound to it.
        /// </summary>
        private static InfusionTherapy Diluted(out Milliseconds refillAt, out DosingScheduler scheduler, out long stepsBefore, out RefillResult refill)
        {
            Drug strong = TherapyFixture.Morphine(20000);
            Milliseconds start;
            InfusionTherapy therapy = TherapyFixture.Running(Prescription.Continuous(strong, NanolitersPerHour.FromMicrolitersPerHour(20), null), out start);
            scheduler = new DosingScheduler(therapy.Profile, Calibration.FromNanolitersPerStep(StepNanoliters), start, Milliseconds.FromSeconds(2));
            refillAt = start + Milliseconds.FromHours(1);
            int missed;
            while (scheduler.NextStepDue <= refillAt) scheduler.Advance(scheduler.NextStepDue, out missed);
            scheduler.Advance(refillAt, out missed);
            stepsBefore = scheduler.StepsDue;

            RefillSession session = therapy.BeginRefill(refillAt);
            refill = session.Complete(session.Expected, Nanoliters.FromMilliliters(20), TherapyFixture.Morphine(10000), PumpConfiguration.DefaultLowReservoir, true, refillAt);
            Assert.IsTrue(refill.Report.Accepted, refill.Report.ToString());
            scheduler.ChangeProfile(therapy.Profile, refillAt);
            return therapy;
        }

        [TestMethod]
        public void A_concentration_change_at_refill_starts_a_bridge_with_a_computed_tip_arrival()
        {
            Milliseconds refillAt;
            DosingScheduler scheduler;
            long stepsBefore;
            RefillResult refill;
            InfusionTherapy therapy = Diluted(out refillAt, out scheduler, out stepsBefore, out refill);
            Assert.IsTrue(refill.ConcentrationChanged);
            // 150 uL at the old 20 uL/h = 7.5 h.
            Assert.AreEqual((refillAt + Milliseconds.FromMinutes(450)).Value, therapy.TipArrival.Value);
            Assert.AreEqual(therapy.TipArrival.Value, refill.TipArrival.Value);
            Assert.AreEqual(40000L, therapy.Prescription.Rate.Value);
            Milliseconds next;
            Assert.AreEqual(20000L, therapy.Profile.RateAt(refillAt + Milliseconds.FromHours(7), out next).Value);
            Assert.AreEqual(40000L, therapy.Profile.RateAt(therapy.TipArrival, out next).Value);
        }

        [TestMethod]
        public void The_new_drug_reaches_the_tip_at_the_computed_time_and_no_new_drug_dose_exceeds_its_limits()
        {
            Milliseconds refillAt;
            DosingScheduler scheduler;
            long stepsBefore;
            RefillResult refill;
            InfusionTherapy therapy = Diluted(out refillAt, out scheduler, out stepsBefore, out refill);
            Milliseconds computed = therapy.TipArrival;
            long ledgerAtRefill = therapy.Ledger.Total.Value;
            long lineSteps = TherapyFixture.Tubing.Value / StepNanoliters + TherapyFixture.Catheter.Value / StepNanoliters;

            // Follow each step: the first `lineSteps` steps after the refill push old drug out of the tip.
            long arrival = -1;
            long stepsAfter = 0;
            long[] hourlyNewDrugMicrograms = new long[30];
            long[] hourlyTipMicrogramsX1000 = new long[30];
            Milliseconds horizon = refillAt + Milliseconds.FromHours(30);
            int missed;
            while (scheduler.NextStepDue < horizon)
            {
                Milliseconds t = scheduler.NextStepDue;
                int steps = scheduler.Advance(t, out missed);
                for (int s = 0; s < steps; s++)
                {
                    stepsAfter++;
                    bool newAtTip = stepsAfter > lineSteps;
                    if (stepsAfter == lineSteps) arrival = t.Value;
                    int hour = (int)((t - refillAt).Value / Milliseconds.PerHour);
                    long concentration = newAtTip ? 10000 : 20000;
                    // 250 nL x conc ug/mL = conc / 4000 ug; kept x1000 to stay exact.
                    hourlyTipMicrogramsX1000[hour] += StepNanoliters * concentration / 1000;
                    if (newAtTip) hourlyNewDrugMicrograms[hour] += StepNanoliters * concentration / 1000;
                    Assert.IsTrue(!newAtTip || t >= computed, "new drug at the tip at " + t.ToString() + " before the computed " + computed.ToString());
                }
            }
            Assert.AreEqual(computed.Value, arrival, "the line was flushed at the computed time");
            // Old drug: 20 uL/h x 20 mg/mL = 400 ug/h; new drug: 40 uL/h x 10 mg/mL = 400 ug/h. No hour
            // at the tip exceeds 400 ug plus one 5 ug step (an hour of discrete steps can hold one step
            // more than the ideal; a naive switch to 40 uL/h would push 800 ug/h of the old drug).
            for (int h = 0; h < 30; h++)
            {
                Assert.IsTrue(hourlyTipMicrogramsX1000[h] <= 405000, "hour " + h.ToString() + ": " + hourlyTipMicrogramsX1000[h].ToString() + " ng at the tip");
                Assert.IsTrue(h < 7 ? hourlyNewDrugMicrograms[h] == 0 : true, "new drug before the tip arrival in hour " + h.ToString());
            }
            // The new drug's day stays within its limits: 9.6 mg/day <= 15 mg/day hard.
            Assert.IsTrue(therapy.Prescription.DailyDose <= therapy.Plan.Limits!.DailyDoseHard);
            // The ledger counted the tip's drug: the 24 h after the refill hold 9.6 mg, not 4.8 or 19.2.
            therapy.Tick(refillAt + Milliseconds.FromDays(1));
            Assert.AreEqual(9600000L, therapy.Ledger.Total.Value - ledgerAtRefill);
        }

        [TestMethod]
        public void No_bolus_and_no_other_drug_while_the_bridge_runs()
        {
            Milliseconds refillAt;
            DosingScheduler scheduler;
            long stepsBefore;
            RefillResult refill;
            InfusionTherapy therapy = Diluted(out refillAt, out scheduler, out stepsBefore, out refill);
            CheckReport bolus = therapy.RequestClinicianBolus(new Micrograms(100), Milliseconds.FromMinutes(30), true, refillAt + Milliseconds.FromHours(1));
            Assert.AreEqual((int)TherapyError.BridgeInProgress, (int)bolus.FirstRefusal);
            Expect.Mentions(bolus.MessageOf(TherapyError.BridgeInProgress), new string[] { "morphine 10000 ug/mL", "arrives at", "no bolus until then" });
            Assert.IsTrue(therapy.RequestClinicianBolus(new Micrograms(100), Milliseconds.FromMinutes(30), true, therapy.TipArrival).Accepted);
        }

        [TestMethod]
        public void A_bridge_interrupted_by_a_stop_resumes_with_the_remaining_old_volume()
        {
            Milliseconds refillAt;
            DosingScheduler scheduler;
            long stepsBefore;
            RefillResult refill;
            InfusionTherapy therapy = Diluted(out refillAt, out scheduler, out stepsBefore, out refill);
            Prescription diluted = therapy.Prescription;
            // 3 h of the 7.5 h bridge pushed 60 uL; 90 uL of old drug is still in the line.
            Milliseconds stopAt = refillAt + Milliseconds.FromHours(3);
            Assert.IsTrue(therapy.Program(Prescription.Stopped(diluted.Drug), false, stopAt).Accepted);
            Assert.IsTrue(therapy.Flushing);
            Milliseconds restart = stopAt + Milliseconds.FromHours(1);
            Assert.IsTrue(therapy.Program(diluted, false, restart).Accepted);
            Assert.AreEqual((restart + Milliseconds.FromMinutes(270)).Value, therapy.TipArrival.Value);
        }

        [TestMethod]
        public void A_clinician_bolus_on_a_stopped_pump_refilled_to_another_concentration_is_refused_until_the_new_drug_is_programmed()
        {
            // Morphine 1 mg/mL, stopped, refilled with 20 mg/mL: the prescription still says 1 mg/mL. A
            // 1 mg clinician bolus at 1 mg/mL would move 1 mL - the 150 uL line of 1 mg/mL and then
            // 850 uL of 20 mg/mL: 17.15 mg at the tip, not 1 mg. It must wait for the new drug to be
            // programmed, whose bridge flushes the line first.
            Drug weak = TherapyFixture.Morphine(1000);
            Drug strong = TherapyFixture.Morphine(20000);
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(Prescription.Continuous(weak, NanolitersPerHour.FromMicrolitersPerHour(200), null), out now);
            Assert.IsTrue(therapy.Program(Prescription.Stopped(weak), true, now).Accepted);
            RefillSession session = therapy.BeginRefill(now);
            Assert.IsTrue(session.Complete(session.Expected, Nanoliters.FromMilliliters(20), strong, PumpConfiguration.DefaultLowReservoir, true, now).Report.Accepted);

            CheckReport refused = therapy.RequestClinicianBolus(new Micrograms(1000), Milliseconds.FromHours(1), true, now);
            Assert.AreEqual((int)TherapyError.NoDrugProgrammed, (int)refused.FirstRefusal);
            Expect.Mentions(refused.MessageOf(TherapyError.NoDrugProgrammed), new string[] { "clinician bolus", "drug morphine 1000 ug/mL", "reservoir morphine 20000 ug/mL", "limit" });
            Assert.AreEqual(0, therapy.Plan.Profile.ActiveCount);

            // Programmed with the reservoir's drug: the bridge pushes the line at the old rate, then the bolus may run.
            Assert.IsTrue(therapy.Program(Prescription.Continuous(strong, NanolitersPerHour.FromMicrolitersPerHour(10), null), true, now).Accepted);
            Assert.IsTrue(therapy.Flushing);
            Milliseconds arrival = therapy.TipArrival;
            Assert.AreEqual((now + Milliseconds.FromMinutes(45)).Value, arrival.Value, "150 uL at the old 200 uL/h");
            therapy.Tick(arrival);
            Assert.IsTrue(therapy.RequestClinicianBolus(new Micrograms(1000), Milliseconds.FromHours(1), true, arrival).Accepted);
        }
    
        [TestMethod]
        public void A_refill_with_another_drug_stops_the_running_therapy_and_programming_the_new_drug_bridges_the_old_one_out()
        {
            // Morphine 10 mg/mL at 20 uL/h, refilled with baclofen 500 ug/mL: no morphine dose converts to a
            // baclofen one, so the refill stops the therapy (R5) and the clinician programs the new drug.
            Drug morphine = TherapyFixture.Morphine(10000);
            Drug baclofen = new Drug(DrugLibrary.Baclofen, new MicrogramsPerMilliliter(500));
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(Prescription.Continuous(morphine, NanolitersPerHour.FromMicrolitersPerHour(20), null), out now);
            RefillSession session = therapy.BeginRefill(now);
            RefillResult refill = session.Complete(session.Expected, Nanoliters.FromMilliliters(20), baclofen, PumpConfiguration.DefaultLowReservoir, true, now);
            Assert.IsTrue(refill.Report.Accepted, refill.Report.ToString());
            Assert.IsTrue(refill.ConcentrationChanged);
            Assert.AreEqual(DeliveryMode.Stopped, therapy.Prescription.Mode, "the morphine prescription does not run on baclofen");
            Assert.AreEqual(DrugLibrary.Baclofen, therapy.Prescription.Drug.Name);

            // Baclofen 40 uL/h (480 ug/day, inside its limits): the line's 150 uL of morphine goes first, at
            // morphine's old 20 uL/h, so the morphine dose goes on unchanged until baclofen reaches the tip.
            Assert.IsTrue(therapy.Program(Prescription.Continuous(baclofen, NanolitersPerHour.FromMicrolitersPerHour(40), null), true, now).Accepted);
            Assert.IsTrue(therapy.Flushing);
            Assert.AreEqual((now + Milliseconds.FromMinutes(450)).Value, therapy.TipArrival.Value, "150 uL at the old 20 uL/h = 7.5 h");
            Milliseconds next;
            Assert.AreEqual(20000L, therapy.Profile.RateAt(now + Milliseconds.FromHours(7), out next).Value);
            Assert.AreEqual(40000L, therapy.Profile.RateAt(therapy.TipArrival, out next).Value);
        }

        /// <summary>
        /// Morphine 20 mg/mL at 18.125 uL/h (362.5 ug/h), stopped a day with the line full, then refilled
        /// with 1 mg/mL and programmed, at <paramref name="hourOfDay"/>, as a flex day of 14.87 mg: night
        /// 280.625, day 841.875, evening 561.25 uL/h. The 150 uL bridge keeps 362.5 ug/h for 8.28 h.
        /// </summary>
        private static CheckReport BridgeIntoFlexAt(int hourOfDay)
        {
            Drug strong = TherapyFixture.Morphine(20000);
            Drug weak = TherapyFixture.Morphine(1000);
            InfusionTherapy therapy = TherapyFixture.Filled(TherapyFixture.Implant(), strong);
            Assert.IsTrue(therapy.Program(Prescription.Continuous(strong, new NanolitersPerHour(18125), null), true, Milliseconds.Zero).Accepted);
            Milliseconds stop = Milliseconds.FromHours(hourOfDay);
            Assert.IsTrue(therapy.Program(Prescription.Stopped(strong), true, stop).Accepted);
            Milliseconds now = stop + Milliseconds.FromDays(1);
            RefillSession session = therapy.BeginRefill(now);
            Assert.IsTrue(session.Complete(session.Expected, Nanoliters.FromMilliliters(20), weak, PumpConfiguration.DefaultLowReservoir, true, now).Report.Accepted);
            Prescription flex = Prescription.Flex(weak,
                new Milliseconds[] { Milliseconds.Zero, Milliseconds.FromHours(7), Milliseconds.FromHours(19) },
                new NanolitersPerHour[] { new NanolitersPerHour(280625), new NanolitersPerHour(841875), new NanolitersPerHour(561250) }, null);
            return therapy.Program(flex, true, now);
        }

        [TestMethod]
        public void A_bridge_whose_old_drug_outweighs_the_new_night_is_refused_when_a_later_window_breaks_the_daily_limit()
        {
            // Started at 21:00 the bridge ends at 05:17: a 24 h window from 21:00 holds 14.70 mg, but the
            // one from 02:00 holds 3.3 h of the old drug at 362.5 ug/h where the new night gives only
            // 280.6 ug/h - 15.3 mg. A forecast that bounds every future window by one new day misses it.
            CheckReport report = BridgeIntoFlexAt(21);
            Assert.IsTrue(report.Has(TherapyError.RollingDailyDoseWouldExceedLimit), report.ToString());
            Expect.Mentions(report.MessageOf(TherapyError.RollingDailyDoseWouldExceedLimit), new string[] { "rolling 24 h dose", "hard daily limit 15000.000 ug" });
            // Started at 08:00 the bridge lies in the new day's 841.9 ug/h hours: no window holds more than one new day.
            CheckReport accepted = BridgeIntoFlexAt(8);
            Assert.IsTrue(accepted.Accepted, accepted.ToString());
        }
    }
}
