using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Tests.Unit.Therapy;

namespace OpenIdds.Tests.Host.Device;

/// <summary>The whole pump: therapy, supervisor and journal working as one, the way a board runs them.</summary>
[TestClass]
public class InfusionPumpTests
{
    private static List<(EventKind Kind, long A, long B)> Events(InfusionPump pump)
    {
        var list = new List<(EventKind, long, long)>();
        for (uint s = pump.Events.Oldest; s != 0 && s <= pump.Events.Newest; s++)
            if (pump.Events.Read(s, out var kind, out _, out var a, out var b)) list.Add((kind, a, b));
        return list;
    }

    [TestMethod]
    public void A_new_pump_passes_its_self_test_and_waits_stopped()
    {
        var rig = new PumpRig();
        Assert.IsFalse(rig.Pump.Recovered);
        Assert.IsTrue(rig.Pump.StorageValid);
        rig.PassSelfTest();
        Assert.AreEqual(SafetyState.Stopped, rig.Pump.Supervisor.State);
        Assert.IsFalse(rig.Motor.Enabled);
    }

    [TestMethod]
    public void Programming_primes_the_line_then_delivers_the_basal_through_the_motor()
    {
        var rig = PumpRig.Running(PumpRig.Continuous());
        long before = rig.Motor.CompletedSteps;
        rig.RunFor(Milliseconds.FromHours(10));
        // 20 uL/h over 10 h at 250 nL per step: 800 steps, within one.
        Assert.AreEqual(800, rig.Motor.CompletedSteps - before, 1);
        Assert.AreEqual(SafetyState.Running, rig.Pump.Supervisor.State);
    }

    [TestMethod]
    public void The_patient_button_grants_a_bolus_and_a_second_press_inside_the_lockout_is_refused_and_logged()
    {
        var rig = PumpRig.Running();
        rig.Board.Button.Pending = 1;
        rig.RunFor(Milliseconds.FromSeconds(1));
        Assert.AreEqual(1, rig.Pump.Therapy.PatientBolusesGranted);
        Assert.AreEqual(SafetyState.Bolus, rig.Pump.Supervisor.State);
        rig.RunFor(Milliseconds.FromMinutes(11));
        Assert.AreEqual(SafetyState.Running, rig.Pump.Supervisor.State, "the bolus ended");
        rig.Board.Button.Pending = 1;
        rig.RunFor(Milliseconds.FromSeconds(1));
        Assert.AreEqual(1, rig.Pump.Therapy.PatientBolusesRefused);
        Assert.IsTrue(Events(rig.Pump).Any(e => e.Kind == EventKind.BolusRefused && e.B == (long)TherapyError.PatientBolusInLockout), "the refusal and its reason are in the event log");
    }

    [TestMethod]
    public void A_bolus_reaches_the_motor_and_the_guard_allows_it()
    {
        var rig = PumpRig.Running();
        long before = rig.Motor.CompletedSteps;
        Assert.IsTrue(rig.Pump.RequestPatientBolus().Accepted);
        rig.RunFor(Milliseconds.FromMinutes(10));
        // 10 min of basal (13.3 steps) plus 100 ug at 10 mg/mL = 10 uL = 40 steps.
        Assert.AreEqual(53, rig.Motor.CompletedSteps - before, 1);
        Assert.IsFalse(rig.Pump.Supervisor.Guard.Tripped);
    }

