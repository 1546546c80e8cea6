namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>
/// Gives every raised linear the role docs/ir.md lists, from where it sits: the projections feeding
/// an attention op (through rotary) are q/k/v_proj, the one reading it out_proj; a linear feeding an
/// activation is fc1, or gate_proj when the activation is multiplied by another linear (up_proj) and
/// the product feeds down_proj; the linear reading the activation is fc2; the logits' linear is lm_head.
/// </summary>
internal static class RoleAssignment
{
    public static void Assign(RaisedProgram program)
    {
        var consumers = program.Nodes.ToDictionary(n => n, _ => new List<RaisedNode>());
        foreach (var n in program.Nodes)
            foreach (var i in n.NodeInputs.Where(consumers.ContainsKey))
                consumers[i].Add(n);
        void Role(RaisedNode? n, string role)
        {
            if (n is { Opcode: "linear" }) n.Attrs = n.Attrs.Set("role", role);
        }
        RaisedNode Root(RaisedNode n) => n.Opcode == "rotary" ? (RaisedNode)n.Inputs[0] : n;
        RaisedNode? Reader(RaisedNode n, string opcode) => consumers[n].FirstOrDefault(c => c.Opcode == opcode && c.Inputs[0] == n);

        foreach (var a in program.Nodes.Where(n => n.Opcode == "attention"))
        {
            Role(Root((RaisedNode)a.Inputs[0]), "q_proj");
            Role(Root((RaisedNode)a.Inputs[1]), "k_proj");
            Role((RaisedNode)a.Inputs[2], "v_proj");
            Role(Reader(a, "linear"), "out_proj");
        }
        foreach (var act in program.Nodes.Where(n => n.Opcode is "relu" or "gelu" or "silu"))
        {
            var input = (RaisedNode)act.Inputs[0];
            var gate = consumers[act].FirstOrDefault(c => c.Opcode == "mul");
            if (gate is not null && gate.NodeInputs.FirstOrDefault(i => i != act) is { Opcode: "linear" } up)
            {
                Role(input, "gate_proj");
                Role(up, "up_proj");
                Role(consumers[gate].FirstOrDefault(c => c.Opcode == "linear"), "down_proj");
            }
            else
            {
                Role(input, "fc1");
                Role(Reader(act, "linear"), "fc2");
            }
        }
        Role(program.Head, "lm_head");
    }
}
