using OpenIdds.Firmware.Protocol;
using OpenIdds.Programmer.Keys;

namespace OpenIdds.Tests.Host.Programmer;

/// <summary>
/// KEY-FILE-ATOMIC as it happens, not only as it ends: every key file the programmer creates is
/// owner-only from the moment it appears (a file created 0644 and chmod-ed later is readable in between),
/// and the key file is only ever replaced whole.
/// </summary>
[TestClass]
public class KeyFileCreationTests
{
    [TestMethod]
    [Timeout(60_000)]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Every_file_the_key_file_save_creates_is_owner_only_from_the_moment_it_appears()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("inotify: Linux");
        string folder = Directory.CreateTempSubdirectory("openidds-keyfile-").FullName;
        var seen = new System.Collections.Concurrent.ConcurrentBag<(string Name, UnixFileMode Mode)>();
        try
        {
            using var watcher = new FileSystemWatcher(folder) { NotifyFilter = NotifyFilters.FileName, IncludeSubdirectories = false };
            watcher.Created += (_, e) =>
            {
                try { seen.Add((e.Name ?? "", File.GetUnixFileMode(e.FullPath))); }
                catch (IOException) { }   // already renamed away: nothing seen
            };
            watcher.EnableRaisingEvents = true;
            string path = Path.Combine(folder, "keys.json");
            for (int i = 0; i < 300; i++)
            {
                var keys = KeyFile.Load(path);
                keys.Set("SIM-" + i.ToString("D4"), Role.Clinician, KeyFile.DevelopmentKey("SIM-" + i.ToString("D4"), Role.Clinician));
                keys.Save();
                string text = File.ReadAllText(path);
                Assert.IsTrue(text.TrimEnd().EndsWith('}'), "the key file is whole after every save");
            }
            System.Threading.Thread.Sleep(200);
            if (seen.IsEmpty) Assert.Inconclusive("no creation was observed in time on this machine");
            foreach (var (name, mode) in seen)
                Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode, $"{name} appeared with mode {mode}");
            CollectionAssert.AreEqual(new[] { path }, Directory.GetFiles(folder), "no temporary file left");
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
