# Sourced by install.sh and bench.sh: the build flags of the pimcc users run. On linux-x64 pimcc is precompiled
# (ReadyToRun: the runtime's crossgen2 and linux-x64 runtime packs, restored from NuGet), so a compile or a simulation
# does not spend its first second in the JIT; elsewhere it is the portable build, compiled as it runs.
readytorun_flags() {
  if [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
    echo "-r linux-x64 -p:SelfContained=false -p:PublishReadyToRun=true"
  fi
}
