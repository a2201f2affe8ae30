namespace OpenIdds.Firmware.Protocol.Messages
{
    /// <summary>
    /// The one unauthenticated answer: who the device is, which protocol it speaks, the newest counter
    /// it accepted per role (a programmer sends the next one), and which roles still use development
    /// keys. Nothing in it is secret, and nothing it returns can be used to forge a command.
    /// </summary>
    public sealed class HelloMessage
    {
        public string DeviceId = "";
        public string Firmware = "";
        public int ProtocolVersion = Frame.Version;
        public int Stage;
        public readonly uint[] Counters = new uint[RoleName.Count];
        /// <summary>Bit r set: role r still has its development key.</summary>
        public int DevelopmentKeys;

        public void Write(PayloadWriter w)
        {
            w.Text(DeviceId);
            w.Text(Firmware);
            w.U8(ProtocolVersion);
            w.U8(Stage);
            for (int i = 0; i < RoleName.Count; i++) w.U32(Counters[i]);
            w.U8(DevelopmentKeys);
        }

        public static HelloMessage Read(PayloadReader r)
        {
            HelloMessage m = new HelloMessage();
            m.DeviceId = r.Text("hello.device_id");
            m.Firmware = r.Text("hello.firmware");
            m.ProtocolVersion = r.U8("hello.protocol_version");
            m.Stage = r.U8("hello.stage");
            for (int i = 0; i < RoleName.Count; i++) m.Counters[i] = r.U32("hello.counters");
            m.DevelopmentKeys = r.U8("hello.development_keys");
            return m;
        }
    }
}
