using OpenIdds.Firmware.Therapy;

namespace OpenIdds.Firmware.Protocol.Messages
{
    /// <summary>
    /// The pump's verdict on a request, as the therapy's check report gives it: accepted, needs
    /// confirmation, or refused, with every reason (its code, its outcome, the message that names the
    /// field, the value and the limit). The programmer shows the messages as they are.
    /// </summary>
    public sealed class ReportMessage
    {
        public const int Accepted = 0;
        public const int NeedsConfirmation = 1;
        public const int Refused = 2;

        public int Verdict;
        public int Count;
        public readonly int[] Codes = new int[CheckReport.Capacity];
        public readonly int[] Outcomes = new int[CheckReport.Capacity];
        public readonly string[] Messages = new string[CheckReport.Capacity];

        public static void Write(PayloadWriter w, CheckReport report)
        {
            w.U8(report.Refused ? Refused : report.NeedsConfirmation ? NeedsConfirmation : Accepted);
            w.U8(report.Count);
            for (int i = 0; i < report.Count; i++)
            {
                w.U8((int)report[i].Code);
                w.U8((int)report[i].Outcome);
                w.Text(report[i].Message);
            }
        }

        public static ReportMessage Read(PayloadReader r)
        {
            ReportMessage m = new ReportMessage();
            m.Verdict = (int)r.InRange("report.verdict", r.U8("report.verdict"), 0, 2);
            m.Count = (int)r.InRange("report.count", r.U8("report.count"), 0, CheckReport.Capacity);
            if (!r.Ok) { m.Count = 0; return m; }
            for (int i = 0; i < m.Count; i++)
            {
                m.Codes[i] = r.U8("report.code");
                m.Outcomes[i] = r.U8("report.outcome");
                m.Messages[i] = r.Text("report.message");
            }
            return m;
        }

        public bool IsAccepted { get { return Verdict == Accepted; } }
    }
}
