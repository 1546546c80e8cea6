using Pimcc.Diagnostics;

namespace Pimcc.Reference;

/// <summary>User errors the interpreter reports: inputs, bindings or model data that do not fit.</summary>
internal static class ReferenceErrors
{
    public static PimccError Invalid(string location, string message, string hint = "") =>
        new(ExitCode.InvalidModel, location, message, hint);

    public static PimccError Unsupported(string location, string message, string hint = "") =>
        new(ExitCode.UnsupportedOperator, location, message, hint);
}
