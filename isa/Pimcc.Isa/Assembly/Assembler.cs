using System.Text;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;

namespace Pimcc.Isa.Assembly;

/// <summary>
/// Assembles pimcc assembly text (the format <see cref="Disassembler"/> prints; docs/binary-format.md) into a
/// <see cref="PimBinary"/>. A stream section starts with its stream kind's name as a directive (hpim's <c>.core 3</c>,
/// <c>.channel 0</c>; <see cref="BinaryContracts"/>); mnemonics and operand kinds inside it come from that kind's ISA
/// table. Memory regions and image chunks name one of the target's memory spaces.
/// </summary>
public static class Assembler
{
    /// <summary>The longest line read (a base64 <c>.image_data</c> line from <see cref="Disassembler"/> is 76 characters).</summary>
    public const int MaxLineChars = 1 << 16;

    public static PimBinary Assemble(string text, string fileName) => Assemble(new StringReader(text), fileName);

    /// <summary>Assembles text read line by line: memory grows with the program built, not with the text, and a line
    /// longer than <see cref="MaxLineChars"/> is refused without being held whole.</summary>
    public static PimBinary Assemble(TextReader text, string fileName)
    {
        var builder = new Builder(fileName);
        var parser = new AsmLineParser(fileName);
        var lines = new AsmLineReader(text, fileName, MaxLineChars);
        while (lines.Next())
        {
            builder.Line = lines.Number;
            builder.Add(parser.Parse(lines.Chars, lines.Length, lines.Number));
        }
        return builder.Finish();
    }

    internal static PimccError Malformed(string location, string message, string hint = "see docs/binary-format.md, \"Assembly text\"") =>
        new(ExitCode.MalformedInput, location, message, hint);

    private sealed class Section(StreamKind kind, int index)
    {
        public StreamKind Kind { get; } = kind;
        public int Index { get; } = index;
        public OpTable Table => Kind.Table;
        public List<Op> Ops { get; } = [];
        public Dictionary<string, int> Labels { get; } = new(StringComparer.Ordinal);
        public List<(int Op, int Operand, string Label, string Location)> Fixups { get; } = [];
        public List<StreamEntry> Entries { get; } = [];
        public List<LayerRepeat> Layers { get; } = [];
        public string Name => Kind.StreamName(Index);
    }

    private sealed class Builder(string fileName)
    {
        private readonly List<Section> _sections = [];
        private readonly List<MemoryRegion> _regions = [];
        private readonly List<(MemorySpace Space, int Index, long Address, long Size, System.Text.StringBuilder Data, string Loc)> _image = [];
        private readonly List<DebugRange> _debug = [];
        private readonly StringBuilder _targetJson = new();
        private string? _targetName;
        private string _targetLocation = "";
        private string? _targetSha;
        private (CompiledWorkload Workload, string Loc)? _workload;
        private Section? _current;

        /// <summary>The line of the text being added (its tokens all say line 1).</summary>
        public int Line { get; set; }

        public void Add(AsmLine line)
        {
            foreach (var label in line.Labels)
                DefineLabel(label);
            if (line.Statement is { IsDirective: true } d)
                Directive(d);
            else if (line.Statement is { } ins)
                Instruction(ins);
        }

        private string Loc(AsmToken t) => $"{fileName}:{Line}:{t.Column + 1}";

        private void DefineLabel(AsmToken label)
        {
            var name = label.Text;
            if (_current is null)
                throw Malformed(Loc(label), $"label '{name}' outside a stream section", "put labels after a stream directive such as .core N");
            if (!_current.Labels.TryAdd(name, _current.Ops.Count))
                throw Malformed(Loc(label), $"label '{name}' is defined twice in {_current.Name}", "rename one of them");
        }

