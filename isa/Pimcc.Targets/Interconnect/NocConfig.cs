namespace Pimcc.Targets;

/// <summary>How the nodes of an on-chip network are connected (the shared NoC model, runtime-sim/Pimcc.Sim/Interconnect).</summary>
public enum NocTopology { Mesh, Ring, Crossbar }

/// <summary>
/// A network-on-chip as a target description gives it: topology, mesh width (mesh only), link bandwidth in bytes per
/// core cycle and latency per hop in core cycles. Any target kind may declare one; the shared model times it.
/// </summary>
public sealed record NocConfig(NocTopology Topology, int MeshColumns, double LinkBytesPerCycle, int HopLatencyCycles);
