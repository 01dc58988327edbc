// The benchmarks drive Linux servers and processes (deploy/local scripts, /proc, kill -9).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
