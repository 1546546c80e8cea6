namespace Pimcc.Reference;

/// <summary>
/// A change to the arithmetic the reference interpreter runs, declared outside the IR: how a quantised reference
/// (runtime-sim/Pimcc.Accuracy) makes an op's weights and activations pass through a target's number formats and
/// devices. It sees every op with its operand values and either computes the op itself or leaves it to the kernel.
/// </summary>
public interface IReferenceTransform
{
    /// <summary>Runs the op in place of its kernel (e.g. a linear with quantised weights, inputs and read-out), or
    /// returns null for the op's own kernel (<see cref="ReferenceInterpreter.Kernel"/>).</summary>
    Tensor[]? Execute(OpContext ctx);
}
