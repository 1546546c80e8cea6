// The core agent's data-path words fill small stackalloc operand lists on every executed instruction; they are always
// written before they are read (sliced to the count written), so the zeroing the runtime would add is pure cost.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