    [TestMethod]
    public void After_a_power_cut_the_therapy_resumes_where_the_journal_left_it_with_nothing_lost_or_repeated()
    {
        var rig = PumpRig.Running();
        rig.RunFor(Milliseconds.FromHours(5));
        long made = rig.Motor.CompletedSteps;
        long before = rig.Pump.Now.Value;
        var pump = rig.PowerCycle();
        Assert.IsTrue(pump.Recovered);
        Assert.IsTrue(pump.StepsRecorded >= made, $"{made} steps made, {pump.StepsRecorded} recorded");
        Assert.IsTrue(pump.Now.Value >= before, "pump time does not go back");
        rig.PassSelfTest();
        Assert.AreEqual(SafetyState.Running, pump.Supervisor.State);
        Assert.AreEqual("morphine", pump.Therapy.Prescription.Drug.Name);
        Assert.AreEqual(DeliveryMode.SimpleContinuous, pump.Therapy.Prescription.Mode);
        Assert.IsTrue(Events(pump).Last(e => e.Kind != EventKind.AlarmRaised && e.Kind != EventKind.AlarmCleared).Kind is EventKind.Reset or EventKind.TherapyRestored or EventKind.HourlyDelivery or EventKind.Programmed);
        Assert.IsTrue(Events(pump).Any(e => e.Kind == EventKind.Reset), "the reset is logged");
        long recorded = pump.StepsRecorded;
        rig.RunFor(Milliseconds.FromHours(5));
        // Ten hours of 80 steps an hour in all; the records counted at most one intent window ahead at the cut.
        long total = rig.Motor.CompletedSteps;
        Assert.IsTrue(pump.StepsRecorded >= total);
        Assert.IsTrue(recorded - made <= 14, $"counted ahead {recorded - made} steps: at most one 10-minute window (13.3 steps)");
    }

    [TestMethod]
    public void The_lockout_the_24_hour_count_and_the_rolling_dose_survive_a_reset()
    {
        var rig = PumpRig.Running();
        rig.RunFor(Milliseconds.FromHours(3));
        Assert.IsTrue(rig.Pump.RequestPatientBolus().Accepted);
        rig.RunFor(Milliseconds.FromMinutes(30));
        long rolling = rig.Pump.Therapy.RollingDose.Value;
        long lastBolus = rig.Pump.Therapy.LastPatientBolus.Value;
        var pump = rig.PowerCycle();
        rig.PassSelfTest();
        Assert.AreEqual(lastBolus, pump.Therapy.LastPatientBolus.Value);
        Assert.AreEqual(1, pump.Therapy.PatientBolusesInLast24Hours(pump.Now));
        Assert.IsTrue(pump.Therapy.RollingDose.Value >= rolling, $"rolling dose {rolling} ng before, {pump.Therapy.RollingDose.Value} ng after: restored never lower");
        var refused = pump.RequestPatientBolus();
        Assert.IsTrue(refused.Has(TherapyError.PatientBolusInLockout), refused.ToString());
    }

    [TestMethod]
    public void A_power_cut_in_the_middle_of_a_patient_bolus_goes_on_to_its_original_end_not_from_its_beginning()
    {
        // A 30-minute bolus: the record written as it starts vouches for its first 10 minutes (one intent window).
        var slow = new PatientBolusSettings(new Micrograms(100), Milliseconds.FromMinutes(30), Milliseconds.FromHours(2), 4);
        var rig = PumpRig.Running(PumpRig.Continuous(bolus: slow));
        Assert.IsTrue(rig.Pump.RequestPatientBolus().Accepted);
        long end = rig.Pump.Now.Value + Milliseconds.FromMinutes(30).Value;
        long start = rig.Motor.CompletedSteps;
        rig.RunFor(Milliseconds.FromMinutes(4));
        // A glitch (brown-out): after a real power-off the bolus is abandoned instead (BolusAbandonTests).
        var pump = rig.PowerCycle(ResetCause.BrownOut);
        rig.PassSelfTest();
        Assert.AreEqual(SafetyState.Bolus, pump.Supervisor.State);
        bool found = false;
        for (int s = 0; s < OpenIdds.Firmware.Dosing.BolusOverlays.Capacity; s++)
            if (pump.Therapy.Profile.TryGet(s, out _, out var e, out _) && e.Value == end) found = true;
        Assert.IsTrue(found, "the bolus in progress keeps its end time");
        rig.RunTo(end + Milliseconds.FromMinutes(1).Value);
        Assert.AreEqual(SafetyState.Running, pump.Supervisor.State);
        // Basal for 31 min (41.3 steps) + the bolus (40 steps) at most: the 6 minutes the records
        // counted ahead are not given again, and a restart from its beginning would add 40 more.
        long given = rig.Motor.CompletedSteps - start;
        Assert.IsTrue(given <= 82, $"{given} steps for 31 minutes of basal and one bolus");
        // One 10-minute window at basal + bolus (40 uL/h) is 26.7 steps: at most that is counted but not given.
        Assert.IsTrue(given >= 82 - 27, $"{given} steps: no more than one intent window is lost to the cut");
    }

