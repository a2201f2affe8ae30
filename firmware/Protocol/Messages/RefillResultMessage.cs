namespace OpenIdds.Firmware.Protocol.Messages
{
    /// <summary>A refill's outcome: the report, the discrepancy between the expected and withdrawn residual, and the new reservoir with its next refill date.</summary>
    public sealed class RefillResultMessage
    {
        public ReportMessage Report = new ReportMessage();
        public long Expected;
        public long Withdrawn;
        /// <summary>Thousandths (145 = 14.5 %); -1 if nothing was expected but something came out.</summary>
        public long DiscrepancyPermille;
        public bool DiscrepancyAlert;
        public long Reservoir;
        public long LowReservoirThreshold;
        public long TimeToEmpty = long.MaxValue;
        public long NextRefillAt = long.MaxValue;
        public bool ConcentrationChanged;
        public long TipArrival = long.MaxValue;

        public static void Write(PayloadWriter w, Therapy.RefillResult result)
        {
            ReportMessage.Write(w, result.Report);
            w.I64(result.Expected.Value);
            w.I64(result.Withdrawn.Value);
            w.I64(result.DiscrepancyPermille == long.MaxValue ? -1 : result.DiscrepancyPermille);
            w.U8(result.DiscrepancyAlert ? 1 : 0);
            w.I64(result.ReservoirVolume.Value);
            w.I64(result.LowReservoirThreshold.Value);
            w.I64(result.TimeToEmpty.Value);
            w.I64(result.NextRefillAt.Value);
            w.U8(result.ConcentrationChanged ? 1 : 0);
            w.I64(result.TipArrival.Value);
        }

        public static RefillResultMessage Read(PayloadReader r)
        {
            RefillResultMessage m = new RefillResultMessage();
            m.Report = ReportMessage.Read(r);
            m.Expected = r.I64("refill.expected");
            m.Withdrawn = r.I64("refill.withdrawn");
            m.DiscrepancyPermille = r.I64("refill.discrepancy");
            m.DiscrepancyAlert = r.U8("refill.alert") == 1;
            m.Reservoir = r.I64("refill.reservoir");
            m.LowReservoirThreshold = r.I64("refill.low");
            m.TimeToEmpty = r.I64("refill.time_to_empty");
            m.NextRefillAt = r.I64("refill.next_refill");
            m.ConcentrationChanged = r.U8("refill.concentration_changed") == 1;
            m.TipArrival = r.I64("refill.tip_arrival");
            return m;
        }
    }
}
