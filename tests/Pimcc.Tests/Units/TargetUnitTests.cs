using Pimcc.Compiler.PassManagement;
using Pimcc.Compiler.Targets;
using Pimcc.Diagnostics;
using Pimcc.Targets;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Units;

/// <summary>Targets are units found by their description's kind: the kind, not the name, decides the schema, the pipeline and the simulator.</summary>
public class TargetUnitTests
{
    private static string WriteDescription(string json)
    {
        var path = Path.Combine(CliRunner.TempDir(), "t.json");
        File.WriteAllText(path, json);
        return path;
    }

    // Kinds without a simulator yet: hyflexpim (HyflexpimLoweringTests) writes binaries, which `pimcc sim` refuses
    // (exit 56) until its simulator is registered. A kind leaves this list when its simulator is registered.
    private static readonly string[] NoBackendYet = ["hyflexpim"];

    [Fact]
    public void EveryBundledPresetResolvesThroughARegisteredKindWithACompilerAndASimulator()
    {
        TargetKinds.All.Select(k => k.Kind).ShouldContain("hpim");
        foreach (var p in TargetRegistry.Presets)
        {
            TargetKinds.Find(p.Kind).ShouldNotBeNull(p.Name);
            CompilerTargets.Find(p.Kind).ShouldNotBeNull(p.Name);
            if (NoBackendYet.Contains(p.Kind)) Pimcc.Sim.Units.SimulatorTargets.Find(p.Kind).ShouldBeNull(p.Name);
            else Pimcc.Sim.Units.SimulatorTargets.Find(p.Kind).ShouldNotBeNull(p.Name);
            TargetLoader.LoadPreset(p.Name).Kind.ShouldBe(p.Kind);
        }
    }

    [Fact]
    public void TheNameIsCosmeticTheKindDecides()
    {
        // A description named like another machine but extending an hpim preset is an hpim target under that name.
        var t = TargetLoader.LoadFile(WriteDescription("""{ "format": "pimcc-target/1", "extends": "hpim", "name": "hyflexpim-lookalike" }"""));
        t.Name.ShouldBe("hyflexpim-lookalike");
        t.Kind.ShouldBe("hpim");
        t.CanonicalJson.ShouldContain("\"kind\": \"hpim\"");
    }

    [Fact]
    public void AnUnknownKindIsAnInvalidDescriptionListingTheKnownKinds()
    {
        var e = Should.Throw<PimccError>(() => TargetLoader.Parse("""{ "format": "pimcc-target/1", "name": "x", "kind": "quantum" }""", "x.json"));
        e.Code.ShouldBe(ExitCode.InvalidTargetDescription);
        e.Message.ShouldContain("unknown target kind 'quantum'");
        e.Hint.ShouldContain("hpim");
    }

    [Fact]
    public void AMissingKindIsAnInvalidDescription()
    {
        var e = Should.Throw<PimccError>(() => TargetLoader.Parse("""{ "format": "pimcc-target/1", "name": "x" }""", "x.json"));
        e.Code.ShouldBe(ExitCode.InvalidTargetDescription);
        e.Message.ShouldContain("missing \"kind\"");
    }

    [Fact]
    public void AFileMayNotChangeTheKindOfThePresetItExtends()
    {
        var e = Should.Throw<PimccError>(() => TargetLoader.Parse("""{ "format": "pimcc-target/1", "extends": "hpim", "kind": "other" }""", "x.json"));
        e.Code.ShouldBe(ExitCode.InvalidTargetDescription);
        e.Location.ShouldContain("kind");
    }

    [Fact]
    public void KeysAreCheckedAgainstTheKindsOwnSchema()
    {
        var e = Should.Throw<PimccError>(() => TargetLoader.LoadPreset("hpim", ["crossbar.rows=256"]));
        e.Message.ShouldContain("unknown key 'crossbar.rows' for a target of kind 'hpim'");
    }

    [Fact]
    public void TargetsCommandListsEachPresetWithItsKind()
    {
        var r = CliRunner.Run("targets");
        r.ExitCode.ShouldBe(0, r.Err);
        foreach (var p in TargetRegistry.Presets)
            r.Out.Split('\n').ShouldContain(l => l.StartsWith(p.Name + " ") && l.Contains($" {p.Kind} "));
    }