    [TestMethod]
    public void A_power_cut_during_a_refill_leaves_either_the_old_fill_or_the_new_one()
    {
        var rig = PumpRig.Running();
        rig.RunFor(Milliseconds.FromHours(2));
        long old = rig.Pump.Status().ReservoirComputed;
        Nanoliters expected = rig.Pump.BeginRefill();
        var pump = rig.PowerCycle();
        rig.PassSelfTest();
        Assert.IsFalse(pump.RefillOpen, "an interrupted refill session is gone: nothing was filled");
        Assert.AreEqual(old, pump.Status().ReservoirComputed, 3400, "within one intent window (3.3 uL at 20 uL/h) of the fill before");
        Assert.AreEqual(SafetyState.Running, pump.Supervisor.State, "the therapy went on");
        pump.BeginRefill();
        Assert.IsTrue(pump.CompleteRefill(expected, Nanoliters.FromMilliliters(18), TherapyFixture.Morphine(10_000), PumpConfiguration.DefaultLowReservoir, true).Report.Accepted);
        pump = rig.PowerCycle();
        rig.PassSelfTest();
        Assert.AreEqual(Nanoliters.FromMilliliters(18).Value, pump.Status().ReservoirComputed, 250);
    }

    [TestMethod]
    public void A_stopping_alarm_stops_the_prescription_too_and_only_a_clinician_reset_and_programming_restart_it()
    {
        var rig = PumpRig.Running();
        rig.Motor.Stalled = true;
        rig.RunFor(Milliseconds.FromMinutes(2));
        Assert.AreEqual(SafetyState.AlarmStopped, rig.Pump.Supervisor.State);
        Assert.AreEqual(DeliveryMode.Stopped, rig.Pump.Therapy.Prescription.Mode, "ALARM-STOP-STOPS-THERAPY");
        Assert.IsTrue(rig.Pump.Supervisor.Alarms.IsShown(AlarmCode.MotorStall));
        var refused = rig.Pump.Program(PumpRig.Continuous(), true);
        Assert.IsTrue(refused.Has(TherapyError.PumpNotReady), refused.ToString());
        rig.Motor.Stalled = false;
        Assert.IsTrue(rig.Pump.ClinicianReset());
        Assert.AreEqual(SafetyState.Stopped, rig.Pump.Supervisor.State);
        Assert.IsTrue(rig.Pump.Program(PumpRig.Continuous(), true).Accepted);
        Assert.AreEqual(SafetyState.Running, rig.Pump.Supervisor.State);
    }

    [TestMethod]
    public void A_latched_alarm_survives_a_power_cycle_and_keeps_the_motor_off()
    {
        var rig = PumpRig.Running();
        rig.Motor.Stalled = true;
        rig.RunFor(Milliseconds.FromMinutes(2));
        rig.Motor.Stalled = false;
        var pump = rig.PowerCycle();
        rig.PassSelfTest();
        rig.RunFor(Milliseconds.FromMinutes(5));
        Assert.IsTrue(pump.Supervisor.Alarms.IsShown(AlarmCode.MotorStall), "LATCHES-SURVIVE-RESET");
        Assert.AreEqual(SafetyState.AlarmStopped, pump.Supervisor.State);
        Assert.IsFalse(rig.Motor.Enabled);
    }

