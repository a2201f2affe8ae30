using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>One therapy record: when, what, which rule and why.</summary>
    public struct TherapyRecord
    {
        public readonly Milliseconds At;
        public readonly TherapyRecordKind Kind;
        public readonly TherapyError Code;
        public readonly string Message;

        public TherapyRecord(Milliseconds at, TherapyRecordKind kind, TherapyError code, string message)
        {
            At = at;
            Kind = kind;
            Code = code;
            Message = message;
        }
    }
}
