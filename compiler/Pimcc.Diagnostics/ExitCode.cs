using System.ComponentModel;

namespace Pimcc.Diagnostics;

/// <summary>
/// Process exit codes of <c>pimcc</c>. Every kind of user error has its own code so scripts can
/// tell them apart. The descriptions are the documentation: docs/exit-codes.md and `pimcc --help` render them.
/// </summary>
public enum ExitCode
{
    [Description("Success.")]
    Success = 0,
    [Description("Internal compiler error: a bug in pimcc. A reproducer is written when possible.")]
    InternalError = 1,
    [Description("Bad command line: unknown option, missing argument, conflicting flags.")]
    Usage = 2,

    [Description("Input file does not exist or cannot be read.")]
    InputNotFound = 10,
    [Description("Output file cannot be written (nothing is left behind).")]
    OutputNotWritable = 11,
    [Description("Input file is larger than pimcc reads for its kind (bounds in README.md, \"Inputs and outputs\").")]
    InputTooLarge = 12,

    [Description("Input is syntactically malformed (JSON, textual IR, assembly).")]
    MalformedInput = 20,
    [Description("Input parses but is inconsistent (missing field, bad size, verifier failure).")]
    InvalidModel = 21,
    [Description("Model family or model_type is not supported.")]
    UnsupportedModel = 22,
    [Description("An operator (op type, domain) is not supported.")]
    UnsupportedOperator = 23,
    [Description("Unsupported format version (ONNX IR version, opset).")]
    UnsupportedVersion = 24,
    [Description("File is not a protobuf message of the expected kind.")]
    NotProtobuf = 25,
    [Description("File ends before the data it declares.")]
    TruncatedInput = 26,
    [Description("An external data file a model refers to does not exist.")]
    ExternalDataMissing = 27,
    [Description("An external data file is shorter than the offset/length a tensor declares.")]
    ExternalDataTruncated = 28,
    [Description("A path in the model escapes the model's folder (absolute path or '..').")]
    PathEscapesModelFolder = 29,
    [Description("A tensor's element count or byte size overflows or is absurd.")]
    SizeOverflow = 30,
    [Description("A tensor element type (e.g. STRING, UINT64) or a non-tensor value (sequence, map, optional) is not supported.")]
    UnsupportedDataType = 31,

    [Description("Target name is not a known preset.")]
    UnknownTarget = 40,
    [Description("Target description is invalid: unknown key, bad value, bad unit.")]
    InvalidTargetDescription = 41,
    [Description("The model does not fit the target's memory (HBM, local memory, macros).")]
    CapacityExceeded = 42,
    [Description("The model's 1-bit projection weights need more ReRAM crossbars than the target has (the diagnostic names how many).")]
    CrossbarsExceeded = 45,
    [Description("The weight format asked for is not supported by the target's weight cells (e.g. ternary weights on binary cells).")]
    WeightFormatUnsupported = 46,
    [Description("The context's KV cache does not fit the target's on-chip SRAM plus the off-chip memory left beside the weights.")]
    ContextExceedsMemory = 47,

    [Description("Binary does not start with the out.bin magic.")]
    BadMagic = 50,
    [Description("Binary format version is not supported by this pimcc.")]
    UnsupportedBinaryVersion = 51,
    [Description("A binary section is shorter than its header says.")]
    TruncatedSection = 52,
    [Description("A binary section's checksum does not match its contents.")]
    ChecksumMismatch = 53,
    [Description("An instruction operand is out of its field's range.")]
    OperandOutOfRange = 54,
    [Description("An instruction word or command has an unknown opcode.")]
    UnknownOpcode = 55,
    [Description("The binary was compiled for a different target than requested.")]
    WrongTarget = 56,
    [Description("The binary is structurally invalid in another way (bad section table, bad reference).")]
    InvalidBinary = 57,

    [Description("Functional simulation needs the binary's initial memory image (weights with data); the binary has none.")]
    NoMemoryImage = 60,

    [Description("Functional simulation input is invalid: token id outside the vocabulary, bad token list, more tokens than compiled for.")]
    InvalidSimInput = 61,

    [Description("The program faulted in functional simulation: memory access out of range, MAC on a closed row, a race between interleavings.")]
    ExecutionFault = 62,

    [Description("The run asks for more than the binary was compiled for: more prompt or generated tokens, or positions beyond its context.")]
    WorkloadExceedsCompiled = 63,

    [Description("pimcc check: the simulated logits differ from ONNX Runtime's by more than the tolerance at some step.")]
    CheckMismatch = 64,

    [Description("pimcc sweep: some points did not compile or simulate; the table (still written) gives each one's exit code and diagnostic.")]
    SweepPointsFailed = 65,

    [Description("pimcc compare: the reports are of different workloads (model, prompt or generated tokens); the message names the first that differs.")]
    ReportsNotComparable = 67,

    [Description("pimcc sweep --checkpoint: the folder holds another sweep's points (its grid, figures, inputs or pimcc version differ).")]
    SweepCheckpointMismatch = 69,

    [Description("An importance profile (--importance) does not fit the model: a rank list of the wrong length or a matrix of another shape.")]
    ImportanceShapeMismatch = 70,
    [Description("An importance profile (--importance) was made for another model: it names weights the model lacks or misses some it has.")]
    ImportanceModelMismatch = 71,
    [Description("The SLC fraction (--slc-fraction) is outside [0, 1].")]
    SlcFractionOutOfRange = 72,
    [Description("The model needs more chips than the target allows (system.maxChips); the message names how many.")]
    ChipsExceeded = 73,

    [Description("pimcc eval, or pimcc sim --functional on a hyflexpim or pimllm binary: the model has no weights (a HuggingFace config, or a binary without a memory image): loss, perplexity and values need an ONNX model with its weights.")]
    ModelWithoutWeights = 76,
}