    [TestMethod]
    public void A_20_percent_refill_discrepancy_raises_its_alarm_and_a_5_percent_one_does_not()
    {
        foreach (var (percent, alarm) in new[] { (20, true), (5, false) })
        {
            var rig = PumpRig.Running();
            rig.RunFor(Milliseconds.FromHours(2));
            Nanoliters expected = rig.Pump.BeginRefill();
            var withdrawn = new Nanoliters(expected.Value * (100 - percent) / 100);
            var result = rig.Pump.CompleteRefill(withdrawn, Nanoliters.FromMilliliters(20), TherapyFixture.Morphine(10_000), PumpConfiguration.DefaultLowReservoir, true);
            Assert.AreEqual(alarm, result.DiscrepancyAlert, $"{percent} %");
            rig.RunFor(Milliseconds.FromSeconds(31));
            Assert.AreEqual(alarm, rig.Pump.Supervisor.Alarms.IsShown(AlarmCode.RefillDiscrepancy), $"{percent} %: alarm shown");
            Assert.AreEqual(alarm, Events(rig.Pump).Any(e => e.Kind == EventKind.RefillDiscrepancy), $"{percent} %: logged");
        }
    }

    [TestMethod]
    public void A_bridge_whose_new_drug_arrives_days_later_does_not_trip_the_guard_when_its_rate_changes()
    {
        // 2.5 uL/h of 10 mg/mL, then a refill at 2 mg/mL: the 150 uL line is pushed at the old rate for
        // 60 h - beyond the scheduler's 48 h horizon - and then the new drug runs at 12.5 uL/h. The
        // guard's allowance must follow the change though nothing is reprogrammed (GUARD-ALLOWANCE-RENEWED).
        var rig = PumpRig.Running(Prescription.Continuous(TherapyFixture.Morphine(10_000), new NanolitersPerHour(2500), null));
        var expected = rig.Pump.BeginRefill();
        var refill = rig.Pump.CompleteRefill(expected, Nanoliters.FromMilliliters(20), TherapyFixture.Morphine(2000), PumpConfiguration.DefaultLowReservoir, true);
        Assert.IsTrue(refill.Report.Accepted, refill.Report.ToString());
        long arrival = rig.Pump.Therapy.TipArrival.Value;
        Assert.IsTrue(arrival - rig.Pump.Now.Value > Milliseconds.FromDays(2).Value, "the bridge lasts beyond the scheduler's horizon");
        rig.RunTo(arrival + Milliseconds.FromHours(6).Value);
        Assert.IsFalse(rig.Pump.Supervisor.Guard.Tripped, "the guard stopped a correct pump");
        Assert.AreEqual(SafetyState.Running, rig.Pump.Supervisor.State);
        Milliseconds next;
        Assert.AreEqual(12_500L, rig.Pump.Therapy.Profile.RateAt(rig.Pump.Now, out next).Value, "the new drug runs at the rate for the same dose");
    }

    [TestMethod]
    public void A_review_checks_everything_and_changes_nothing()
    {
        var rig = PumpRig.Running();
        int revision = rig.Pump.Therapy.Revision;
        var tenfold = PumpRig.Continuous(50);
        var review = rig.Pump.Review(tenfold);
        Assert.IsTrue(review.NeedsConfirmation, review.ToString());
        Assert.IsTrue(review.Has(TherapyError.DailyDoseChangeTooLarge));
        Assert.AreEqual(revision, rig.Pump.Therapy.Revision);
        Assert.AreEqual(20_000L, rig.Pump.Therapy.Prescription.Rate.Value);
    }

