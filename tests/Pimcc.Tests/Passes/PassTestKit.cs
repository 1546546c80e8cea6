using Pimcc.Compiler.PassManagement;
using Pimcc.Ir;

namespace Pimcc.Tests.Passes;

public static class PassTestKit
{
    public static (Module Module, IReadOnlyList<PassRunRecord> Records) Run(Module m, string pipeline, PassInstrumentation? inst = null) =>
        new PassManager(inst ?? new PassInstrumentation { ReproducerDirectory = null })
            .Run(m, Pipeline.Parse(pipeline, PassRegistry.Default), "test");

    public static long Stat(IReadOnlyList<PassRunRecord> records, string pass, string stat) =>
        records.Single(r => r.Pass == pass).Statistics.Values.Single(v => v.Stat.Name == stat).Value;
}