    [Fact]
    public void PassesForATargetPrintTheExactPipelineACompileRuns()
    {
        var listed = CliRunner.Run("passes", "--target", "hpim");
        listed.ExitCode.ShouldBe(0, listed.Err);
        var compiled = CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--target", "hpim", "--prompt-tokens", "16", "--gen-tokens", "4",
            "-o", Path.Combine(CliRunner.TempDir(), "o.bin"), "--pass-statistics");
        compiled.ExitCode.ShouldBe(0, compiled.Err);
        // The statistics report names every pass that ran, in order; `passes --target` numbers the same passes.
        var ran = compiled.Err.Split('\n').Where(l => l.Length > 0 && char.IsAsciiLetterLower(l[0])).ToList();
        var numbered = listed.Out.Split('\n').Where(l => l.Length > 5 && char.IsAsciiDigit(l[2]) && l[3] == '.')
            .Select(l => l[5..].Split(' ')[0]).ToList();
        numbered.ShouldBe(ran);
        ran.ShouldContain("hpim-lower");
        ran.ShouldContain("hpim-check-sync");
        ran.ShouldContain("hpim-check-timing");
        ran.IndexOf("hpim-lower").ShouldBeLessThan(ran.IndexOf("hpim-check-sync"));
    }

    [Fact]
    public void TheLoweringIsVisibleInIrDumpsAndStatistics()
    {
        var r = CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--target", "hpim", "--prompt-tokens", "16", "--gen-tokens", "4",
            "--emit", "ir", "--print-ir-after=hpim-lower", "--pass-statistics");
        r.ExitCode.ShouldBe(0, r.Err);
        r.Err.ShouldContain("// -----// IR Dump After hpim-lower //----- //");
        r.Err.ShouldContain("hpim.core_words = [");
        r.Err.ShouldContain("hpim.channel_commands = [");
        r.Err.ShouldContain("sync-ops - events, barriers and collectives");
        r.Out.ShouldContain("\"hpim-sync-checked\"");
    }

    [Fact]
    public void APipelineWithoutTheLoweringGivesNoBinary()
    {
        var pipeline = Pimcc.Hpim.Compiler.HpimCompiler.ScheduledPipelineText;
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--target", "hpim", "--prompt-tokens", "16", "--gen-tokens", "4",
                "--passes", pipeline, "-o", Path.Combine(CliRunner.TempDir(), "o.bin"))
            .ShouldBeOneLineError(ExitCode.Usage, "produced no binary");
    }

    [Fact]
    public void ASelfCheckWithoutTheStreamsOfThisRunIsAUsageError()
    {
        // Scheduled IR read back from text carries the properties but not the streams: the check cannot run on it.
        var dir = CliRunner.TempDir();
        var ir = Path.Combine(dir, "lowered.pimir");
        var first = CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--target", "hpim", "--prompt-tokens", "16", "--gen-tokens", "4", "--emit", "ir", "-o", ir);
        first.ExitCode.ShouldBe(0, first.Err);
        CliRunner.Run(ir, "--target", "hpim", "--passes", "hpim-check-sync", "--emit", "ir")
            .ShouldBeOneLineError(ExitCode.Usage, "needs the streams of hpim-lower");
    }

    [Fact]
    public void PipelineRequirementsIncludeTheBackendPasses()
    {
        var registry = PassRegistry.For(CompilerTargets.Find("hpim")!);
        var e = Should.Throw<PimccError>(() => Pipeline.Parse("hpim-check-timing", registry).CheckRequirements([]));
        e.Message.ShouldContain("hpim-lowered");
        e.Hint.ShouldBe("add 'hpim-lower' before 'hpim-check-timing' in --passes"); // the pass that establishes it, not a guess
        var schedule = Should.Throw<PimccError>(() => Pipeline.Parse("infer-shapes,hpim-schedule", registry).CheckRequirements([]));
        schedule.Hint.ShouldBe("add 'hpim-plan-memory' before 'hpim-schedule' in --passes");
    }

    [Fact]
    public void ABinaryWhoseEmbeddedDescriptionThisPimccCannotResolveIsRefusedAsAnOtherVersion()
    {
        // A binary from a pimcc whose hpim schema lacked a key this one requires (as binaries from before nPPD do).
        var dir = CliRunner.TempDir();
        var path = Path.Combine(dir, "o.bin");
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--target", "hpim", "--prompt-tokens", "16", "--gen-tokens", "2", "-o", path).ExitCode.ShouldBe(0);
        var bin = Pimcc.Isa.Container.PimBinaryReader.Read(File.ReadAllBytes(path), path);
        var json = System.Text.Encoding.UTF8.GetString(bin.Target.Json);
        var trimmed = string.Join('\n', json.Split('\n').Where(l => !l.Contains("\"nPPD\"")));
        trimmed.ShouldNotBe(json);
        File.WriteAllBytes(path, Pimcc.Isa.Container.PimBinaryWriter.Write(bin with { Target = bin.Target with { Json = System.Text.Encoding.UTF8.GetBytes(trimmed) } }));
        CliRunner.Run("sim", path).ShouldBeOneLineError(ExitCode.UnsupportedBinaryVersion, "recompile the model with this pimcc");
    }
}