    [TestMethod]
    public void Calibration_is_refused_while_delivering_and_taken_when_stopped()
    {
        var rig = PumpRig.Running();
        var refused = rig.Pump.Calibrate(200_000);
        Assert.IsTrue(refused.Has(TherapyError.PumpNotStopped), refused.ToString());
        var bad = rig.Pump.Calibrate(5);
        OpenIdds.Tests.Unit.Expect.Mentions(bad.MessageOf(TherapyError.CalibrationOutOfRange), new[] { "calibration", "5 pL/step", "1000..1000000" });
        Assert.IsTrue(rig.Pump.Program(Prescription.Stopped(TherapyFixture.Morphine(10_000)), false).Accepted);
        Assert.IsTrue(rig.Pump.Calibrate(200_000).Accepted);
        Assert.AreEqual(200_000L, rig.Pump.Calibration.PicolitersPerStep);
        var pump = rig.PowerCycle();
        Assert.AreEqual(200_000L, pump.Calibration.PicolitersPerStep, "the calibration is journaled");
    }

    [TestMethod]
    public void Calibration_with_an_alarm_shown_is_refused_naming_the_alarm_and_changes_nothing()
    {
        var rig = PumpRig.Running();
        Assert.IsTrue(rig.Pump.Program(Prescription.Stopped(TherapyFixture.Morphine(10_000)), false).Accepted);
        rig.Pump.Supervisor.RefillChecked(true);
        long before = rig.Pump.Calibration.PicolitersPerStep;
        var refused = rig.Pump.Calibrate(200_000);
        Assert.IsTrue(refused.Refused, refused.ToString());
        OpenIdds.Tests.Unit.Expect.Mentions(refused.MessageOf(TherapyError.AlarmsShown), new[] { "calibration", "alarm refill-discrepancy shown", "limit is no alarm" });
        Assert.AreEqual(before, rig.Pump.Calibration.PicolitersPerStep);
    }

    [TestMethod]
    public void A_refill_completed_without_a_session_is_refused_naming_the_missing_step_and_changes_nothing()
    {
        var rig = PumpRig.Running();
        long fill = rig.Pump.Supervisor.Fill.Value;
        var result = rig.Pump.CompleteRefill(Nanoliters.FromMilliliters(5), Nanoliters.FromMilliliters(20), TherapyFixture.Morphine(10_000), PumpConfiguration.DefaultLowReservoir, true);
        Assert.IsTrue(result.Report.Refused, result.Report.ToString());
        OpenIdds.Tests.Unit.Expect.Mentions(result.Report.MessageOf(TherapyError.NoRefillSession), new[] { "refill session is not open", "limit is a refill begun first" });
        Assert.AreEqual(fill, rig.Pump.Supervisor.Fill.Value);
        Assert.IsFalse(rig.Pump.RefillOpen);
    }

    [TestMethod]
    public void Clock_sync_moves_a_running_flex_schedule_to_the_new_time_of_day()
    {
        var flex = Prescription.Flex(TherapyFixture.Morphine(10_000), new[] { Milliseconds.FromHours(6), Milliseconds.FromHours(22) },
            new[] { NanolitersPerHour.FromMicrolitersPerHour(25), NanolitersPerHour.FromMicrolitersPerHour(10) }, null);
        var rig = PumpRig.Running(flex);
        // Tell the pump it is 21:59 now: in a minute the night rate starts.
        var report = rig.Pump.SyncClock(Milliseconds.FromHours(21) + Milliseconds.FromMinutes(59));
        Assert.IsTrue(report.Accepted, report.ToString());
        Milliseconds next;
        Assert.AreEqual(25_000L, rig.Pump.Therapy.Profile.RateAt(rig.Pump.Now, out next).Value);
        Assert.AreEqual(10_000L, rig.Pump.Therapy.Profile.RateAt(rig.Pump.Now + Milliseconds.FromMinutes(2), out next).Value);
        var pump = rig.PowerCycle();
        Assert.AreEqual(10_000L, pump.Therapy.Profile.RateAt(pump.Now + Milliseconds.FromMinutes(2), out next).Value, "the synced clock is journaled");
        var bad = rig.Pump.SyncClock(Milliseconds.FromDays(1));
        Assert.IsTrue(bad.Has(TherapyError.TimeOfDayOutOfRange));
    }