        private void Instruction(AsmStatement ins)
        {
            var mnemonic = ins.Head.Text;
            if (_current is null)
                throw Malformed(Loc(ins.Head), $"instruction '{mnemonic}' outside a stream section", "start a section with a stream directive such as .core N or .channel N");
            var spec = _current.Table.TryGet(mnemonic) ?? throw Malformed(Loc(ins.Head),
                $"unknown {_current.Table.Name} mnemonic '{mnemonic}' in {_current.Name}",
                $"see the {_current.Table.Name} table in docs/");
            var operands = ins.Operands;
            if (operands.Length != spec.Operands.Count)
                throw Malformed(Loc(ins.Head), $"'{mnemonic}' takes {spec.Operands.Count} operand(s), got {operands.Length}", $"syntax: {spec.Syntax}");
            var values = new long[operands.Length];
            for (var i = 0; i < operands.Length; i++)
            {
                var field = spec.Operands[i];
                var o = operands[i];
                CheckName(o, field.Name);
                values[i] = Bind(o, field, i);
                if (!field.Accepts(values[i])) throw Op.OutOfRange(spec, field, values[i], Loc(ins.Head));
            }
            _current.Ops.Add(Op.Create(spec, values));
        }

        private void CheckName(AsmOperand o, string expected)
        {
            if (o.Name is { } n && n.Text != expected)
                throw Malformed(Loc(n), $"operand is named '{n.Text}', expected '{expected}' here", "operands are positional; names are optional checks");
        }

