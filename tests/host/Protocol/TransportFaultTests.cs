using System.Net.Sockets;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Programmer.Link;
using OpenIdds.Simulator.Device;

namespace OpenIdds.Tests.Host.Protocol;

/// <summary>LEADING-DELIMITER, TCP-WRITE-NEVER-BLOCKS, TCP-ONE-PROGRAMMER: small faults of the line and the transport.</summary>
[TestClass]
public class TransportFaultTests
{
    [TestMethod]
    public void A_partial_frame_left_on_the_line_does_not_break_the_next_command()
    {
        var linked = new LinkedPump();
        // Half a frame from an earlier, interrupted session: no delimiter after it.
        var leftover = linked.RawRequest(Role.Clinician, CommandTable.ReadStatus, 1, Array.Empty<byte>(), null);
        linked.Link.Write(leftover, 0, leftover.Length / 2);
        Assert.AreEqual("morphine", new PumpCommands(linked.Client).Status(Role.Clinician).Prescription.Drug.Name);
    }

    [TestMethod]
    [Timeout(20_000)]
    public void A_tcp_client_that_never_reads_neither_blocks_the_device_nor_keeps_others_out_and_a_second_client_cannot_take_over()
    {
        using var link = new TcpLink(0);
        using var hog = new TcpClient("127.0.0.1", link.Port);
        _ = link.HasInput;   // accepts the hog
        var chunk = new byte[64 * 1024];
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < 1000; i++) link.Write(chunk, 0, chunk.Length);   // 64 MB the hog never reads
        Assert.IsTrue(watch.Elapsed < TimeSpan.FromSeconds(10), $"the device's writes took {watch.Elapsed}: they must never block");

        using var next = new TcpClient("127.0.0.1", link.Port);
        _ = link.HasInput;   // the hog was dropped when its buffer filled: the next one gets the link
        link.Write(new byte[] { 1, 2, 3 }, 0, 3);
        var got = new byte[3];
        next.GetStream().ReadTimeout = 5000;
        Assert.AreEqual(3, next.GetStream().Read(got, 0, 3));

        using var intruder = new TcpClient("127.0.0.1", link.Port);
        _ = link.HasInput;   // the open session keeps the link
        link.Write(new byte[] { 4 }, 0, 1);
        Assert.AreEqual(1, next.GetStream().Read(got, 0, 1));
        Assert.AreEqual(4, got[0]);
    }
}