    [TestMethod]
    public void The_trial_diary_and_its_report_survive_a_reset()
    {
        var rig = new PumpRig(PumpStage.Trial);
        rig.PassSelfTest();
        Assert.IsTrue(rig.Pump.AddPain(8).Accepted);
        rig.RunFor(Milliseconds.FromHours(1));
        rig.Fill(10, 1000);
        Assert.IsTrue(rig.Pump.Program(PumpRig.Continuous(20, PumpRig.Pca(), 1000), true).Accepted);
        rig.RunFor(Milliseconds.FromHours(6));
        Assert.IsTrue(rig.Pump.AddPain(3).Accepted);
        Assert.IsTrue(rig.Pump.AddActivity(ActivityKind.Walking, 30).Accepted);
        var before = rig.Pump.TrialReport(50);
        var pump = rig.PowerCycle();
        rig.PassSelfTest();
        Assert.AreEqual(3, pump.Diary.Count);
        var after = pump.TrialReport(50);
        Assert.AreEqual(before.BaselinePainTenths, after.BaselinePainTenths);
        Assert.AreEqual(before.TrialPainTenths, after.TrialPainTenths);
        Assert.AreEqual(62, after.ReliefPercent);
        Assert.IsTrue(after.MeetsReliefThreshold);
    }

    [TestMethod]
    public void A_record_this_firmware_cannot_read_is_a_storage_fault_and_the_pump_goes_to_the_safe_state()
    {
        var rig = PumpRig.Running();
        var journal = new Journal(rig.Flash, 0, rig.Setup.JournalPages, PumpStateRecord.SlotBytes);
        journal.Recover(new byte[journal.PayloadBytes], out _);
        journal.Append(1, new byte[journal.PayloadBytes]);
        var pump = rig.PowerCycle();
        Assert.IsFalse(pump.StorageValid);
        rig.PassSelfTest();
        Assert.AreEqual(SafetyState.SafeState, pump.Supervisor.State);
        Assert.IsTrue(pump.Supervisor.Alarms.IsShown(AlarmCode.StorageFault));
        Assert.IsFalse(rig.Motor.Enabled);
    }

    /// <summary>
    /// LOG-DAMAGE-KEEPS-DELIVERING: a flipped bit in an event or a diary record is found by its CRC at the
    /// next start and that record is never read back; the pump logs storage-fault with the damaged count,
    /// raises log-damaged, and goes on delivering - the journal that runs the therapy is intact.
    /// </summary>
    [TestMethod]
    [DataRow("event log")]
    [DataRow("diary")]
    public void A_flipped_bit_in_an_event_or_diary_record_raises_log_damaged_and_delivery_goes_on(string where)
    {
        var rig = PumpRig.Running();
        Assert.IsTrue(rig.Pump.AddPain(6).Accepted);
        rig.RunFor(Milliseconds.FromHours(2));
        int page = where == "diary" ? rig.Setup.DiaryFirstPage : rig.Setup.EventFirstPage;
        rig.Flash.FlipBit(page, 0 * EventLog.RecordBytes + 12, 5);   // the first record's payload
        var pump = rig.PowerCycle();
        Assert.IsFalse(pump.LogValid, $"a flipped {where} record raised nothing");
        Assert.IsTrue(pump.StorageValid, "the journal that runs the therapy is intact");
        if (where == "diary") Assert.AreEqual(0, pump.Diary.Count, "the flipped diary entry was read back");
        else Assert.IsFalse(pump.Events.Read(1, out _, out _, out _, out _), "the flipped event was read back");
        Assert.IsTrue(Events(pump).Contains((EventKind.StorageFault, 0, 1)), "storage-fault with 0 therapy and 1 log record damaged logged");
        rig.PassSelfTest();
        Assert.IsTrue(pump.Supervisor.Alarms.IsShown(AlarmCode.LogDamaged), "log-damaged shown");
        Assert.IsFalse(pump.Supervisor.Alarms.IsShown(AlarmCode.StorageFault));
        Assert.AreNotEqual(SafetyState.SafeState, pump.Supervisor.State, "a gap in the history does not stop the therapy");
        long steps = rig.Motor.CompletedSteps;
        rig.RunFor(Milliseconds.FromHours(2));
        Assert.IsTrue(rig.Motor.CompletedSteps > steps, "delivery goes on");
    }

