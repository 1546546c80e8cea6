namespace Pimcc.Compiler.Targets;

/// <summary>
/// A command-line flag a target's compiler declares (e.g. <c>--slc-fraction 0.1</c>): it sets option
/// <see cref="Option"/> of pass <see cref="Pass"/> in the pipeline the compile runs, exactly as
/// <c>pass{option=value}</c> in <c>--passes</c> would. The driver offers every registered target's flags and refuses a
/// flag the chosen target does not declare.
/// </summary>
/// <param name="Name">The flag with its dashes, e.g. <c>--slc-fraction</c>.</param>
/// <param name="Description">One line for <c>--help</c>.</param>
/// <param name="Pass">The pass whose option it sets.</param>
/// <param name="Option">That pass's option name.</param>
public sealed record TargetFlag(string Name, string Description, string Pass, string Option);