        private long Bind(AsmOperand o, Field field, int operandIndex)
        {
            var text = o.Value.Text;
            var ident = o.Kind == AsmValueKind.Ident;
            string loc() => Loc(o.Value);
            switch (field.Kind)
            {
                case FieldKind.Register:
                    if (ident && text.Length is > 1 and <= 4 && text[0] == 'r' && !text.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
                    {
                        var n = long.Parse(text.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
                        return field.Accepts(n) ? n : throw new PimccError(ExitCode.OperandOutOfRange, loc(),
                            $"register {text} does not exist", $"registers are r0..r{field.Max}");
                    }
                    throw Malformed(loc(), $"operand '{field.Name}' must be a register, got '{text}'", "write r0..r31");
                case FieldKind.Enum:
                    var idx = !ident ? -1 : IndexOf(field.Domain!.Names, text);
                    return idx >= 0 ? idx : throw Malformed(loc(), $"operand '{field.Name}' must be one of {string.Join(", ", field.Domain!.Names)}, got '{text}'", $"{field.Domain!.Name}: {field.Domain.Description}");
                case FieldKind.Offset when ident:
                    _current!.Fixups.Add((_current.Ops.Count, operandIndex, text, loc()));
                    return 0;
                default:
                    if (o.Kind != AsmValueKind.Int)
                        throw Malformed(loc(), $"operand '{field.Name}' must be an integer, got '{text}'", $"syntax: {field.Syntax}");
                    return Int(o, field);
            }
        }

        private static int IndexOf(IReadOnlyList<string> names, string s)
        {
            for (var i = 0; i < names.Count; i++)
                if (names[i] == s)
                    return i;
            return -1;
        }

        /// <summary>An integer operand's value (parsed with its line).</summary>
        private long Int(AsmOperand o, Field? field = null) => o.Int ?? throw new PimccError(ExitCode.OperandOutOfRange, Loc(o.Value),
            $"integer {o.Value.Text} does not fit 64 bits", field is null ? "use a smaller value" : $"field is {field.Syntax}");

        private void ResolveLabels(Section s)
        {
            foreach (var (opIndex, operand, label, loc) in s.Fixups)
            {
                if (!s.Labels.TryGetValue(label, out var target))
                    throw Malformed(loc, $"label '{label}' is not defined in {s.Name}", "labels are local to their section");
                var op = s.Ops[opIndex];
                var values = op.Operands.ToArray();
                values[operand] = target - opIndex;
                s.Ops[opIndex] = Op.Create(op.Spec, values, loc);
            }
        }

        private void Directive(AsmStatement d)
        {
            var name = d.Head.Text;
            var args = new Args(this, d, name);
            switch (name)
            {
                case ".target":
                    args.Count(1);
                    _targetName = args.String(0, "name");
                    _targetLocation = Loc(d.Head);
                    break;
                case ".target_sha256":
                    args.Count(1);
                    _targetSha = args.String(0, "sha256");
                    break;
                case ".target_json":
                    args.Count(1);
                    _targetJson.Append(args.String(0, "base64"));
                    break;
                case var _ when BinaryContracts.ByName(name[1..]) is { } kind:
                {
                    args.Count(1);
                    var index = args.Int(0, "index", int.MaxValue);
                    if (_sections.Any(s => s.Kind == kind && s.Index == index))
                        throw Malformed(Loc(d.Head), $"section {kind.StreamName((int)index)} appears twice", "merge the two sections");
                    _current = new Section(kind, (int)index);
                    _sections.Add(_current);
                    break;
                }
                case ".region":
                    _regions.Add(Region(args));
                    break;
                case ".image":
                    args.Count(4);
                    var space = args.Space(0, ".image SPACE, index=, addr=, size=");
                    _image.Add((space, (int)args.Int(1, "index", int.MaxValue), args.Int(2, "addr", long.MaxValue), args.Int(3, "size", int.MaxValue),
                        new System.Text.StringBuilder(), Loc(d.Head)));
                    break;
                case ".image_data":
                    if (_image.Count == 0)
                        throw Malformed(Loc(d.Head), ".image_data before any .image", "put .image_data lines after the .image they fill");
                    args.Count(1);
                    _image[^1].Data.Append(args.String(0, "base64"));
                    break;
                case ".entry":
                    if (_current is null)
                        throw Malformed(Loc(d.Head), ".entry outside a stream section", "put .entry before the first word of the program it names");
                    args.Count(1);
                    _current.Entries.Add(new StreamEntry(args.Name(0, "name"), _current.Ops.Count));
                    break;
                case ".layers":
                {
                    if (_current is null)
                        throw Malformed(Loc(d.Head), ".layers outside a stream section", "put .layers before the li.lo of a layer loop or the first word of layer 0");
                    // Two operands: a loop whose counter the next word loads; three: unrolled blocks of stride words from here.
                    var blocks = args.Length == 3;
                    if (!blocks) args.Count(2);
                    _current.Layers.Add(new LayerRepeat(args.Name(0, "entry"), (int)args.Int(1, "count", int.MaxValue),
                        blocks ? LayerForm.Blocks : LayerForm.Loop, _current.Ops.Count, blocks ? (int)args.Int(2, "stride", int.MaxValue) : 0));
                    break;
                }
                case ".workload":
                {
                    if (_workload is not null)
                        throw Malformed(Loc(d.Head), ".workload appears twice", "give the workload once");
                    args.Count(5);
                    var programs = args.String(4, "programs").Split(',');
                    _workload = (new CompiledWorkload((int)args.Int(0, "prompt", int.MaxValue), (int)args.Int(1, "generated", int.MaxValue),
                        (int)args.Int(2, "positions", int.MaxValue), args.String(3, "model"), programs), Loc(d.Head));
                    WorkloadRules.Check(_workload.Value.Workload, _workload.Value.Loc, ExitCode.MalformedInput);
                    break;
                }
                case ".debug":
                    if (_current is null)
                        throw Malformed(Loc(d.Head), ".debug outside a stream section", "put .debug inside the section it describes");
                    args.Count(4);
                    _debug.Add(new DebugRange(_current.Kind, _current.Index, (int)args.Int(0, "first", int.MaxValue),
                        (int)args.Int(1, "count", int.MaxValue), args.Int(2, "op", long.MaxValue), args.String(3, "name")));
                    break;
                default:
                    throw Malformed(Loc(d.Head), $"unknown directive '{name}'", $"directives: .target .target_sha256 .target_json .workload .region .image .image_data .entry .layers .debug, and the stream kinds {string.Join(" ", BinaryContracts.StreamKinds.Select(k => "." + k.Name))}");
            }
        }

        /// <summary><c>.region "name", KIND, SPACE, INDEX-DOMAIN=, FIELD=..., size=</c>: the space's placement fields by name.</summary>
        private static MemoryRegion Region(Args a)
        {
            var name = a.String(0, "name");
            var kindText = a.Ident(1, "kind");
            var kind = AsmText.RegionKinds.FirstOrDefault(k => k.Name == kindText);
            if (kind.Name is null)
                throw a.Error(1, $"unknown region kind '{kindText}'", "weight, kv_cache, activation or scratch");
            var space = a.Space(2, ".region \"name\", kind, SPACE, ...");
            a.Count(5 + space.PlacementFields.Count);
            var index = (int)a.Int(3, space.IndexDomain, int.MaxValue);
            var fields = new long[space.PlacementFields.Count];
            for (var i = 0; i < fields.Length; i++)
                fields[i] = a.Int(4 + i, space.PlacementFields[i], long.MaxValue);
            Placement placement;
            try
            {
                placement = space.Place(index, fields);
            }
            catch (OverflowException)
            {
                throw a.Error(4, $"a placement field of region \"{name}\" is out of range", "use values that fit the space");
            }
            return new MemoryRegion(name, kind.Kind, placement, a.Int(4 + fields.Length, "size", long.MaxValue));
        }

        /// <summary>With a description embedded (not the empty <c>{}</c> of hand-written tests), the binary must pass its
        /// target's contract checks (streams and regions the target has).</summary>
        private void CheckAgainst(PimBinary bin)
        {
            // The blob is opaque to the container; only a pimcc-target description (recognised by its format tag) is checked.
            if (!System.Text.Encoding.UTF8.GetString(bin.Target.Json).Contains(Pimcc.Targets.Description.DescriptionFormat.Tag, StringComparison.Ordinal)) return;
            var description = bin.Target.Resolve(fileName, ExitCode.MalformedInput, $"{fileName}: .target_json");
            BinaryContracts.For(description.Kind, $"{fileName}: .target_json", ExitCode.MalformedInput).Check(description, bin, fileName, ExitCode.MalformedInput);
        }

        /// <summary>
        /// <c>.target "NAME"</c> without <c>.target_json</c> lines embeds the bundled preset NAME, resolved: the binary is then
        /// checked against that target (streams, regions, instruction memory) and simulates. Any other name is refused.
        /// </summary>
        private byte[] PresetDescription(string name)
        {
            if (Pimcc.Targets.TargetRegistry.PresetText(name) is null)
                throw new PimccError(ExitCode.UnknownTarget, _targetLocation, $".target \"{name}\" names no bundled preset and the file embeds no description",
                    $"name a preset ({string.Join(", ", Pimcc.Targets.TargetRegistry.Names)}), or add the .target_json lines of a description (as 'pimcc disasm' writes them)");
            return System.Text.Encoding.UTF8.GetBytes(Pimcc.Targets.TargetLoader.LoadPreset(name).CanonicalJson);
        }

        public PimBinary Finish()
        {
            foreach (var s in _sections)
                ResolveLabels(s);
            if (_targetName is null)
                throw Malformed(fileName, "missing .target directive", "start the file with .target \"name\" and .target_json lines");
            byte[] json;
            try
            {
                json = _targetJson.Length == 0 ? PresetDescription(_targetName) : Convert.FromBase64String(_targetJson.ToString());
            }
            catch (FormatException)
            {
                throw Malformed(fileName, ".target_json lines are not valid base64", "copy them unchanged from `pimcc disasm`");
            }
            var target = new TargetBlob(_targetName, json);
            if (_targetSha is not null && !string.Equals(_targetSha, target.Sha256Hex, StringComparison.OrdinalIgnoreCase))
                throw Malformed(fileName, $".target_sha256 {_targetSha} does not match the SHA-256 of the .target_json bytes ({target.Sha256Hex})",
                    "drop .target_sha256 or fix the embedded description");
            var streams = _sections
                .Select(s => s.Kind.Create(s.Index, s.Ops) with { Entries = [.. s.Entries.Order(EntryRules.Order)], Layers = [.. s.Layers.Order(LayerRules.Order)] })
                .ToList();
            foreach (var s in _sections)
            {
                StreamRules.Check(s.Ops, $"{fileName}: {s.Name}", ExitCode.MalformedInput);
                EntryRules.Check(s.Entries, s.Ops, $"{fileName}: {s.Name}", ExitCode.MalformedInput);
                LayerRules.Check(s.Layers, s.Entries, s.Ops, $"{fileName}: {s.Name}", ExitCode.MalformedInput);
            }
            var image = new List<MemoryChunk>();
            foreach (var (space, index, address, size, data, loc) in _image)
            {
                byte[] bytes;
                try
                {
                    bytes = Convert.FromBase64String(data.ToString());
                }
                catch (FormatException)
                {
                    throw Malformed(loc, ".image_data lines are not valid base64", "copy them unchanged from `pimcc disasm`");
                }
                if (bytes.Length != size)
                    throw Malformed(loc, $".image declares size={size} but its .image_data holds {bytes.Length} bytes", "fix size= or the data lines");
                image.Add(new MemoryChunk(space, index, address, bytes));
            }
            image.Sort(MemoryImageRules.Order);
            MemoryImageRules.Check(image, fileName, ExitCode.MalformedInput);
            if (_workload is { } w)
                WorkloadRules.CheckPrograms(w.Workload, streams, w.Loc, ExitCode.MalformedInput);
            var bin = new PimBinary(target, streams, _regions, _debug) { Image = image, Workload = _workload?.Workload };
            CheckAgainst(bin);
            return bin;
        }

        /// <summary>Positional directive operands with optional name checks.</summary>
        private readonly struct Args(Builder b, AsmStatement d, string directive)
        {
            private readonly AsmOperand[] _ops = d.Operands;

            public int Length => _ops.Length;

            public void Count(int n)
            {
                if (_ops.Length != n)
                    throw Malformed(b.Loc(d.Head), $"{directive} takes {n} operand(s), got {_ops.Length}", "see docs/binary-format.md, \"Assembly text\"");
            }

            private AsmOperand At(int i, string name)
            {
                if (i >= _ops.Length)
                    throw Malformed(b.Loc(d.Head), $"{directive} is missing operand '{name}'", "see docs/binary-format.md, \"Assembly text\"");
                b.CheckName(_ops[i], name);
                return _ops[i];
            }

            public string String(int i, string name)
            {
                var v = At(i, name);
                if (v.Kind != AsmValueKind.String)
                    throw Error(i, $"{directive} operand '{name}' must be a quoted string", "write \"...\"");
                return AsmText.Unquote(v.Value.Text) ?? throw Error(i, "bad escape in string", "escapes: \\\\ \\\" \\n \\t \\r \\xHH");
            }

            /// <summary>A name given bare (<c>decode</c>) or quoted.</summary>
            public string Name(int i, string name)
            {
                var v = At(i, name);
                return v.Kind == AsmValueKind.String ? String(i, name) : v.Kind == AsmValueKind.Ident ? v.Value.Text
                    : throw Error(i, $"{directive} operand '{name}' must be a name", "write e.g. .entry decode");
            }

            public string Ident(int i, string name)
            {
                var v = At(i, name);
                return v.Kind != AsmValueKind.Ident ? throw Error(i, $"{directive} operand '{name}' must be a name", "see docs/binary-format.md") : v.Value.Text;
            }

            public long Int(int i, string name, long max)
            {
                var v = At(i, name);
                if (v.Kind != AsmValueKind.Int)
                    throw Error(i, $"{directive} operand '{name}' must be an integer", "write a decimal or 0x hex number");
                var n = b.Int(v);
                return n >= 0 && n <= max ? n : throw new PimccError(ExitCode.OperandOutOfRange, b.Loc(v.Value),
                    $"{directive} operand '{name}' is {n}, outside [0, {max}]", "use a non-negative value that fits");
            }

            /// <summary>A memory space named by its assembly keyword (<c>hbm</c>, <c>local</c>).</summary>
            public MemorySpace Space(int i, string syntax)
            {
                var text = Ident(i, "space");
                return BinaryContracts.Space(text) ?? throw Error(i, $"unknown memory space '{text}'", syntax);
            }

            public PimccError Error(int i, string message, string hint) =>
                Malformed(b.Loc(i < _ops.Length ? _ops[i].Name ?? _ops[i].Value : d.Head), message, hint);
        }
    }
}