    /// <summary>An event or diary append the power cut part-way (or before its commit byte) is a torn write, not damage: the pump resumes.</summary>
    [TestMethod]
    public void An_event_or_diary_append_cut_by_the_power_is_not_damage()
    {
        foreach (bool diary in new[] { false, true })
        {
            foreach (int cut in new[] { 0, 1, 2, 5, 12, 20, 31, EventLog.RecordBytes })
            {
                var rig = PumpRig.Running();
                var log = new EventLog(rig.Flash, diary ? rig.Setup.DiaryFirstPage : rig.Setup.EventFirstPage, diary ? rig.Setup.DiaryPages : rig.Setup.EventPages);
                rig.Flash.CutAfter(cut);
                Assert.ThrowsExactly<OpenIdds.Hal.Storage.PowerCut>(() => log.Append(EventKind.DiaryEntry, rig.Pump.Now, 7, 0));
                var pump = rig.PowerCycle();
                Assert.IsTrue(pump.StorageValid, $"{(diary ? "diary" : "event")} append cut after {cut} bytes taken for damage");
                rig.PassSelfTest();
                Assert.AreEqual(SafetyState.Running, pump.Supervisor.State);
                rig.RunFor(Milliseconds.FromHours(1));
                Assert.IsTrue(rig.PowerCycle().StorageValid, "the retired slot taken for damage at a later start");
            }
        }
    }

    [TestMethod]
    public void The_largest_record_fits_its_slot_and_reads_back_whole()
    {
        var record = new PumpStateRecord();
        var starts = Enumerable.Range(0, Prescription.MaxFlexSteps).Select(i => Milliseconds.FromHours(i * 2)).ToArray();
        var rates = Enumerable.Range(0, Prescription.MaxFlexSteps).Select(i => new NanolitersPerHour(1000 + i)).ToArray();
        var pb = new PatientBolusSettings(new Micrograms(100), Milliseconds.FromMinutes(10), Milliseconds.FromHours(2), 4);
        record.Therapy.Prescription = Prescription.Flex(new Drug("morphine-sulfate", new MicrogramsPerMilliliter(20_000)), starts, rates, pb);
        record.Therapy.LastRunning = record.Therapy.Prescription;
        record.Therapy.GrantCount = InfusionTherapy.GrantCapacity;
        record.PumpTime = Milliseconds.FromDays(400).Value;
        for (int i = 0; i < InfusionTherapy.GrantCapacity; i++) record.Therapy.Grants[i] = record.PumpTime - i * 1000;
        record.Therapy.HourlyMass[3] = 600_000_000;
        var buffer = new RecordBuffer(PumpStateRecord.SlotBytes - 12);
        record.Encode(buffer);
        Assert.IsTrue(buffer.Position <= buffer.Bytes.Length, $"{buffer.Position} bytes");
        Console.WriteLine($"largest pump-state record: {buffer.Position} of {buffer.Bytes.Length} payload bytes");
        var back = new PumpStateRecord();
        back.Decode(buffer);
        Assert.IsTrue(back.Valid);
        Assert.AreEqual("morphine-sulfate", back.Therapy.Prescription.Drug.Name);
        Assert.AreEqual(Prescription.MaxFlexSteps, back.Therapy.Prescription.FlexStepCount);
        Assert.AreEqual(1011L, back.Therapy.Prescription.FlexRate(11).Value);
        Assert.AreEqual(record.Therapy.Grants[31], back.Therapy.Grants[31]);
        Assert.AreEqual(600_000_000L, back.Therapy.HourlyMass[3]);
        Assert.AreEqual(4, back.Therapy.LastRunning!.PatientBolus!.MaxPer24Hours);
    }
}
