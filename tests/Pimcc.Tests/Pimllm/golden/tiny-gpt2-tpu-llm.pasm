; pimcc disassembly. Reassemble with: pimcc asm <this file> -o out.bin
.target "tpu-llm"
.target_sha256 "c9590503ada0dc518c842939a1f3e68d983c0836d96483d27d1cf27a40cc26cd"
.workload prompt=40, generated=4, positions=44, model="tiny-gpt2", programs="prefill,decode"
.region "transformer.h.0.attn.c_attn.q.weight.ch0", weight, lpddr, channel=0, addr=0, size=2048
.region "transformer.h.0.attn.c_attn.q.weight.ch1", weight, lpddr, channel=1, addr=0, size=2048
.region "transformer.h.0.attn.c_attn.q.weight.ch2", weight, lpddr, channel=2, addr=0, size=2048
.region "transformer.h.0.attn.c_attn.q.weight.ch3", weight, lpddr, channel=3, addr=0, size=2048
.region "transformer.h.0.attn.c_attn.k.weight.ch0", weight, lpddr, channel=0, addr=2048, size=2048
.region "transformer.h.0.attn.c_attn.k.weight.ch1", weight, lpddr, channel=1, addr=2048, size=2048
.region "transformer.h.0.attn.c_attn.k.weight.ch2", weight, lpddr, channel=2, addr=2048, size=2048
.region "transformer.h.0.attn.c_attn.k.weight.ch3", weight, lpddr, channel=3, addr=2048, size=2048
.region "transformer.h.0.attn.c_attn.v.weight.ch0", weight, lpddr, channel=0, addr=4096, size=2048
.region "transformer.h.0.attn.c_attn.v.weight.ch1", weight, lpddr, channel=1, addr=4096, size=2048
.region "transformer.h.0.attn.c_attn.v.weight.ch2", weight, lpddr, channel=2, addr=4096, size=2048
.region "transformer.h.0.attn.c_attn.v.weight.ch3", weight, lpddr, channel=3, addr=4096, size=2048
.region "transformer.h.0.attn.c_proj.weight.ch0", weight, lpddr, channel=0, addr=6144, size=2048
.region "transformer.h.0.attn.c_proj.weight.ch1", weight, lpddr, channel=1, addr=6144, size=2048
.region "transformer.h.0.attn.c_proj.weight.ch2", weight, lpddr, channel=2, addr=6144, size=2048
.region "transformer.h.0.attn.c_proj.weight.ch3", weight, lpddr, channel=3, addr=6144, size=2048
.region "transformer.h.0.mlp.c_fc.weight.ch0", weight, lpddr, channel=0, addr=8192, size=8192
.region "transformer.h.0.mlp.c_fc.weight.ch1", weight, lpddr, channel=1, addr=8192, size=8192
.region "transformer.h.0.mlp.c_fc.weight.ch2", weight, lpddr, channel=2, addr=8192, size=8192
.region "transformer.h.0.mlp.c_fc.weight.ch3", weight, lpddr, channel=3, addr=8192, size=8192
.region "transformer.h.0.mlp.c_proj.weight.ch0", weight, lpddr, channel=0, addr=16384, size=8192
.region "transformer.h.0.mlp.c_proj.weight.ch1", weight, lpddr, channel=1, addr=16384, size=8192
.region "transformer.h.0.mlp.c_proj.weight.ch2", weight, lpddr, channel=2, addr=16384, size=8192
.region "transformer.h.0.mlp.c_proj.weight.ch3", weight, lpddr, channel=3, addr=16384, size=8192
.region "transformer.h.1.attn.c_attn.q.weight.ch0", weight, lpddr, channel=0, addr=24576, size=2048
.region "transformer.h.1.attn.c_attn.q.weight.ch1", weight, lpddr, channel=1, addr=24576, size=2048
.region "transformer.h.1.attn.c_attn.q.weight.ch2", weight, lpddr, channel=2, addr=24576, size=2048
.region "transformer.h.1.attn.c_attn.q.weight.ch3", weight, lpddr, channel=3, addr=24576, size=2048
.region "transformer.h.1.attn.c_attn.k.weight.ch0", weight, lpddr, channel=0, addr=26624, size=2048
.region "transformer.h.1.attn.c_attn.k.weight.ch1", weight, lpddr, channel=1, addr=26624, size=2048
.region "transformer.h.1.attn.c_attn.k.weight.ch2", weight, lpddr, channel=2, addr=26624, size=2048
.region "transformer.h.1.attn.c_attn.k.weight.ch3", weight, lpddr, channel=3, addr=26624, size=2048
.region "transformer.h.1.attn.c_attn.v.weight.ch0", weight, lpddr, channel=0, addr=28672, size=2048
.region "transformer.h.1.attn.c_attn.v.weight.ch1", weight, lpddr, channel=1, addr=28672, size=2048
.region "transformer.h.1.attn.c_attn.v.weight.ch2", weight, lpddr, channel=2, addr=28672, size=2048
.region "transformer.h.1.attn.c_attn.v.weight.ch3", weight, lpddr, channel=3, addr=28672, size=2048
.region "transformer.h.1.attn.c_proj.weight.ch0", weight, lpddr, channel=0, addr=30720, size=2048
.region "transformer.h.1.attn.c_proj.weight.ch1", weight, lpddr, channel=1, addr=30720, size=2048
.region "transformer.h.1.attn.c_proj.weight.ch2", weight, lpddr, channel=2, addr=30720, size=2048
.region "transformer.h.1.attn.c_proj.weight.ch3", weight, lpddr, channel=3, addr=30720, size=2048
.region "transformer.h.1.mlp.c_fc.weight.ch0", weight, lpddr, channel=0, addr=32768, size=8192
.region "transformer.h.1.mlp.c_fc.weight.ch1", weight, lpddr, channel=1, addr=32768, size=8192
.region "transformer.h.1.mlp.c_fc.weight.ch2", weight, lpddr, channel=2, addr=32768, size=8192
.region "transformer.h.1.mlp.c_fc.weight.ch3", weight, lpddr, channel=3, addr=32768, size=8192
.region "transformer.h.1.mlp.c_proj.weight.ch0", weight, lpddr, channel=0, addr=40960, size=8192
.region "transformer.h.1.mlp.c_proj.weight.ch1", weight, lpddr, channel=1, addr=40960, size=8192
.region "transformer.h.1.mlp.c_proj.weight.ch2", weight, lpddr, channel=2, addr=40960, size=8192
.region "transformer.h.1.mlp.c_proj.weight.ch3", weight, lpddr, channel=3, addr=40960, size=8192
.region "transformer.wte.weight.ch0", weight, lpddr, channel=0, addr=49152, size=65536
.region "transformer.wte.weight.ch1", weight, lpddr, channel=1, addr=49152, size=65536
.region "transformer.wte.weight.ch2", weight, lpddr, channel=2, addr=49152, size=65536
.region "transformer.wte.weight.ch3", weight, lpddr, channel=3, addr=49152, size=65536
.region "transformer.wte.weight.rows", weight, lpddr, channel=0, addr=114688, size=262144
.region "transformer.wpe.weight.rows", weight, lpddr, channel=1, addr=114688, size=32768
.region "prefill.logits", activation, lpddr, channel=0, addr=376832, size=81920
.region "decode.logits", activation, lpddr, channel=0, addr=458752, size=2048
.region "sram.params", weight, sram, chip=0, addr=0, size=15360
.region "sram.kv", kv_cache, sram, chip=0, addr=15360, size=45056
.region "sram.weight_chunks", scratch, sram, chip=0, addr=60416, size=1048576
.region "sram.activations", activation, sram, chip=0, addr=1108992, size=237696

.xbar 0
.debug first=0, count=2, op=0, name="tok"
.debug first=2, count=1, op=2, name="pos"
.debug first=3, count=2, op=3, name="embed"
.debug first=5, count=1, op=4, name="l0.ln1"
.debug first=6, count=4, op=5, name="l0.q"
.debug first=10, count=4, op=6, name="l0.k"
.debug first=14, count=4, op=7, name="l0.v"
.debug first=18, count=15, op=8, name="l0.attn"
.debug first=33, count=5, op=9, name="l0.o"
.debug first=38, count=1, op=10, name="l0.h"
.debug first=39, count=1, op=11, name="l0.ln2"
.debug first=40, count=4, op=12, name="l0.fc1"
.debug first=44, count=2, op=13, name="l0.act"
.debug first=46, count=4, op=14, name="l0.fc2"
.debug first=50, count=2, op=15, name="l0.out"
.debug first=52, count=1, op=16, name="l1.ln1"
.debug first=53, count=4, op=17, name="l1.q"
.debug first=57, count=4, op=18, name="l1.k"
.debug first=61, count=4, op=19, name="l1.v"
.debug first=65, count=15, op=20, name="l1.attn"
.debug first=80, count=5, op=21, name="l1.o"
.debug first=85, count=1, op=22, name="l1.h"
.debug first=86, count=1, op=23, name="l1.ln2"
.debug first=87, count=4, op=24, name="l1.fc1"
.debug first=91, count=2, op=25, name="l1.act"
.debug first=93, count=4, op=26, name="l1.fc2"
.debug first=97, count=2, op=27, name="l1.out"
.debug first=99, count=2, op=0, name="tok"
.debug first=101, count=1, op=2, name="pos"
.debug first=102, count=1, op=3, name="embed"
.debug first=103, count=1, op=4, name="l0.ln1"
.debug first=104, count=4, op=5, name="l0.q"
.debug first=108, count=4, op=6, name="l0.k"
.debug first=112, count=4, op=7, name="l0.v"
.debug first=116, count=15, op=8, name="l0.attn"
.debug first=131, count=5, op=9, name="l0.o"
.debug first=136, count=1, op=10, name="l0.h"
.debug first=137, count=1, op=11, name="l0.ln2"
.debug first=138, count=4, op=12, name="l0.fc1"
.debug first=142, count=2, op=13, name="l0.act"
.debug first=144, count=4, op=14, name="l0.fc2"
.debug first=148, count=2, op=15, name="l0.out"
.debug first=150, count=1, op=16, name="l1.ln1"
.debug first=151, count=4, op=17, name="l1.q"
.debug first=155, count=4, op=18, name="l1.k"
.debug first=159, count=4, op=19, name="l1.v"
.debug first=163, count=15, op=20, name="l1.attn"
.debug first=178, count=5, op=21, name="l1.o"
.debug first=183, count=1, op=22, name="l1.h"
.debug first=184, count=1, op=23, name="l1.ln2"
.debug first=185, count=4, op=24, name="l1.fc1"
.debug first=189, count=2, op=25, name="l1.act"
.debug first=191, count=4, op=26, name="l1.fc2"
.debug first=195, count=2, op=27, name="l1.out"
.debug first=197, count=1, op=28, name="last"
.debug first=198, count=1, op=29, name="norm"
.debug first=199, count=3, op=30, name="logits"
.debug first=202, count=1, op=1048576, name="tok"
.debug first=203, count=1, op=1048578, name="pos"
.debug first=204, count=2, op=1048579, name="embed"
.debug first=206, count=1, op=1048580, name="l0.ln1"
.debug first=207, count=4, op=1048581, name="l0.q"
.debug first=211, count=4, op=1048582, name="l0.k"
.debug first=215, count=4, op=1048583, name="l0.v"
.debug first=219, count=15, op=1048584, name="l0.attn"
.debug first=234, count=5, op=1048585, name="l0.o"
.debug first=239, count=1, op=1048586, name="l0.h"
.debug first=240, count=1, op=1048587, name="l0.ln2"
.debug first=241, count=4, op=1048588, name="l0.fc1"
.debug first=245, count=2, op=1048589, name="l0.act"
.debug first=247, count=4, op=1048590, name="l0.fc2"
.debug first=251, count=2, op=1048591, name="l0.out"
.debug first=253, count=1, op=1048592, name="l1.ln1"
.debug first=254, count=4, op=1048593, name="l1.q"
.debug first=258, count=4, op=1048594, name="l1.k"
.debug first=262, count=4, op=1048595, name="l1.v"
.debug first=266, count=15, op=1048596, name="l1.attn"
.debug first=281, count=5, op=1048597, name="l1.o"
.debug first=286, count=1, op=1048598, name="l1.h"
.debug first=287, count=1, op=1048599, name="l1.ln2"
.debug first=288, count=4, op=1048600, name="l1.fc1"
.debug first=292, count=2, op=1048601, name="l1.act"
.debug first=294, count=4, op=1048602, name="l1.fc2"
.debug first=298, count=2, op=1048603, name="l1.out"
.debug first=300, count=1, op=1048604, name="norm"
.debug first=301, count=3, op=1048605, name="logits"
.entry prefill
    pp.tok first=0, count=32                    ; 0: 0x2800000020000000
    ev.wait event=16, count=1                   ; 1: 0xF101000100000000
    ev.wait event=17, count=1                   ; 2: 0xF101100100000000
    pp.len len=256, group=1, stride=0           ; 3: 0x2000010000800000
    pp.add dst=17840, a=17328, b=17584, dt=fp16 ; 4: 0x2322D810EC089610
    pp.norm dst=17328, src=17840, params=0, kind=layer, dt=fp16 ; 5: 0x2121D8116C000008
    pp.quant dst=17584, src=17328, scale=17712, dt=fp16 ; 6: 0x26225810EC08A610
    ev.sig event=1, count=1                     ; 7: 0xF000100100000000
    ev.wait event=2, count=1                    ; 8: 0xF100200100000000
    pp.add dst=18096, a=18096, b=16, dt=i32     ; 9: 0x23235811AC000208
    pp.quant dst=17584, src=17328, scale=17712, dt=fp16 ; 10: 0x26225810EC08A610
    ev.sig event=1, count=1                     ; 11: 0xF000100100000000
    ev.wait event=2, count=1                    ; 12: 0xF100200100000000
    pp.add dst=18608, a=18608, b=24, dt=i32     ; 13: 0x232458122C000308
    pp.quant dst=17584, src=17328, scale=17712, dt=fp16 ; 14: 0x26225810EC08A610
    ev.sig event=1, count=1                     ; 15: 0xF000100100000000
    ev.wait event=2, count=1                    ; 16: 0xF100200100000000
    pp.add dst=19120, a=19120, b=32, dt=i32     ; 17: 0x23255812AC000408
    pp.quant dst=17328, src=18096, scale=17456, dt=i32 ; 18: 0x2621D811AC088608
    pp.len len=64, group=1, stride=256          ; 19: 0x2000004000808000
    pp.qrow dst=240, src=18608, scale=40, dt=i32 ; 20: 0x270078122C000508
    pp.qrow dst=416, src=19120, scale=44, dt=i32 ; 21: 0x2700D012AC000588
    ev.sig event=1, count=1                     ; 22: 0xF000100100000000
    pp.qrow dst=284, src=18612, scale=41, dt=i32 ; 23: 0x27008E122D000528
    pp.qrow dst=460, src=19124, scale=45, dt=i32 ; 24: 0x2700E612AD0005A8
    ev.sig event=1, count=1                     ; 25: 0xF000100100000000
    pp.qrow dst=328, src=18616, scale=42, dt=i32 ; 26: 0x2700A4122E000548
    pp.qrow dst=504, src=19128, scale=46, dt=i32 ; 27: 0x2700FC12AE0005C8
    ev.sig event=1, count=1                     ; 28: 0xF000100100000000
    pp.qrow dst=372, src=18620, scale=43, dt=i32 ; 29: 0x2700BA122F000568
    pp.qrow dst=548, src=19132, scale=47, dt=i32 ; 30: 0x27011212AF0005E8
    ev.sig event=1, count=1                     ; 31: 0xF000100100000000
    ev.wait event=2, count=1                    ; 32: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 33: 0x2000010000800000
    pp.quant dst=17328, src=19632, scale=17456, dt=i32 ; 34: 0x2621D8132C088608
    ev.sig event=1, count=1                     ; 35: 0xF000100100000000
    ev.wait event=2, count=1                    ; 36: 0xF100200100000000
    pp.add dst=18096, a=18096, b=48, dt=i32     ; 37: 0x23235811AC000608
    pp.add dst=17328, a=17840, b=18096, dt=fp16 ; 38: 0x2321D8116C08D610
    pp.norm dst=17584, src=17328, params=56, kind=layer, dt=fp16 ; 39: 0x21225810EC000708
    pp.quant dst=17840, src=17584, scale=17968, dt=fp16 ; 40: 0x2622D8112C08C610
    ev.sig event=1, count=1                     ; 41: 0xF000100100000000
    ev.wait event=2, count=1                    ; 42: 0xF100200100000000
    pp.add dst=17970, a=17970, b=72, dt=i32     ; 43: 0x232319118C800908
    pp.len len=1024, group=1, stride=0          ; 44: 0x2000040000800000
    pp.act dst=20018, src=17970, fn=gelu, dt=i32 ; 45: 0x222719118C840000
    pp.quant dst=17584, src=20018, scale=18096, dt=fp16 ; 46: 0x262258138C88D610
    ev.sig event=1, count=1                     ; 47: 0xF000100100000000
    ev.wait event=2, count=1                    ; 48: 0xF100200100000000
    pp.add dst=18098, a=18098, b=104, dt=i32    ; 49: 0x23235911AC800D08
    pp.len len=256, group=1, stride=0           ; 50: 0x2000010000800000
    pp.add dst=17584, a=17328, b=18098, dt=fp16 ; 51: 0x23225810EC08D650
    pp.norm dst=17328, src=17584, params=112, kind=layer, dt=fp16 ; 52: 0x2121D8112C000E08
    pp.quant dst=17840, src=17328, scale=17968, dt=fp16 ; 53: 0x2622D810EC08C610
    ev.sig event=1, count=1                     ; 54: 0xF000100100000000
    ev.wait event=2, count=1                    ; 55: 0xF100200100000000
    pp.add dst=17970, a=17970, b=128, dt=i32    ; 56: 0x232319118C801008
    pp.quant dst=17840, src=17328, scale=17968, dt=fp16 ; 57: 0x2622D810EC08C610
    ev.sig event=1, count=1                     ; 58: 0xF000100100000000
    ev.wait event=2, count=1                    ; 59: 0xF100200100000000
    pp.add dst=18482, a=18482, b=136, dt=i32    ; 60: 0x232419120C801108
    pp.quant dst=17840, src=17328, scale=17968, dt=fp16 ; 61: 0x2622D810EC08C610
    ev.sig event=1, count=1                     ; 62: 0xF000100100000000
    ev.wait event=2, count=1                    ; 63: 0xF100200100000000
    pp.add dst=18994, a=18994, b=144, dt=i32    ; 64: 0x232519128C801208
    pp.quant dst=17328, src=17970, scale=17456, dt=i32 ; 65: 0x2621D8118C888608
    pp.len len=64, group=1, stride=256          ; 66: 0x2000004000808000
    pp.qrow dst=592, src=18482, scale=152, dt=i32 ; 67: 0x270128120C801308
    pp.qrow dst=768, src=18994, scale=156, dt=i32 ; 68: 0x270180128C801388
    ev.sig event=1, count=1                     ; 69: 0xF000100100000000
    pp.qrow dst=636, src=18486, scale=153, dt=i32 ; 70: 0x27013E120D801328
    pp.qrow dst=812, src=18998, scale=157, dt=i32 ; 71: 0x270196128D8013A8
    ev.sig event=1, count=1                     ; 72: 0xF000100100000000
    pp.qrow dst=680, src=18490, scale=154, dt=i32 ; 73: 0x270154120E801348
    pp.qrow dst=856, src=19002, scale=158, dt=i32 ; 74: 0x2701AC128E8013C8
    ev.sig event=1, count=1                     ; 75: 0xF000100100000000
    pp.qrow dst=724, src=18494, scale=155, dt=i32 ; 76: 0x27016A120F801368
    pp.qrow dst=900, src=19006, scale=159, dt=i32 ; 77: 0x2701C2128F8013E8
    ev.sig event=1, count=1                     ; 78: 0xF000100100000000
    ev.wait event=2, count=1                    ; 79: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 80: 0x2000010000800000
    pp.quant dst=17328, src=19506, scale=17456, dt=i32 ; 81: 0x2621D8130C888608
    ev.sig event=1, count=1                     ; 82: 0xF000100100000000
    ev.wait event=2, count=1                    ; 83: 0xF100200100000000
    pp.add dst=17840, a=17840, b=160, dt=i32    ; 84: 0x2322D8116C001408
    pp.add dst=17328, a=17584, b=17840, dt=fp16 ; 85: 0x2321D8112C08B610
    pp.norm dst=17584, src=17328, params=168, kind=layer, dt=fp16 ; 86: 0x21225810EC001508
    pp.quant dst=17840, src=17584, scale=17968, dt=fp16 ; 87: 0x2622D8112C08C610
    ev.sig event=1, count=1                     ; 88: 0xF000100100000000
    ev.wait event=2, count=1                    ; 89: 0xF100200100000000
    pp.add dst=17970, a=17970, b=184, dt=i32    ; 90: 0x232319118C801708
    pp.len len=1024, group=1, stride=0          ; 91: 0x2000040000800000
    pp.act dst=20018, src=17970, fn=gelu, dt=i32 ; 92: 0x222719118C840000
    pp.quant dst=17584, src=20018, scale=18096, dt=fp16 ; 93: 0x262258138C88D610
    ev.sig event=1, count=1                     ; 94: 0xF000100100000000
    ev.wait event=2, count=1                    ; 95: 0xF100200100000000
    pp.add dst=18098, a=18098, b=216, dt=i32    ; 96: 0x23235911AC801B08
    pp.len len=256, group=1, stride=0           ; 97: 0x2000010000800000
    pp.add dst=17584, a=17328, b=18098, dt=fp16 ; 98: 0x23225810EC08D650
    pp.tok first=32, count=8                    ; 99: 0x2800200008000000
    ev.wait event=16, count=1                   ; 100: 0xF101000100000000
    ev.wait event=17, count=1                   ; 101: 0xF101100100000000
    pp.add dst=17840, a=17328, b=17584, dt=fp16 ; 102: 0x2322D810EC089610
    pp.norm dst=17328, src=17840, params=0, kind=layer, dt=fp16 ; 103: 0x2121D8116C000008
    pp.quant dst=17584, src=17328, scale=17712, dt=fp16 ; 104: 0x26225810EC08A610
    ev.sig event=1, count=1                     ; 105: 0xF000100100000000
    ev.wait event=2, count=1                    ; 106: 0xF100200100000000
    pp.add dst=18096, a=18096, b=16, dt=i32     ; 107: 0x23235811AC000208
    pp.quant dst=17584, src=17328, scale=17712, dt=fp16 ; 108: 0x26225810EC08A610
    ev.sig event=1, count=1                     ; 109: 0xF000100100000000
    ev.wait event=2, count=1                    ; 110: 0xF100200100000000
    pp.add dst=18608, a=18608, b=24, dt=i32     ; 111: 0x232458122C000308
    pp.quant dst=17584, src=17328, scale=17712, dt=fp16 ; 112: 0x26225810EC08A610
    ev.sig event=1, count=1                     ; 113: 0xF000100100000000
    ev.wait event=2, count=1                    ; 114: 0xF100200100000000
    pp.add dst=19120, a=19120, b=32, dt=i32     ; 115: 0x23255812AC000408
    pp.quant dst=17328, src=18096, scale=17456, dt=i32 ; 116: 0x2621D811AC088608
    pp.len len=64, group=1, stride=256          ; 117: 0x2000004000808000
    pp.qrow dst=240, src=18608, scale=40, dt=i32 ; 118: 0x270078122C000508
    pp.qrow dst=416, src=19120, scale=44, dt=i32 ; 119: 0x2700D012AC000588
    ev.sig event=1, count=1                     ; 120: 0xF000100100000000
    pp.qrow dst=284, src=18612, scale=41, dt=i32 ; 121: 0x27008E122D000528
    pp.qrow dst=460, src=19124, scale=45, dt=i32 ; 122: 0x2700E612AD0005A8
    ev.sig event=1, count=1                     ; 123: 0xF000100100000000
    pp.qrow dst=328, src=18616, scale=42, dt=i32 ; 124: 0x2700A4122E000548
    pp.qrow dst=504, src=19128, scale=46, dt=i32 ; 125: 0x2700FC12AE0005C8
    ev.sig event=1, count=1                     ; 126: 0xF000100100000000
    pp.qrow dst=372, src=18620, scale=43, dt=i32 ; 127: 0x2700BA122F000568
    pp.qrow dst=548, src=19132, scale=47, dt=i32 ; 128: 0x27011212AF0005E8
    ev.sig event=1, count=1                     ; 129: 0xF000100100000000
    ev.wait event=2, count=1                    ; 130: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 131: 0x2000010000800000
    pp.quant dst=17328, src=19632, scale=17456, dt=i32 ; 132: 0x2621D8132C088608
    ev.sig event=1, count=1                     ; 133: 0xF000100100000000
    ev.wait event=2, count=1                    ; 134: 0xF100200100000000
    pp.add dst=18096, a=18096, b=48, dt=i32     ; 135: 0x23235811AC000608
    pp.add dst=17328, a=17840, b=18096, dt=fp16 ; 136: 0x2321D8116C08D610
    pp.norm dst=17584, src=17328, params=56, kind=layer, dt=fp16 ; 137: 0x21225810EC000708
    pp.quant dst=17840, src=17584, scale=17968, dt=fp16 ; 138: 0x2622D8112C08C610
    ev.sig event=1, count=1                     ; 139: 0xF000100100000000
    ev.wait event=2, count=1                    ; 140: 0xF100200100000000
    pp.add dst=17970, a=17970, b=72, dt=i32     ; 141: 0x232319118C800908
    pp.len len=1024, group=1, stride=0          ; 142: 0x2000040000800000
    pp.act dst=20018, src=17970, fn=gelu, dt=i32 ; 143: 0x222719118C840000
    pp.quant dst=17584, src=20018, scale=18096, dt=fp16 ; 144: 0x262258138C88D610
    ev.sig event=1, count=1                     ; 145: 0xF000100100000000
    ev.wait event=2, count=1                    ; 146: 0xF100200100000000
    pp.add dst=18098, a=18098, b=104, dt=i32    ; 147: 0x23235911AC800D08
    pp.len len=256, group=1, stride=0           ; 148: 0x2000010000800000
    pp.add dst=17584, a=17328, b=18098, dt=fp16 ; 149: 0x23225810EC08D650
    pp.norm dst=17328, src=17584, params=112, kind=layer, dt=fp16 ; 150: 0x2121D8112C000E08
    pp.quant dst=17840, src=17328, scale=17968, dt=fp16 ; 151: 0x2622D810EC08C610
    ev.sig event=1, count=1                     ; 152: 0xF000100100000000
    ev.wait event=2, count=1                    ; 153: 0xF100200100000000
    pp.add dst=17970, a=17970, b=128, dt=i32    ; 154: 0x232319118C801008
    pp.quant dst=17840, src=17328, scale=17968, dt=fp16 ; 155: 0x2622D810EC08C610
    ev.sig event=1, count=1                     ; 156: 0xF000100100000000
    ev.wait event=2, count=1                    ; 157: 0xF100200100000000
    pp.add dst=18482, a=18482, b=136, dt=i32    ; 158: 0x232419120C801108
    pp.quant dst=17840, src=17328, scale=17968, dt=fp16 ; 159: 0x2622D810EC08C610
    ev.sig event=1, count=1                     ; 160: 0xF000100100000000
    ev.wait event=2, count=1                    ; 161: 0xF100200100000000
    pp.add dst=18994, a=18994, b=144, dt=i32    ; 162: 0x232519128C801208
    pp.quant dst=17328, src=17970, scale=17456, dt=i32 ; 163: 0x2621D8118C888608
    pp.len len=64, group=1, stride=256          ; 164: 0x2000004000808000
    pp.qrow dst=592, src=18482, scale=152, dt=i32 ; 165: 0x270128120C801308
    pp.qrow dst=768, src=18994, scale=156, dt=i32 ; 166: 0x270180128C801388
    ev.sig event=1, count=1                     ; 167: 0xF000100100000000
    pp.qrow dst=636, src=18486, scale=153, dt=i32 ; 168: 0x27013E120D801328
    pp.qrow dst=812, src=18998, scale=157, dt=i32 ; 169: 0x270196128D8013A8
    ev.sig event=1, count=1                     ; 170: 0xF000100100000000
    pp.qrow dst=680, src=18490, scale=154, dt=i32 ; 171: 0x270154120E801348
    pp.qrow dst=856, src=19002, scale=158, dt=i32 ; 172: 0x2701AC128E8013C8
    ev.sig event=1, count=1                     ; 173: 0xF000100100000000
    pp.qrow dst=724, src=18494, scale=155, dt=i32 ; 174: 0x27016A120F801368
    pp.qrow dst=900, src=19006, scale=159, dt=i32 ; 175: 0x2701C2128F8013E8
    ev.sig event=1, count=1                     ; 176: 0xF000100100000000
    ev.wait event=2, count=1                    ; 177: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 178: 0x2000010000800000
    pp.quant dst=17328, src=19506, scale=17456, dt=i32 ; 179: 0x2621D8130C888608
    ev.sig event=1, count=1                     ; 180: 0xF000100100000000
    ev.wait event=2, count=1                    ; 181: 0xF100200100000000
    pp.add dst=17840, a=17840, b=160, dt=i32    ; 182: 0x2322D8116C001408
    pp.add dst=17328, a=17584, b=17840, dt=fp16 ; 183: 0x2321D8112C08B610
    pp.norm dst=17584, src=17328, params=168, kind=layer, dt=fp16 ; 184: 0x21225810EC001508
    pp.quant dst=17840, src=17584, scale=17968, dt=fp16 ; 185: 0x2622D8112C08C610
    ev.sig event=1, count=1                     ; 186: 0xF000100100000000
    ev.wait event=2, count=1                    ; 187: 0xF100200100000000
    pp.add dst=17970, a=17970, b=184, dt=i32    ; 188: 0x232319118C801708
    pp.len len=1024, group=1, stride=0          ; 189: 0x2000040000800000
    pp.act dst=20018, src=17970, fn=gelu, dt=i32 ; 190: 0x222719118C840000
    pp.quant dst=17584, src=20018, scale=18096, dt=fp16 ; 191: 0x262258138C88D610
    ev.sig event=1, count=1                     ; 192: 0xF000100100000000
    ev.wait event=2, count=1                    ; 193: 0xF100200100000000
    pp.add dst=18098, a=18098, b=216, dt=i32    ; 194: 0x23235911AC801B08
    pp.len len=256, group=1, stride=0           ; 195: 0x2000010000800000
    pp.add dst=17584, a=17328, b=18098, dt=fp16 ; 196: 0x23225810EC08D650
    pp.tok first=39, count=1                    ; 197: 0x2800270001000000
    pp.norm dst=17328, src=17640, params=224, kind=layer, dt=fp16 ; 198: 0x2121D8113A001C08
    pp.quant dst=17584, src=17328, scale=17712, dt=fp16 ; 199: 0x26225810EC08A610
    ev.sig event=1, count=1                     ; 200: 0xF000100100000000
    ev.wait event=2, count=1                    ; 201: 0xF100200100000000
.entry decode
    ev.wait event=16, count=1                   ; 202: 0xF101000100000000
    ev.wait event=17, count=1                   ; 203: 0xF101100100000000
    pp.len len=256, group=1, stride=0           ; 204: 0x2000010000800000
    pp.add dst=17344, a=17328, b=17336, dt=fp16 ; 205: 0x2321E010EC087710
    pp.norm dst=17328, src=17344, params=0, kind=layer, dt=fp16 ; 206: 0x2121D810F0000008
    pp.quant dst=17336, src=17328, scale=17340, dt=fp16 ; 207: 0x2621DC10EC087790
    ev.sig event=1, count=1                     ; 208: 0xF000100100000000
    ev.wait event=2, count=1                    ; 209: 0xF100200100000000
    pp.add dst=17352, a=17352, b=16, dt=i32     ; 210: 0x2321E410F2000208
    pp.quant dst=17336, src=17328, scale=17340, dt=fp16 ; 211: 0x2621DC10EC087790
    ev.sig event=1, count=1                     ; 212: 0xF000100100000000
    ev.wait event=2, count=1                    ; 213: 0xF100200100000000
    pp.add dst=17368, a=17368, b=24, dt=i32     ; 214: 0x2321EC10F6000308
    pp.quant dst=17336, src=17328, scale=17340, dt=fp16 ; 215: 0x2621DC10EC087790
    ev.sig event=1, count=1                     ; 216: 0xF000100100000000
    ev.wait event=2, count=1                    ; 217: 0xF100200100000000
    pp.add dst=17384, a=17384, b=32, dt=i32     ; 218: 0x2321F410FA000408
    pp.quant dst=17328, src=17352, scale=17332, dt=i32 ; 219: 0x2621D810F2087688
    pp.len len=64, group=1, stride=256          ; 220: 0x2000004000808000
    pp.qrow dst=240, src=17368, scale=40, dt=i32 ; 221: 0x27007810F6000508
    pp.qrow dst=416, src=17384, scale=44, dt=i32 ; 222: 0x2700D010FA000588
    ev.sig event=1, count=1                     ; 223: 0xF000100100000000
    pp.qrow dst=284, src=17372, scale=41, dt=i32 ; 224: 0x27008E10F7000528
    pp.qrow dst=460, src=17388, scale=45, dt=i32 ; 225: 0x2700E610FB0005A8
    ev.sig event=1, count=1                     ; 226: 0xF000100100000000
    pp.qrow dst=328, src=17376, scale=42, dt=i32 ; 227: 0x2700A410F8000548
    pp.qrow dst=504, src=17392, scale=46, dt=i32 ; 228: 0x2700FC10FC0005C8
    ev.sig event=1, count=1                     ; 229: 0xF000100100000000
    pp.qrow dst=372, src=17380, scale=43, dt=i32 ; 230: 0x2700BA10F9000568
    pp.qrow dst=548, src=17396, scale=47, dt=i32 ; 231: 0x27011210FD0005E8
    ev.sig event=1, count=1                     ; 232: 0xF000100100000000
    ev.wait event=2, count=1                    ; 233: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 234: 0x2000010000800000
    pp.quant dst=17328, src=17400, scale=17332, dt=i32 ; 235: 0x2621D810FE087688
    ev.sig event=1, count=1                     ; 236: 0xF000100100000000
    ev.wait event=2, count=1                    ; 237: 0xF100200100000000
    pp.add dst=17352, a=17352, b=48, dt=i32     ; 238: 0x2321E410F2000608
    pp.add dst=17328, a=17344, b=17352, dt=fp16 ; 239: 0x2321D810F0087910
    pp.norm dst=17336, src=17328, params=56, kind=layer, dt=fp16 ; 240: 0x2121DC10EC000708
    pp.quant dst=17344, src=17336, scale=17348, dt=fp16 ; 241: 0x2621E010EE087890
    ev.sig event=1, count=1                     ; 242: 0xF000100100000000
    ev.wait event=2, count=1                    ; 243: 0xF100200100000000
    pp.add dst=17349, a=17349, b=72, dt=i32     ; 244: 0x2321E290F1400908
    pp.len len=1024, group=1, stride=0          ; 245: 0x2000040000800000
    pp.act dst=17413, src=17349, fn=gelu, dt=i32 ; 246: 0x22220290F1440000
    pp.quant dst=17336, src=17413, scale=17352, dt=fp16 ; 247: 0x2621DC1101487910
    ev.sig event=1, count=1                     ; 248: 0xF000100100000000
    ev.wait event=2, count=1                    ; 249: 0xF100200100000000
    pp.add dst=17353, a=17353, b=104, dt=i32    ; 250: 0x2321E490F2400D08
    pp.len len=256, group=1, stride=0           ; 251: 0x2000010000800000
    pp.add dst=17336, a=17328, b=17353, dt=fp16 ; 252: 0x2321DC10EC087930
    pp.norm dst=17328, src=17336, params=112, kind=layer, dt=fp16 ; 253: 0x2121D810EE000E08
    pp.quant dst=17344, src=17328, scale=17348, dt=fp16 ; 254: 0x2621E010EC087890
    ev.sig event=1, count=1                     ; 255: 0xF000100100000000
    ev.wait event=2, count=1                    ; 256: 0xF100200100000000
    pp.add dst=17349, a=17349, b=128, dt=i32    ; 257: 0x2321E290F1401008
    pp.quant dst=17344, src=17328, scale=17348, dt=fp16 ; 258: 0x2621E010EC087890
    ev.sig event=1, count=1                     ; 259: 0xF000100100000000
    ev.wait event=2, count=1                    ; 260: 0xF100200100000000
    pp.add dst=17365, a=17365, b=136, dt=i32    ; 261: 0x2321EA90F5401108
    pp.quant dst=17344, src=17328, scale=17348, dt=fp16 ; 262: 0x2621E010EC087890
    ev.sig event=1, count=1                     ; 263: 0xF000100100000000
    ev.wait event=2, count=1                    ; 264: 0xF100200100000000
    pp.add dst=17381, a=17381, b=144, dt=i32    ; 265: 0x2321F290F9401208
    pp.quant dst=17328, src=17349, scale=17332, dt=i32 ; 266: 0x2621D810F1487688
    pp.len len=64, group=1, stride=256          ; 267: 0x2000004000808000
    pp.qrow dst=592, src=17365, scale=152, dt=i32 ; 268: 0x27012810F5401308
    pp.qrow dst=768, src=17381, scale=156, dt=i32 ; 269: 0x27018010F9401388
    ev.sig event=1, count=1                     ; 270: 0xF000100100000000
    pp.qrow dst=636, src=17369, scale=153, dt=i32 ; 271: 0x27013E10F6401328
    pp.qrow dst=812, src=17385, scale=157, dt=i32 ; 272: 0x27019610FA4013A8
    ev.sig event=1, count=1                     ; 273: 0xF000100100000000
    pp.qrow dst=680, src=17373, scale=154, dt=i32 ; 274: 0x27015410F7401348
    pp.qrow dst=856, src=17389, scale=158, dt=i32 ; 275: 0x2701AC10FB4013C8
    ev.sig event=1, count=1                     ; 276: 0xF000100100000000
    pp.qrow dst=724, src=17377, scale=155, dt=i32 ; 277: 0x27016A10F8401368
    pp.qrow dst=900, src=17393, scale=159, dt=i32 ; 278: 0x2701C210FC4013E8
    ev.sig event=1, count=1                     ; 279: 0xF000100100000000
    ev.wait event=2, count=1                    ; 280: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 281: 0x2000010000800000
    pp.quant dst=17328, src=17397, scale=17332, dt=i32 ; 282: 0x2621D810FD487688
    ev.sig event=1, count=1                     ; 283: 0xF000100100000000
    ev.wait event=2, count=1                    ; 284: 0xF100200100000000
    pp.add dst=17344, a=17344, b=160, dt=i32    ; 285: 0x2321E010F0001408
    pp.add dst=17328, a=17336, b=17344, dt=fp16 ; 286: 0x2321D810EE087810
    pp.norm dst=17336, src=17328, params=168, kind=layer, dt=fp16 ; 287: 0x2121DC10EC001508
    pp.quant dst=17344, src=17336, scale=17348, dt=fp16 ; 288: 0x2621E010EE087890
    ev.sig event=1, count=1                     ; 289: 0xF000100100000000
    ev.wait event=2, count=1                    ; 290: 0xF100200100000000
    pp.add dst=17349, a=17349, b=184, dt=i32    ; 291: 0x2321E290F1401708
    pp.len len=1024, group=1, stride=0          ; 292: 0x2000040000800000
    pp.act dst=17413, src=17349, fn=gelu, dt=i32 ; 293: 0x22220290F1440000
    pp.quant dst=17336, src=17413, scale=17352, dt=fp16 ; 294: 0x2621DC1101487910
    ev.sig event=1, count=1                     ; 295: 0xF000100100000000
    ev.wait event=2, count=1                    ; 296: 0xF100200100000000
    pp.add dst=17353, a=17353, b=216, dt=i32    ; 297: 0x2321E490F2401B08
    pp.len len=256, group=1, stride=0           ; 298: 0x2000010000800000
    pp.add dst=17336, a=17328, b=17353, dt=fp16 ; 299: 0x2321DC10EC087930
    pp.norm dst=17328, src=17336, params=224, kind=layer, dt=fp16 ; 300: 0x2121D810EE001C08
    pp.quant dst=17336, src=17328, scale=17340, dt=fp16 ; 301: 0x2621DC10EC087790
    ev.sig event=1, count=1                     ; 302: 0xF000100100000000
    ev.wait event=2, count=1                    ; 303: 0xF100200100000000

.systolic 0
.debug first=0, count=13, op=5, name="l0.q"
.debug first=13, count=12, op=6, name="l0.k"
.debug first=25, count=12, op=7, name="l0.v"
.debug first=37, count=33, op=8, name="l0.attn"
.debug first=70, count=12, op=9, name="l0.o"
.debug first=82, count=13, op=12, name="l0.fc1"
.debug first=95, count=13, op=14, name="l0.fc2"
.debug first=108, count=12, op=17, name="l1.q"
.debug first=120, count=12, op=18, name="l1.k"
.debug first=132, count=12, op=19, name="l1.v"
.debug first=144, count=33, op=20, name="l1.attn"
.debug first=177, count=12, op=21, name="l1.o"
.debug first=189, count=13, op=24, name="l1.fc1"
.debug first=202, count=13, op=26, name="l1.fc2"
.debug first=215, count=12, op=5, name="l0.q"
.debug first=227, count=12, op=6, name="l0.k"
.debug first=239, count=12, op=7, name="l0.v"
.debug first=251, count=33, op=8, name="l0.attn"
.debug first=284, count=12, op=9, name="l0.o"
.debug first=296, count=13, op=12, name="l0.fc1"
.debug first=309, count=13, op=14, name="l0.fc2"
.debug first=322, count=12, op=17, name="l1.q"
.debug first=334, count=12, op=18, name="l1.k"
.debug first=346, count=12, op=19, name="l1.v"
.debug first=358, count=33, op=20, name="l1.attn"
.debug first=391, count=12, op=21, name="l1.o"
.debug first=403, count=13, op=24, name="l1.fc1"
.debug first=416, count=13, op=26, name="l1.fc2"
.debug first=429, count=15, op=30, name="logits"
.debug first=444, count=13, op=1048581, name="l0.q"
.debug first=457, count=12, op=1048582, name="l0.k"
.debug first=469, count=12, op=1048583, name="l0.v"
.debug first=481, count=26, op=1048584, name="l0.attn"
.debug first=507, count=13, op=1048585, name="l0.o"
.debug first=520, count=13, op=1048588, name="l0.fc1"
.debug first=533, count=13, op=1048590, name="l0.fc2"
.debug first=546, count=12, op=1048593, name="l1.q"
.debug first=558, count=12, op=1048594, name="l1.k"
.debug first=570, count=12, op=1048595, name="l1.v"
.debug first=582, count=26, op=1048596, name="l1.attn"
.debug first=608, count=13, op=1048597, name="l1.o"
.debug first=621, count=13, op=1048600, name="l1.fc1"
.debug first=634, count=13, op=1048602, name="l1.fc2"
.debug first=647, count=15, op=1048605, name="logits"
.entry prefill
    ev.wait event=1, count=1                    ; 0: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 1: 0x4301000000000000
    ev.wait event=144, count=1                  ; 2: 0xF109000100000000
    ev.wait event=145, count=1                  ; 3: 0xF109100100000000
    ev.wait event=146, count=1                  ; 4: 0xF109200100000000
    ev.wait event=147, count=1                  ; 5: 0xF109300100000000
    sa.mshape m=32, n=256, k=256, span=dense    ; 6: 0x4201000080000800
    sa.mm c=18096, a=17584, b=944, wt=i1, acc=set ; 7: 0x442358112C007608
    ev.sig event=208, count=1                   ; 8: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 9: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 10: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 11: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 12: 0xF000200100000000
    ev.wait event=1, count=1                    ; 13: 0xF100100100000000
    ev.wait event=144, count=1                  ; 14: 0xF109000100000000
    ev.wait event=145, count=1                  ; 15: 0xF109100100000000
    ev.wait event=146, count=1                  ; 16: 0xF109200100000000
    ev.wait event=147, count=1                  ; 17: 0xF109300100000000
    sa.mshape m=32, n=256, k=256, span=dense    ; 18: 0x4201000080000800
    sa.mm c=18608, a=17584, b=944, wt=i1, acc=set ; 19: 0x442458112C007608
    ev.sig event=208, count=1                   ; 20: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 21: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 22: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 23: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 24: 0xF000200100000000
    ev.wait event=1, count=1                    ; 25: 0xF100100100000000
    ev.wait event=144, count=1                  ; 26: 0xF109000100000000
    ev.wait event=145, count=1                  ; 27: 0xF109100100000000
    ev.wait event=146, count=1                  ; 28: 0xF109200100000000
    ev.wait event=147, count=1                  ; 29: 0xF109300100000000
    sa.mshape m=32, n=256, k=256, span=dense    ; 30: 0x4201000080000800
    sa.mm c=19120, a=17584, b=944, wt=i1, acc=set ; 31: 0x442558112C007608
    ev.sig event=208, count=1                   ; 32: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 33: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 34: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 35: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 36: 0xF000200100000000
    ev.wait event=1, count=1                    ; 37: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 38: 0x4300000100000000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 39: 0x4201000010000201
    sa.mm c=17458, a=17328, b=240, wt=i8, acc=set ; 40: 0x44221910EC001E00
    sa.msmx dst=17538, src=17458                ; 41: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 42: 0x4301000000000000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 43: 0x4201000020000102
    sa.mm c=19632, a=17538, b=416, wt=i8, acc=set ; 44: 0x4426581120803400
    ev.wait event=1, count=1                    ; 45: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 46: 0x4300000100000000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 47: 0x4201000010000201
    sa.mm c=17458, a=17329, b=284, wt=i8, acc=set ; 48: 0x44221910EC402380
    sa.msmx dst=17538, src=17458                ; 49: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 50: 0x4301000000000000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 51: 0x4201000020000102
    sa.mm c=19636, a=17538, b=460, wt=i8, acc=set ; 52: 0x44265A1120803980
    ev.wait event=1, count=1                    ; 53: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 54: 0x4300000100000000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 55: 0x4201000010000201
    sa.mm c=17458, a=17330, b=328, wt=i8, acc=set ; 56: 0x44221910EC802900
    sa.msmx dst=17538, src=17458                ; 57: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 58: 0x4301000000000000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 59: 0x4201000020000102
    sa.mm c=19640, a=17538, b=504, wt=i8, acc=set ; 60: 0x44265C1120803F00
    ev.wait event=1, count=1                    ; 61: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 62: 0x4300000100000000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 63: 0x4201000010000201
    sa.mm c=17458, a=17331, b=372, wt=i8, acc=set ; 64: 0x44221910ECC02E80
    sa.msmx dst=17538, src=17458                ; 65: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 66: 0x4301000000000000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 67: 0x4201000020000102
    sa.mm c=19644, a=17538, b=548, wt=i8, acc=set ; 68: 0x44265E1120804480
    ev.sig event=2, count=1                     ; 69: 0xF000200100000000
    ev.wait event=1, count=1                    ; 70: 0xF100100100000000
    ev.wait event=144, count=1                  ; 71: 0xF109000100000000
    ev.wait event=145, count=1                  ; 72: 0xF109100100000000
    ev.wait event=146, count=1                  ; 73: 0xF109200100000000
    ev.wait event=147, count=1                  ; 74: 0xF109300100000000
    sa.mshape m=32, n=256, k=256, span=dense    ; 75: 0x4201000080000800
    sa.mm c=18096, a=17328, b=944, wt=i1, acc=set ; 76: 0x44235810EC007608
    ev.sig event=208, count=1                   ; 77: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 78: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 79: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 80: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 81: 0xF000200100000000
    ev.wait event=1, count=1                    ; 82: 0xF100100100000000
    sa.stride c=1024, a=0, b=0                  ; 83: 0x4304000000000000
    ev.wait event=144, count=1                  ; 84: 0xF109000100000000
    ev.wait event=145, count=1                  ; 85: 0xF109100100000000
    ev.wait event=146, count=1                  ; 86: 0xF109200100000000
    ev.wait event=147, count=1                  ; 87: 0xF109300100000000
    sa.mshape m=32, n=1024, k=256, span=dense   ; 88: 0x4201000200000800
    sa.mm c=17970, a=17840, b=944, wt=i1, acc=set ; 89: 0x442319116C007608
    ev.sig event=208, count=1                   ; 90: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 91: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 92: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 93: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 94: 0xF000200100000000
    ev.wait event=1, count=1                    ; 95: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 96: 0x4301000000000000
    ev.wait event=144, count=1                  ; 97: 0xF109000100000000
    ev.wait event=145, count=1                  ; 98: 0xF109100100000000
    ev.wait event=146, count=1                  ; 99: 0xF109200100000000
    ev.wait event=147, count=1                  ; 100: 0xF109300100000000
    sa.mshape m=32, n=256, k=1024, span=dense   ; 101: 0x4201000080002000
    sa.mm c=18098, a=17584, b=944, wt=i1, acc=set ; 102: 0x442359112C007608
    ev.sig event=208, count=1                   ; 103: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 104: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 105: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 106: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 107: 0xF000200100000000
    ev.wait event=1, count=1                    ; 108: 0xF100100100000000
    ev.wait event=144, count=1                  ; 109: 0xF109000100000000
    ev.wait event=145, count=1                  ; 110: 0xF109100100000000
    ev.wait event=146, count=1                  ; 111: 0xF109200100000000
    ev.wait event=147, count=1                  ; 112: 0xF109300100000000
    sa.mshape m=32, n=256, k=256, span=dense    ; 113: 0x4201000080000800
    sa.mm c=17970, a=17840, b=944, wt=i1, acc=set ; 114: 0x442319116C007608
    ev.sig event=208, count=1                   ; 115: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 116: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 117: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 118: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 119: 0xF000200100000000
    ev.wait event=1, count=1                    ; 120: 0xF100100100000000
    ev.wait event=144, count=1                  ; 121: 0xF109000100000000
    ev.wait event=145, count=1                  ; 122: 0xF109100100000000
    ev.wait event=146, count=1                  ; 123: 0xF109200100000000
    ev.wait event=147, count=1                  ; 124: 0xF109300100000000
    sa.mshape m=32, n=256, k=256, span=dense    ; 125: 0x4201000080000800
    sa.mm c=18482, a=17840, b=944, wt=i1, acc=set ; 126: 0x442419116C007608
    ev.sig event=208, count=1                   ; 127: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 128: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 129: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 130: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 131: 0xF000200100000000
    ev.wait event=1, count=1                    ; 132: 0xF100100100000000
    ev.wait event=144, count=1                  ; 133: 0xF109000100000000
    ev.wait event=145, count=1                  ; 134: 0xF109100100000000
    ev.wait event=146, count=1                  ; 135: 0xF109200100000000
    ev.wait event=147, count=1                  ; 136: 0xF109300100000000
    sa.mshape m=32, n=256, k=256, span=dense    ; 137: 0x4201000080000800
    sa.mm c=18994, a=17840, b=944, wt=i1, acc=set ; 138: 0x442519116C007608
    ev.sig event=208, count=1                   ; 139: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 140: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 141: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 142: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 143: 0xF000200100000000
    ev.wait event=1, count=1                    ; 144: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 145: 0x4300000100000000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 146: 0x4201000010000201
    sa.mm c=17458, a=17328, b=592, wt=i8, acc=set ; 147: 0x44221910EC004A00
    sa.msmx dst=17538, src=17458                ; 148: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 149: 0x4301000000000000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 150: 0x4201000020000102
    sa.mm c=19506, a=17538, b=768, wt=i8, acc=set ; 151: 0x4426191120806000
    ev.wait event=1, count=1                    ; 152: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 153: 0x4300000100000000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 154: 0x4201000010000201
    sa.mm c=17458, a=17329, b=636, wt=i8, acc=set ; 155: 0x44221910EC404F80
    sa.msmx dst=17538, src=17458                ; 156: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 157: 0x4301000000000000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 158: 0x4201000020000102
    sa.mm c=19510, a=17538, b=812, wt=i8, acc=set ; 159: 0x44261B1120806580
    ev.wait event=1, count=1                    ; 160: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 161: 0x4300000100000000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 162: 0x4201000010000201
    sa.mm c=17458, a=17330, b=680, wt=i8, acc=set ; 163: 0x44221910EC805500
    sa.msmx dst=17538, src=17458                ; 164: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 165: 0x4301000000000000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 166: 0x4201000020000102
    sa.mm c=19514, a=17538, b=856, wt=i8, acc=set ; 167: 0x44261D1120806B00
    ev.wait event=1, count=1                    ; 168: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 169: 0x4300000100000000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 170: 0x4201000010000201
    sa.mm c=17458, a=17331, b=724, wt=i8, acc=set ; 171: 0x44221910ECC05A80
    sa.msmx dst=17538, src=17458                ; 172: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 173: 0x4301000000000000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 174: 0x4201000020000102
    sa.mm c=19518, a=17538, b=900, wt=i8, acc=set ; 175: 0x44261F1120807080
    ev.sig event=2, count=1                     ; 176: 0xF000200100000000
    ev.wait event=1, count=1                    ; 177: 0xF100100100000000
    ev.wait event=144, count=1                  ; 178: 0xF109000100000000
    ev.wait event=145, count=1                  ; 179: 0xF109100100000000
    ev.wait event=146, count=1                  ; 180: 0xF109200100000000
    ev.wait event=147, count=1                  ; 181: 0xF109300100000000
    sa.mshape m=32, n=256, k=256, span=dense    ; 182: 0x4201000080000800
    sa.mm c=17840, a=17328, b=944, wt=i1, acc=set ; 183: 0x4422D810EC007608
    ev.sig event=208, count=1                   ; 184: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 185: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 186: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 187: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 188: 0xF000200100000000
    ev.wait event=1, count=1                    ; 189: 0xF100100100000000
    sa.stride c=1024, a=0, b=0                  ; 190: 0x4304000000000000
    ev.wait event=144, count=1                  ; 191: 0xF109000100000000
    ev.wait event=145, count=1                  ; 192: 0xF109100100000000
    ev.wait event=146, count=1                  ; 193: 0xF109200100000000
    ev.wait event=147, count=1                  ; 194: 0xF109300100000000
    sa.mshape m=32, n=1024, k=256, span=dense   ; 195: 0x4201000200000800
    sa.mm c=17970, a=17840, b=944, wt=i1, acc=set ; 196: 0x442319116C007608
    ev.sig event=208, count=1                   ; 197: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 198: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 199: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 200: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 201: 0xF000200100000000
    ev.wait event=1, count=1                    ; 202: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 203: 0x4301000000000000
    ev.wait event=144, count=1                  ; 204: 0xF109000100000000
    ev.wait event=145, count=1                  ; 205: 0xF109100100000000
    ev.wait event=146, count=1                  ; 206: 0xF109200100000000
    ev.wait event=147, count=1                  ; 207: 0xF109300100000000
    sa.mshape m=32, n=256, k=1024, span=dense   ; 208: 0x4201000080002000
    sa.mm c=18098, a=17584, b=944, wt=i1, acc=set ; 209: 0x442359112C007608
    ev.sig event=208, count=1                   ; 210: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 211: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 212: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 213: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 214: 0xF000200100000000
    ev.wait event=1, count=1                    ; 215: 0xF100100100000000
    ev.wait event=144, count=1                  ; 216: 0xF109000100000000
    ev.wait event=145, count=1                  ; 217: 0xF109100100000000
    ev.wait event=146, count=1                  ; 218: 0xF109200100000000
    ev.wait event=147, count=1                  ; 219: 0xF109300100000000
    sa.mshape m=8, n=256, k=256, span=dense     ; 220: 0x4200400080000800
    sa.mm c=18096, a=17584, b=944, wt=i1, acc=set ; 221: 0x442358112C007608
    ev.sig event=208, count=1                   ; 222: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 223: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 224: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 225: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 226: 0xF000200100000000
    ev.wait event=1, count=1                    ; 227: 0xF100100100000000
    ev.wait event=144, count=1                  ; 228: 0xF109000100000000
    ev.wait event=145, count=1                  ; 229: 0xF109100100000000
    ev.wait event=146, count=1                  ; 230: 0xF109200100000000
    ev.wait event=147, count=1                  ; 231: 0xF109300100000000
    sa.mshape m=8, n=256, k=256, span=dense     ; 232: 0x4200400080000800
    sa.mm c=18608, a=17584, b=944, wt=i1, acc=set ; 233: 0x442458112C007608
    ev.sig event=208, count=1                   ; 234: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 235: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 236: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 237: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 238: 0xF000200100000000
    ev.wait event=1, count=1                    ; 239: 0xF100100100000000
    ev.wait event=144, count=1                  ; 240: 0xF109000100000000
    ev.wait event=145, count=1                  ; 241: 0xF109100100000000
    ev.wait event=146, count=1                  ; 242: 0xF109200100000000
    ev.wait event=147, count=1                  ; 243: 0xF109300100000000
    sa.mshape m=8, n=256, k=256, span=dense     ; 244: 0x4200400080000800
    sa.mm c=19120, a=17584, b=944, wt=i1, acc=set ; 245: 0x442558112C007608
    ev.sig event=208, count=1                   ; 246: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 247: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 248: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 249: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 250: 0xF000200100000000
    ev.wait event=1, count=1                    ; 251: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 252: 0x4300000100000000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 253: 0x4200400014000201
    sa.mm c=17458, a=17328, b=240, wt=i8, acc=set ; 254: 0x44221910EC001E00
    sa.msmx dst=17538, src=17458                ; 255: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 256: 0x4301000000000000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 257: 0x4200400020000142
    sa.mm c=19632, a=17538, b=416, wt=i8, acc=set ; 258: 0x4426581120803400
    ev.wait event=1, count=1                    ; 259: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 260: 0x4300000100000000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 261: 0x4200400014000201
    sa.mm c=17458, a=17329, b=284, wt=i8, acc=set ; 262: 0x44221910EC402380
    sa.msmx dst=17538, src=17458                ; 263: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 264: 0x4301000000000000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 265: 0x4200400020000142
    sa.mm c=19636, a=17538, b=460, wt=i8, acc=set ; 266: 0x44265A1120803980
    ev.wait event=1, count=1                    ; 267: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 268: 0x4300000100000000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 269: 0x4200400014000201
    sa.mm c=17458, a=17330, b=328, wt=i8, acc=set ; 270: 0x44221910EC802900
    sa.msmx dst=17538, src=17458                ; 271: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 272: 0x4301000000000000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 273: 0x4200400020000142
    sa.mm c=19640, a=17538, b=504, wt=i8, acc=set ; 274: 0x44265C1120803F00
    ev.wait event=1, count=1                    ; 275: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 276: 0x4300000100000000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 277: 0x4200400014000201
    sa.mm c=17458, a=17331, b=372, wt=i8, acc=set ; 278: 0x44221910ECC02E80
    sa.msmx dst=17538, src=17458                ; 279: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 280: 0x4301000000000000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 281: 0x4200400020000142
    sa.mm c=19644, a=17538, b=548, wt=i8, acc=set ; 282: 0x44265E1120804480
    ev.sig event=2, count=1                     ; 283: 0xF000200100000000
    ev.wait event=1, count=1                    ; 284: 0xF100100100000000
    ev.wait event=144, count=1                  ; 285: 0xF109000100000000
    ev.wait event=145, count=1                  ; 286: 0xF109100100000000
    ev.wait event=146, count=1                  ; 287: 0xF109200100000000
    ev.wait event=147, count=1                  ; 288: 0xF109300100000000
    sa.mshape m=8, n=256, k=256, span=dense     ; 289: 0x4200400080000800
    sa.mm c=18096, a=17328, b=944, wt=i1, acc=set ; 290: 0x44235810EC007608
    ev.sig event=208, count=1                   ; 291: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 292: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 293: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 294: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 295: 0xF000200100000000
    ev.wait event=1, count=1                    ; 296: 0xF100100100000000
    sa.stride c=1024, a=0, b=0                  ; 297: 0x4304000000000000
    ev.wait event=144, count=1                  ; 298: 0xF109000100000000
    ev.wait event=145, count=1                  ; 299: 0xF109100100000000
    ev.wait event=146, count=1                  ; 300: 0xF109200100000000
    ev.wait event=147, count=1                  ; 301: 0xF109300100000000
    sa.mshape m=8, n=1024, k=256, span=dense    ; 302: 0x4200400200000800
    sa.mm c=17970, a=17840, b=944, wt=i1, acc=set ; 303: 0x442319116C007608
    ev.sig event=208, count=1                   ; 304: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 305: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 306: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 307: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 308: 0xF000200100000000
    ev.wait event=1, count=1                    ; 309: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 310: 0x4301000000000000
    ev.wait event=144, count=1                  ; 311: 0xF109000100000000
    ev.wait event=145, count=1                  ; 312: 0xF109100100000000
    ev.wait event=146, count=1                  ; 313: 0xF109200100000000
    ev.wait event=147, count=1                  ; 314: 0xF109300100000000
    sa.mshape m=8, n=256, k=1024, span=dense    ; 315: 0x4200400080002000
    sa.mm c=18098, a=17584, b=944, wt=i1, acc=set ; 316: 0x442359112C007608
    ev.sig event=208, count=1                   ; 317: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 318: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 319: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 320: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 321: 0xF000200100000000
    ev.wait event=1, count=1                    ; 322: 0xF100100100000000
    ev.wait event=144, count=1                  ; 323: 0xF109000100000000
    ev.wait event=145, count=1                  ; 324: 0xF109100100000000
    ev.wait event=146, count=1                  ; 325: 0xF109200100000000
    ev.wait event=147, count=1                  ; 326: 0xF109300100000000
    sa.mshape m=8, n=256, k=256, span=dense     ; 327: 0x4200400080000800
    sa.mm c=17970, a=17840, b=944, wt=i1, acc=set ; 328: 0x442319116C007608
    ev.sig event=208, count=1                   ; 329: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 330: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 331: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 332: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 333: 0xF000200100000000
    ev.wait event=1, count=1                    ; 334: 0xF100100100000000
    ev.wait event=144, count=1                  ; 335: 0xF109000100000000
    ev.wait event=145, count=1                  ; 336: 0xF109100100000000
    ev.wait event=146, count=1                  ; 337: 0xF109200100000000
    ev.wait event=147, count=1                  ; 338: 0xF109300100000000
    sa.mshape m=8, n=256, k=256, span=dense     ; 339: 0x4200400080000800
    sa.mm c=18482, a=17840, b=944, wt=i1, acc=set ; 340: 0x442419116C007608
    ev.sig event=208, count=1                   ; 341: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 342: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 343: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 344: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 345: 0xF000200100000000
    ev.wait event=1, count=1                    ; 346: 0xF100100100000000
    ev.wait event=144, count=1                  ; 347: 0xF109000100000000
    ev.wait event=145, count=1                  ; 348: 0xF109100100000000
    ev.wait event=146, count=1                  ; 349: 0xF109200100000000
    ev.wait event=147, count=1                  ; 350: 0xF109300100000000
    sa.mshape m=8, n=256, k=256, span=dense     ; 351: 0x4200400080000800
    sa.mm c=18994, a=17840, b=944, wt=i1, acc=set ; 352: 0x442519116C007608
    ev.sig event=208, count=1                   ; 353: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 354: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 355: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 356: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 357: 0xF000200100000000
    ev.wait event=1, count=1                    ; 358: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 359: 0x4300000100000000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 360: 0x4200400014000201
    sa.mm c=17458, a=17328, b=592, wt=i8, acc=set ; 361: 0x44221910EC004A00
    sa.msmx dst=17538, src=17458                ; 362: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 363: 0x4301000000000000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 364: 0x4200400020000142
    sa.mm c=19506, a=17538, b=768, wt=i8, acc=set ; 365: 0x4426191120806000
    ev.wait event=1, count=1                    ; 366: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 367: 0x4300000100000000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 368: 0x4200400014000201
    sa.mm c=17458, a=17329, b=636, wt=i8, acc=set ; 369: 0x44221910EC404F80
    sa.msmx dst=17538, src=17458                ; 370: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 371: 0x4301000000000000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 372: 0x4200400020000142
    sa.mm c=19510, a=17538, b=812, wt=i8, acc=set ; 373: 0x44261B1120806580
    ev.wait event=1, count=1                    ; 374: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 375: 0x4300000100000000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 376: 0x4200400014000201
    sa.mm c=17458, a=17330, b=680, wt=i8, acc=set ; 377: 0x44221910EC805500
    sa.msmx dst=17538, src=17458                ; 378: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 379: 0x4301000000000000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 380: 0x4200400020000142
    sa.mm c=19514, a=17538, b=856, wt=i8, acc=set ; 381: 0x44261D1120806B00
    ev.wait event=1, count=1                    ; 382: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 383: 0x4300000100000000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 384: 0x4200400014000201
    sa.mm c=17458, a=17331, b=724, wt=i8, acc=set ; 385: 0x44221910ECC05A80
    sa.msmx dst=17538, src=17458                ; 386: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 387: 0x4301000000000000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 388: 0x4200400020000142
    sa.mm c=19518, a=17538, b=900, wt=i8, acc=set ; 389: 0x44261F1120807080
    ev.sig event=2, count=1                     ; 390: 0xF000200100000000
    ev.wait event=1, count=1                    ; 391: 0xF100100100000000
    ev.wait event=144, count=1                  ; 392: 0xF109000100000000
    ev.wait event=145, count=1                  ; 393: 0xF109100100000000
    ev.wait event=146, count=1                  ; 394: 0xF109200100000000
    ev.wait event=147, count=1                  ; 395: 0xF109300100000000
    sa.mshape m=8, n=256, k=256, span=dense     ; 396: 0x4200400080000800
    sa.mm c=17840, a=17328, b=944, wt=i1, acc=set ; 397: 0x4422D810EC007608
    ev.sig event=208, count=1                   ; 398: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 399: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 400: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 401: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 402: 0xF000200100000000
    ev.wait event=1, count=1                    ; 403: 0xF100100100000000
    sa.stride c=1024, a=0, b=0                  ; 404: 0x4304000000000000
    ev.wait event=144, count=1                  ; 405: 0xF109000100000000
    ev.wait event=145, count=1                  ; 406: 0xF109100100000000
    ev.wait event=146, count=1                  ; 407: 0xF109200100000000
    ev.wait event=147, count=1                  ; 408: 0xF109300100000000
    sa.mshape m=8, n=1024, k=256, span=dense    ; 409: 0x4200400200000800
    sa.mm c=17970, a=17840, b=944, wt=i1, acc=set ; 410: 0x442319116C007608
    ev.sig event=208, count=1                   ; 411: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 412: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 413: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 414: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 415: 0xF000200100000000
    ev.wait event=1, count=1                    ; 416: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 417: 0x4301000000000000
    ev.wait event=144, count=1                  ; 418: 0xF109000100000000
    ev.wait event=145, count=1                  ; 419: 0xF109100100000000
    ev.wait event=146, count=1                  ; 420: 0xF109200100000000
    ev.wait event=147, count=1                  ; 421: 0xF109300100000000
    sa.mshape m=8, n=256, k=1024, span=dense    ; 422: 0x4200400080002000
    sa.mm c=18098, a=17584, b=944, wt=i1, acc=set ; 423: 0x442359112C007608
    ev.sig event=208, count=1                   ; 424: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 425: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 426: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 427: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 428: 0xF000200100000000
    ev.wait event=1, count=1                    ; 429: 0xF100100100000000
    sa.stride c=0, a=0, b=0                     ; 430: 0x4300000000000000
    ev.wait event=144, count=1                  ; 431: 0xF109000100000000
    ev.wait event=145, count=1                  ; 432: 0xF109100100000000
    ev.wait event=146, count=1                  ; 433: 0xF109200100000000
    ev.wait event=147, count=1                  ; 434: 0xF109300100000000
    sa.mshape m=1, n=512, k=256, span=dense     ; 435: 0x4200080100000800
    sa.mm c=17714, a=17584, b=944, wt=i8, acc=set ; 436: 0x442299112C007600
    ev.sig event=208, count=1                   ; 437: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 438: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 439: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 440: 0xF00D300100000000
    ev.sig event=3, count=1                     ; 441: 0xF000300100000000
    ev.wait event=4, count=1                    ; 442: 0xF100400100000000
    ev.sig event=2, count=1                     ; 443: 0xF000200100000000
.entry decode
    ev.wait event=1, count=1                    ; 444: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 445: 0x4301000000000000
    ev.wait event=144, count=1                  ; 446: 0xF109000100000000
    ev.wait event=145, count=1                  ; 447: 0xF109100100000000
    ev.wait event=146, count=1                  ; 448: 0xF109200100000000
    ev.wait event=147, count=1                  ; 449: 0xF109300100000000
    sa.mshape m=1, n=256, k=256, span=dense     ; 450: 0x4200080080000800
    sa.mm c=17352, a=17336, b=944, wt=i1, acc=set ; 451: 0x4421E410EE007608
    ev.sig event=208, count=1                   ; 452: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 453: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 454: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 455: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 456: 0xF000200100000000
    ev.wait event=1, count=1                    ; 457: 0xF100100100000000
    ev.wait event=144, count=1                  ; 458: 0xF109000100000000
    ev.wait event=145, count=1                  ; 459: 0xF109100100000000
    ev.wait event=146, count=1                  ; 460: 0xF109200100000000
    ev.wait event=147, count=1                  ; 461: 0xF109300100000000
    sa.mshape m=1, n=256, k=256, span=dense     ; 462: 0x4200080080000800
    sa.mm c=17368, a=17336, b=944, wt=i1, acc=set ; 463: 0x4421EC10EE007608
    ev.sig event=208, count=1                   ; 464: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 465: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 466: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 467: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 468: 0xF000200100000000
    ev.wait event=1, count=1                    ; 469: 0xF100100100000000
    ev.wait event=144, count=1                  ; 470: 0xF109000100000000
    ev.wait event=145, count=1                  ; 471: 0xF109100100000000
    ev.wait event=146, count=1                  ; 472: 0xF109200100000000
    ev.wait event=147, count=1                  ; 473: 0xF109300100000000
    sa.mshape m=1, n=256, k=256, span=dense     ; 474: 0x4200080080000800
    sa.mm c=17384, a=17336, b=944, wt=i1, acc=set ; 475: 0x4421F410EE007608
    ev.sig event=208, count=1                   ; 476: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 477: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 478: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 479: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 480: 0xF000200100000000
    ev.wait event=1, count=1                    ; 481: 0xF100100100000000
    sa.stride c=0, a=0, b=0                     ; 482: 0x4300000000000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 483: 0x4200080016000203
    sa.mm c=17333, a=17328, b=240, wt=i8, acc=set ; 484: 0x4421DA90EC001E00
    sa.msmx dst=17336, src=17333                ; 485: 0x5121DC10ED400000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 486: 0x4200080020000164
    sa.mm c=17400, a=17336, b=416, wt=i8, acc=set ; 487: 0x4421FC10EE003400
    ev.wait event=1, count=1                    ; 488: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 489: 0x4200080016000203
    sa.mm c=17333, a=17329, b=284, wt=i8, acc=set ; 490: 0x4421DA90EC402380
    sa.msmx dst=17336, src=17333                ; 491: 0x5121DC10ED400000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 492: 0x4200080020000164
    sa.mm c=17404, a=17336, b=460, wt=i8, acc=set ; 493: 0x4421FE10EE003980
    ev.wait event=1, count=1                    ; 494: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 495: 0x4200080016000203
    sa.mm c=17333, a=17330, b=328, wt=i8, acc=set ; 496: 0x4421DA90EC802900
    sa.msmx dst=17336, src=17333                ; 497: 0x5121DC10ED400000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 498: 0x4200080020000164
    sa.mm c=17408, a=17336, b=504, wt=i8, acc=set ; 499: 0x44220010EE003F00
    ev.wait event=1, count=1                    ; 500: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 501: 0x4200080016000203
    sa.mm c=17333, a=17331, b=372, wt=i8, acc=set ; 502: 0x4421DA90ECC02E80
    sa.msmx dst=17336, src=17333                ; 503: 0x5121DC10ED400000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 504: 0x4200080020000164
    sa.mm c=17412, a=17336, b=548, wt=i8, acc=set ; 505: 0x44220210EE004480
    ev.sig event=2, count=1                     ; 506: 0xF000200100000000
    ev.wait event=1, count=1                    ; 507: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 508: 0x4301000000000000
    ev.wait event=144, count=1                  ; 509: 0xF109000100000000
    ev.wait event=145, count=1                  ; 510: 0xF109100100000000
    ev.wait event=146, count=1                  ; 511: 0xF109200100000000
    ev.wait event=147, count=1                  ; 512: 0xF109300100000000
    sa.mshape m=1, n=256, k=256, span=dense     ; 513: 0x4200080080000800
    sa.mm c=17352, a=17328, b=944, wt=i1, acc=set ; 514: 0x4421E410EC007608
    ev.sig event=208, count=1                   ; 515: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 516: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 517: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 518: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 519: 0xF000200100000000
    ev.wait event=1, count=1                    ; 520: 0xF100100100000000
    sa.stride c=1024, a=0, b=0                  ; 521: 0x4304000000000000
    ev.wait event=144, count=1                  ; 522: 0xF109000100000000
    ev.wait event=145, count=1                  ; 523: 0xF109100100000000
    ev.wait event=146, count=1                  ; 524: 0xF109200100000000
    ev.wait event=147, count=1                  ; 525: 0xF109300100000000
    sa.mshape m=1, n=1024, k=256, span=dense    ; 526: 0x4200080200000800
    sa.mm c=17349, a=17344, b=944, wt=i1, acc=set ; 527: 0x4421E290F0007608
    ev.sig event=208, count=1                   ; 528: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 529: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 530: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 531: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 532: 0xF000200100000000
    ev.wait event=1, count=1                    ; 533: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 534: 0x4301000000000000
    ev.wait event=144, count=1                  ; 535: 0xF109000100000000
    ev.wait event=145, count=1                  ; 536: 0xF109100100000000
    ev.wait event=146, count=1                  ; 537: 0xF109200100000000
    ev.wait event=147, count=1                  ; 538: 0xF109300100000000
    sa.mshape m=1, n=256, k=1024, span=dense    ; 539: 0x4200080080002000
    sa.mm c=17353, a=17336, b=944, wt=i1, acc=set ; 540: 0x4421E490EE007608
    ev.sig event=208, count=1                   ; 541: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 542: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 543: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 544: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 545: 0xF000200100000000
    ev.wait event=1, count=1                    ; 546: 0xF100100100000000
    ev.wait event=144, count=1                  ; 547: 0xF109000100000000
    ev.wait event=145, count=1                  ; 548: 0xF109100100000000
    ev.wait event=146, count=1                  ; 549: 0xF109200100000000
    ev.wait event=147, count=1                  ; 550: 0xF109300100000000
    sa.mshape m=1, n=256, k=256, span=dense     ; 551: 0x4200080080000800
    sa.mm c=17349, a=17344, b=944, wt=i1, acc=set ; 552: 0x4421E290F0007608
    ev.sig event=208, count=1                   ; 553: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 554: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 555: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 556: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 557: 0xF000200100000000
    ev.wait event=1, count=1                    ; 558: 0xF100100100000000
    ev.wait event=144, count=1                  ; 559: 0xF109000100000000
    ev.wait event=145, count=1                  ; 560: 0xF109100100000000
    ev.wait event=146, count=1                  ; 561: 0xF109200100000000
    ev.wait event=147, count=1                  ; 562: 0xF109300100000000
    sa.mshape m=1, n=256, k=256, span=dense     ; 563: 0x4200080080000800
    sa.mm c=17365, a=17344, b=944, wt=i1, acc=set ; 564: 0x4421EA90F0007608
    ev.sig event=208, count=1                   ; 565: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 566: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 567: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 568: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 569: 0xF000200100000000
    ev.wait event=1, count=1                    ; 570: 0xF100100100000000
    ev.wait event=144, count=1                  ; 571: 0xF109000100000000
    ev.wait event=145, count=1                  ; 572: 0xF109100100000000
    ev.wait event=146, count=1                  ; 573: 0xF109200100000000
    ev.wait event=147, count=1                  ; 574: 0xF109300100000000
    sa.mshape m=1, n=256, k=256, span=dense     ; 575: 0x4200080080000800
    sa.mm c=17381, a=17344, b=944, wt=i1, acc=set ; 576: 0x4421F290F0007608
    ev.sig event=208, count=1                   ; 577: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 578: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 579: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 580: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 581: 0xF000200100000000
    ev.wait event=1, count=1                    ; 582: 0xF100100100000000
    sa.stride c=0, a=0, b=0                     ; 583: 0x4300000000000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 584: 0x4200080016000203
    sa.mm c=17333, a=17328, b=592, wt=i8, acc=set ; 585: 0x4421DA90EC004A00
    sa.msmx dst=17344, src=17333                ; 586: 0x5121E010ED400000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 587: 0x4200080020000164
    sa.mm c=17397, a=17344, b=768, wt=i8, acc=set ; 588: 0x4421FA90F0006000
    ev.wait event=1, count=1                    ; 589: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 590: 0x4200080016000203
    sa.mm c=17333, a=17329, b=636, wt=i8, acc=set ; 591: 0x4421DA90EC404F80
    sa.msmx dst=17344, src=17333                ; 592: 0x5121E010ED400000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 593: 0x4200080020000164
    sa.mm c=17401, a=17344, b=812, wt=i8, acc=set ; 594: 0x4421FC90F0006580
    ev.wait event=1, count=1                    ; 595: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 596: 0x4200080016000203
    sa.mm c=17333, a=17330, b=680, wt=i8, acc=set ; 597: 0x4421DA90EC805500
    sa.msmx dst=17344, src=17333                ; 598: 0x5121E010ED400000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 599: 0x4200080020000164
    sa.mm c=17405, a=17344, b=856, wt=i8, acc=set ; 600: 0x4421FE90F0006B00
    ev.wait event=1, count=1                    ; 601: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 602: 0x4200080016000203
    sa.mm c=17333, a=17331, b=724, wt=i8, acc=set ; 603: 0x4421DA90ECC05A80
    sa.msmx dst=17344, src=17333                ; 604: 0x5121E010ED400000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 605: 0x4200080020000164
    sa.mm c=17409, a=17344, b=900, wt=i8, acc=set ; 606: 0x44220090F0007080
    ev.sig event=2, count=1                     ; 607: 0xF000200100000000
    ev.wait event=1, count=1                    ; 608: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 609: 0x4301000000000000
    ev.wait event=144, count=1                  ; 610: 0xF109000100000000
    ev.wait event=145, count=1                  ; 611: 0xF109100100000000
    ev.wait event=146, count=1                  ; 612: 0xF109200100000000
    ev.wait event=147, count=1                  ; 613: 0xF109300100000000
    sa.mshape m=1, n=256, k=256, span=dense     ; 614: 0x4200080080000800
    sa.mm c=17344, a=17328, b=944, wt=i1, acc=set ; 615: 0x4421E010EC007608
    ev.sig event=208, count=1                   ; 616: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 617: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 618: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 619: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 620: 0xF000200100000000
    ev.wait event=1, count=1                    ; 621: 0xF100100100000000
    sa.stride c=1024, a=0, b=0                  ; 622: 0x4304000000000000
    ev.wait event=144, count=1                  ; 623: 0xF109000100000000
    ev.wait event=145, count=1                  ; 624: 0xF109100100000000
    ev.wait event=146, count=1                  ; 625: 0xF109200100000000
    ev.wait event=147, count=1                  ; 626: 0xF109300100000000
    sa.mshape m=1, n=1024, k=256, span=dense    ; 627: 0x4200080200000800
    sa.mm c=17349, a=17344, b=944, wt=i1, acc=set ; 628: 0x4421E290F0007608
    ev.sig event=208, count=1                   ; 629: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 630: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 631: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 632: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 633: 0xF000200100000000
    ev.wait event=1, count=1                    ; 634: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 635: 0x4301000000000000
    ev.wait event=144, count=1                  ; 636: 0xF109000100000000
    ev.wait event=145, count=1                  ; 637: 0xF109100100000000
    ev.wait event=146, count=1                  ; 638: 0xF109200100000000
    ev.wait event=147, count=1                  ; 639: 0xF109300100000000
    sa.mshape m=1, n=256, k=1024, span=dense    ; 640: 0x4200080080002000
    sa.mm c=17353, a=17336, b=944, wt=i1, acc=set ; 641: 0x4421E490EE007608
    ev.sig event=208, count=1                   ; 642: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 643: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 644: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 645: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 646: 0xF000200100000000
    ev.wait event=1, count=1                    ; 647: 0xF100100100000000
    sa.stride c=0, a=0, b=0                     ; 648: 0x4300000000000000
    ev.wait event=144, count=1                  ; 649: 0xF109000100000000
    ev.wait event=145, count=1                  ; 650: 0xF109100100000000
    ev.wait event=146, count=1                  ; 651: 0xF109200100000000
    ev.wait event=147, count=1                  ; 652: 0xF109300100000000
    sa.mshape m=1, n=512, k=256, span=dense     ; 653: 0x4200080100000800
    sa.mm c=17341, a=17336, b=944, wt=i8, acc=set ; 654: 0x4421DE90EE007600
    ev.sig event=208, count=1                   ; 655: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 656: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 657: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 658: 0xF00D300100000000
    ev.sig event=3, count=1                     ; 659: 0xF000300100000000
    ev.wait event=4, count=1                    ; 660: 0xF100400100000000
    ev.sig event=2, count=1                     ; 661: 0xF000200100000000

.lpddr_dma 0
.debug first=0, count=3, op=0, name="tok"
.debug first=3, count=3, op=5, name="l0.q"
.debug first=6, count=3, op=6, name="l0.k"
.debug first=9, count=3, op=7, name="l0.v"
.debug first=12, count=3, op=9, name="l0.o"
.debug first=15, count=3, op=12, name="l0.fc1"
.debug first=18, count=3, op=14, name="l0.fc2"
.debug first=21, count=3, op=17, name="l1.q"
.debug first=24, count=3, op=18, name="l1.k"
.debug first=27, count=3, op=19, name="l1.v"
.debug first=30, count=3, op=21, name="l1.o"
.debug first=33, count=3, op=24, name="l1.fc1"
.debug first=36, count=3, op=26, name="l1.fc2"
.debug first=39, count=3, op=0, name="tok"
.debug first=42, count=3, op=5, name="l0.q"
.debug first=45, count=3, op=6, name="l0.k"
.debug first=48, count=3, op=7, name="l0.v"
.debug first=51, count=3, op=9, name="l0.o"
.debug first=54, count=3, op=12, name="l0.fc1"
.debug first=57, count=3, op=14, name="l0.fc2"
.debug first=60, count=3, op=17, name="l1.q"
.debug first=63, count=3, op=18, name="l1.k"
.debug first=66, count=3, op=19, name="l1.v"
.debug first=69, count=3, op=21, name="l1.o"
.debug first=72, count=3, op=24, name="l1.fc1"
.debug first=75, count=3, op=26, name="l1.fc2"
.debug first=78, count=6, op=30, name="logits"
.debug first=84, count=2, op=1048576, name="tok"
.debug first=86, count=3, op=1048581, name="l0.q"
.debug first=89, count=3, op=1048582, name="l0.k"
.debug first=92, count=3, op=1048583, name="l0.v"
.debug first=95, count=3, op=1048585, name="l0.o"
.debug first=98, count=3, op=1048588, name="l0.fc1"
.debug first=101, count=3, op=1048590, name="l0.fc2"
.debug first=104, count=3, op=1048593, name="l1.q"
.debug first=107, count=3, op=1048594, name="l1.k"
.debug first=110, count=3, op=1048595, name="l1.v"
.debug first=113, count=3, op=1048597, name="l1.o"
.debug first=116, count=3, op=1048600, name="l1.fc1"
.debug first=119, count=3, op=1048602, name="l1.fc2"
.debug first=122, count=6, op=1048605, name="logits"
.entry prefill
    dma.tok first=0, count=32                   ; 0: 0x6500000020000000
    dma.row sram=17328, table=1792, len=8, index=token ; 1: 0x6221D80001C00010
    ev.sig event=16, count=1                    ; 2: 0xF001000100000000
    dma.ld sram=944, lpddr=0, len=32            ; 3: 0x6001D80000000020
    ev.sig event=144, count=1                   ; 4: 0xF009000100000000
    ev.wait event=208, count=1                  ; 5: 0xF10D000100000000
    dma.ld sram=944, lpddr=32, len=32           ; 6: 0x6001D80000080020
    ev.sig event=144, count=1                   ; 7: 0xF009000100000000
    ev.wait event=208, count=1                  ; 8: 0xF10D000100000000
    dma.ld sram=944, lpddr=64, len=32           ; 9: 0x6001D80000100020
    ev.sig event=144, count=1                   ; 10: 0xF009000100000000
    ev.wait event=208, count=1                  ; 11: 0xF10D000100000000
    dma.ld sram=944, lpddr=96, len=32           ; 12: 0x6001D80000180020
    ev.sig event=144, count=1                   ; 13: 0xF009000100000000
    ev.wait event=208, count=1                  ; 14: 0xF10D000100000000
    dma.ld sram=944, lpddr=128, len=128         ; 15: 0x6001D80000200080
    ev.sig event=144, count=1                   ; 16: 0xF009000100000000
    ev.wait event=208, count=1                  ; 17: 0xF10D000100000000
    dma.ld sram=944, lpddr=256, len=128         ; 18: 0x6001D80000400080
    ev.sig event=144, count=1                   ; 19: 0xF009000100000000
    ev.wait event=208, count=1                  ; 20: 0xF10D000100000000
    dma.ld sram=944, lpddr=384, len=32          ; 21: 0x6001D80000600020
    ev.sig event=144, count=1                   ; 22: 0xF009000100000000
    ev.wait event=208, count=1                  ; 23: 0xF10D000100000000
    dma.ld sram=944, lpddr=416, len=32          ; 24: 0x6001D80000680020
    ev.sig event=144, count=1                   ; 25: 0xF009000100000000
    ev.wait event=208, count=1                  ; 26: 0xF10D000100000000
    dma.ld sram=944, lpddr=448, len=32          ; 27: 0x6001D80000700020
    ev.sig event=144, count=1                   ; 28: 0xF009000100000000
    ev.wait event=208, count=1                  ; 29: 0xF10D000100000000
    dma.ld sram=944, lpddr=480, len=32          ; 30: 0x6001D80000780020
    ev.sig event=144, count=1                   ; 31: 0xF009000100000000
    ev.wait event=208, count=1                  ; 32: 0xF10D000100000000
    dma.ld sram=944, lpddr=512, len=128         ; 33: 0x6001D80000800080
    ev.sig event=144, count=1                   ; 34: 0xF009000100000000
    ev.wait event=208, count=1                  ; 35: 0xF10D000100000000
    dma.ld sram=944, lpddr=640, len=128         ; 36: 0x6001D80000A00080
    ev.sig event=144, count=1                   ; 37: 0xF009000100000000
    ev.wait event=208, count=1                  ; 38: 0xF10D000100000000
    dma.tok first=32, count=8                   ; 39: 0x6500200008000000
    dma.row sram=17328, table=1792, len=8, index=token ; 40: 0x6221D80001C00010
    ev.sig event=16, count=1                    ; 41: 0xF001000100000000
    dma.ld sram=944, lpddr=0, len=32            ; 42: 0x6001D80000000020
    ev.sig event=144, count=1                   ; 43: 0xF009000100000000
    ev.wait event=208, count=1                  ; 44: 0xF10D000100000000
    dma.ld sram=944, lpddr=32, len=32           ; 45: 0x6001D80000080020
    ev.sig event=144, count=1                   ; 46: 0xF009000100000000
    ev.wait event=208, count=1                  ; 47: 0xF10D000100000000
    dma.ld sram=944, lpddr=64, len=32           ; 48: 0x6001D80000100020
    ev.sig event=144, count=1                   ; 49: 0xF009000100000000
    ev.wait event=208, count=1                  ; 50: 0xF10D000100000000
    dma.ld sram=944, lpddr=96, len=32           ; 51: 0x6001D80000180020
    ev.sig event=144, count=1                   ; 52: 0xF009000100000000
    ev.wait event=208, count=1                  ; 53: 0xF10D000100000000
    dma.ld sram=944, lpddr=128, len=128         ; 54: 0x6001D80000200080
    ev.sig event=144, count=1                   ; 55: 0xF009000100000000
    ev.wait event=208, count=1                  ; 56: 0xF10D000100000000
    dma.ld sram=944, lpddr=256, len=128         ; 57: 0x6001D80000400080
    ev.sig event=144, count=1                   ; 58: 0xF009000100000000
    ev.wait event=208, count=1                  ; 59: 0xF10D000100000000
    dma.ld sram=944, lpddr=384, len=32          ; 60: 0x6001D80000600020
    ev.sig event=144, count=1                   ; 61: 0xF009000100000000
    ev.wait event=208, count=1                  ; 62: 0xF10D000100000000
    dma.ld sram=944, lpddr=416, len=32          ; 63: 0x6001D80000680020
    ev.sig event=144, count=1                   ; 64: 0xF009000100000000
    ev.wait event=208, count=1                  ; 65: 0xF10D000100000000
    dma.ld sram=944, lpddr=448, len=32          ; 66: 0x6001D80000700020
    ev.sig event=144, count=1                   ; 67: 0xF009000100000000
    ev.wait event=208, count=1                  ; 68: 0xF10D000100000000
    dma.ld sram=944, lpddr=480, len=32          ; 69: 0x6001D80000780020
    ev.sig event=144, count=1                   ; 70: 0xF009000100000000
    ev.wait event=208, count=1                  ; 71: 0xF10D000100000000
    dma.ld sram=944, lpddr=512, len=128         ; 72: 0x6001D80000800080
    ev.sig event=144, count=1                   ; 73: 0xF009000100000000
    ev.wait event=208, count=1                  ; 74: 0xF10D000100000000
    dma.ld sram=944, lpddr=640, len=128         ; 75: 0x6001D80000A00080
    ev.sig event=144, count=1                   ; 76: 0xF009000100000000
    ev.wait event=208, count=1                  ; 77: 0xF10D000100000000
    dma.ld sram=944, lpddr=768, len=1024        ; 78: 0x6001D80000C00400
    ev.sig event=144, count=1                   ; 79: 0xF009000100000000
    ev.wait event=3, count=1                    ; 80: 0xF100300100000000
    dma.st sram=17714, lpddr=7136, len=32       ; 81: 0x6122990006F80020
    ev.sig event=4, count=1                     ; 82: 0xF000400100000000
    ev.wait event=208, count=1                  ; 83: 0xF10D000100000000
.entry decode
    dma.row sram=17328, table=1792, len=8, index=token ; 84: 0x6221D80001C00010
    ev.sig event=16, count=1                    ; 85: 0xF001000100000000
    dma.ld sram=944, lpddr=0, len=32            ; 86: 0x6001D80000000020
    ev.sig event=144, count=1                   ; 87: 0xF009000100000000
    ev.wait event=208, count=1                  ; 88: 0xF10D000100000000
    dma.ld sram=944, lpddr=32, len=32           ; 89: 0x6001D80000080020
    ev.sig event=144, count=1                   ; 90: 0xF009000100000000
    ev.wait event=208, count=1                  ; 91: 0xF10D000100000000
    dma.ld sram=944, lpddr=64, len=32           ; 92: 0x6001D80000100020
    ev.sig event=144, count=1                   ; 93: 0xF009000100000000
    ev.wait event=208, count=1                  ; 94: 0xF10D000100000000
    dma.ld sram=944, lpddr=96, len=32           ; 95: 0x6001D80000180020
    ev.sig event=144, count=1                   ; 96: 0xF009000100000000
    ev.wait event=208, count=1                  ; 97: 0xF10D000100000000
    dma.ld sram=944, lpddr=128, len=128         ; 98: 0x6001D80000200080
    ev.sig event=144, count=1                   ; 99: 0xF009000100000000
    ev.wait event=208, count=1                  ; 100: 0xF10D000100000000
    dma.ld sram=944, lpddr=256, len=128         ; 101: 0x6001D80000400080
    ev.sig event=144, count=1                   ; 102: 0xF009000100000000
    ev.wait event=208, count=1                  ; 103: 0xF10D000100000000
    dma.ld sram=944, lpddr=384, len=32          ; 104: 0x6001D80000600020
    ev.sig event=144, count=1                   ; 105: 0xF009000100000000
    ev.wait event=208, count=1                  ; 106: 0xF10D000100000000
    dma.ld sram=944, lpddr=416, len=32          ; 107: 0x6001D80000680020
    ev.sig event=144, count=1                   ; 108: 0xF009000100000000
    ev.wait event=208, count=1                  ; 109: 0xF10D000100000000
    dma.ld sram=944, lpddr=448, len=32          ; 110: 0x6001D80000700020
    ev.sig event=144, count=1                   ; 111: 0xF009000100000000
    ev.wait event=208, count=1                  ; 112: 0xF10D000100000000
    dma.ld sram=944, lpddr=480, len=32          ; 113: 0x6001D80000780020
    ev.sig event=144, count=1                   ; 114: 0xF009000100000000
    ev.wait event=208, count=1                  ; 115: 0xF10D000100000000
    dma.ld sram=944, lpddr=512, len=128         ; 116: 0x6001D80000800080
    ev.sig event=144, count=1                   ; 117: 0xF009000100000000
    ev.wait event=208, count=1                  ; 118: 0xF10D000100000000
    dma.ld sram=944, lpddr=640, len=128         ; 119: 0x6001D80000A00080
    ev.sig event=144, count=1                   ; 120: 0xF009000100000000
    ev.wait event=208, count=1                  ; 121: 0xF10D000100000000
    dma.ld sram=944, lpddr=768, len=1024        ; 122: 0x6001D80000C00400
    ev.sig event=144, count=1                   ; 123: 0xF009000100000000
    ev.wait event=3, count=1                    ; 124: 0xF100300100000000
    dma.st sram=17341, lpddr=7168, len=32       ; 125: 0x6121DE8007000020
    ev.sig event=4, count=1                     ; 126: 0xF000400100000000
    ev.wait event=208, count=1                  ; 127: 0xF10D000100000000

.lpddr_dma 1
.debug first=0, count=3, op=2, name="pos"
.debug first=3, count=3, op=5, name="l0.q"
.debug first=6, count=3, op=6, name="l0.k"
.debug first=9, count=3, op=7, name="l0.v"
.debug first=12, count=3, op=9, name="l0.o"
.debug first=15, count=3, op=12, name="l0.fc1"
.debug first=18, count=3, op=14, name="l0.fc2"
.debug first=21, count=3, op=17, name="l1.q"
.debug first=24, count=3, op=18, name="l1.k"
.debug first=27, count=3, op=19, name="l1.v"
.debug first=30, count=3, op=21, name="l1.o"
.debug first=33, count=3, op=24, name="l1.fc1"
.debug first=36, count=3, op=26, name="l1.fc2"
.debug first=39, count=3, op=2, name="pos"
.debug first=42, count=3, op=5, name="l0.q"
.debug first=45, count=3, op=6, name="l0.k"
.debug first=48, count=3, op=7, name="l0.v"
.debug first=51, count=3, op=9, name="l0.o"
.debug first=54, count=3, op=12, name="l0.fc1"
.debug first=57, count=3, op=14, name="l0.fc2"
.debug first=60, count=3, op=17, name="l1.q"
.debug first=63, count=3, op=18, name="l1.k"
.debug first=66, count=3, op=19, name="l1.v"
.debug first=69, count=3, op=21, name="l1.o"
.debug first=72, count=3, op=24, name="l1.fc1"
.debug first=75, count=3, op=26, name="l1.fc2"
.debug first=78, count=3, op=30, name="logits"
.debug first=81, count=2, op=1048578, name="pos"
.debug first=83, count=3, op=1048581, name="l0.q"
.debug first=86, count=3, op=1048582, name="l0.k"
.debug first=89, count=3, op=1048583, name="l0.v"
.debug first=92, count=3, op=1048585, name="l0.o"
.debug first=95, count=3, op=1048588, name="l0.fc1"
.debug first=98, count=3, op=1048590, name="l0.fc2"
.debug first=101, count=3, op=1048593, name="l1.q"
.debug first=104, count=3, op=1048594, name="l1.k"
.debug first=107, count=3, op=1048595, name="l1.v"
.debug first=110, count=3, op=1048597, name="l1.o"
.debug first=113, count=3, op=1048600, name="l1.fc1"
.debug first=116, count=3, op=1048602, name="l1.fc2"
.debug first=119, count=3, op=1048605, name="logits"
.entry prefill
    dma.tok first=0, count=32                   ; 0: 0x6500000020000000
    dma.row sram=17584, table=1792, len=8, index=position ; 1: 0x6222580001C00011
    ev.sig event=17, count=1                    ; 2: 0xF001100100000000
    dma.ld sram=976, lpddr=0, len=32            ; 3: 0x6001E80000000020
    ev.sig event=145, count=1                   ; 4: 0xF009100100000000
    ev.wait event=209, count=1                  ; 5: 0xF10D100100000000
    dma.ld sram=976, lpddr=32, len=32           ; 6: 0x6001E80000080020
    ev.sig event=145, count=1                   ; 7: 0xF009100100000000
    ev.wait event=209, count=1                  ; 8: 0xF10D100100000000
    dma.ld sram=976, lpddr=64, len=32           ; 9: 0x6001E80000100020
    ev.sig event=145, count=1                   ; 10: 0xF009100100000000
    ev.wait event=209, count=1                  ; 11: 0xF10D100100000000
    dma.ld sram=976, lpddr=96, len=32           ; 12: 0x6001E80000180020
    ev.sig event=145, count=1                   ; 13: 0xF009100100000000
    ev.wait event=209, count=1                  ; 14: 0xF10D100100000000
    dma.ld sram=1072, lpddr=128, len=128        ; 15: 0x6002180000200080
    ev.sig event=145, count=1                   ; 16: 0xF009100100000000
    ev.wait event=209, count=1                  ; 17: 0xF10D100100000000
    dma.ld sram=1072, lpddr=256, len=128        ; 18: 0x6002180000400080
    ev.sig event=145, count=1                   ; 19: 0xF009100100000000
    ev.wait event=209, count=1                  ; 20: 0xF10D100100000000
    dma.ld sram=976, lpddr=384, len=32          ; 21: 0x6001E80000600020
    ev.sig event=145, count=1                   ; 22: 0xF009100100000000
    ev.wait event=209, count=1                  ; 23: 0xF10D100100000000
    dma.ld sram=976, lpddr=416, len=32          ; 24: 0x6001E80000680020
    ev.sig event=145, count=1                   ; 25: 0xF009100100000000
    ev.wait event=209, count=1                  ; 26: 0xF10D100100000000
    dma.ld sram=976, lpddr=448, len=32          ; 27: 0x6001E80000700020
    ev.sig event=145, count=1                   ; 28: 0xF009100100000000
    ev.wait event=209, count=1                  ; 29: 0xF10D100100000000
    dma.ld sram=976, lpddr=480, len=32          ; 30: 0x6001E80000780020
    ev.sig event=145, count=1                   ; 31: 0xF009100100000000
    ev.wait event=209, count=1                  ; 32: 0xF10D100100000000
    dma.ld sram=1072, lpddr=512, len=128        ; 33: 0x6002180000800080
    ev.sig event=145, count=1                   ; 34: 0xF009100100000000
    ev.wait event=209, count=1                  ; 35: 0xF10D100100000000
    dma.ld sram=1072, lpddr=640, len=128        ; 36: 0x6002180000A00080
    ev.sig event=145, count=1                   ; 37: 0xF009100100000000
    ev.wait event=209, count=1                  ; 38: 0xF10D100100000000
    dma.tok first=32, count=8                   ; 39: 0x6500200008000000
    dma.row sram=17584, table=1792, len=8, index=position ; 40: 0x6222580001C00011
    ev.sig event=17, count=1                    ; 41: 0xF001100100000000
    dma.ld sram=976, lpddr=0, len=32            ; 42: 0x6001E80000000020
    ev.sig event=145, count=1                   ; 43: 0xF009100100000000
    ev.wait event=209, count=1                  ; 44: 0xF10D100100000000
    dma.ld sram=976, lpddr=32, len=32           ; 45: 0x6001E80000080020
    ev.sig event=145, count=1                   ; 46: 0xF009100100000000
    ev.wait event=209, count=1                  ; 47: 0xF10D100100000000
    dma.ld sram=976, lpddr=64, len=32           ; 48: 0x6001E80000100020
    ev.sig event=145, count=1                   ; 49: 0xF009100100000000
    ev.wait event=209, count=1                  ; 50: 0xF10D100100000000
    dma.ld sram=976, lpddr=96, len=32           ; 51: 0x6001E80000180020
    ev.sig event=145, count=1                   ; 52: 0xF009100100000000
    ev.wait event=209, count=1                  ; 53: 0xF10D100100000000
    dma.ld sram=1072, lpddr=128, len=128        ; 54: 0x6002180000200080
    ev.sig event=145, count=1                   ; 55: 0xF009100100000000
    ev.wait event=209, count=1                  ; 56: 0xF10D100100000000
    dma.ld sram=1072, lpddr=256, len=128        ; 57: 0x6002180000400080
    ev.sig event=145, count=1                   ; 58: 0xF009100100000000
    ev.wait event=209, count=1                  ; 59: 0xF10D100100000000
    dma.ld sram=976, lpddr=384, len=32          ; 60: 0x6001E80000600020
    ev.sig event=145, count=1                   ; 61: 0xF009100100000000
    ev.wait event=209, count=1                  ; 62: 0xF10D100100000000
    dma.ld sram=976, lpddr=416, len=32          ; 63: 0x6001E80000680020
    ev.sig event=145, count=1                   ; 64: 0xF009100100000000
    ev.wait event=209, count=1                  ; 65: 0xF10D100100000000
    dma.ld sram=976, lpddr=448, len=32          ; 66: 0x6001E80000700020
    ev.sig event=145, count=1                   ; 67: 0xF009100100000000
    ev.wait event=209, count=1                  ; 68: 0xF10D100100000000
    dma.ld sram=976, lpddr=480, len=32          ; 69: 0x6001E80000780020
    ev.sig event=145, count=1                   ; 70: 0xF009100100000000
    ev.wait event=209, count=1                  ; 71: 0xF10D100100000000
    dma.ld sram=1072, lpddr=512, len=128        ; 72: 0x6002180000800080
    ev.sig event=145, count=1                   ; 73: 0xF009100100000000
    ev.wait event=209, count=1                  ; 74: 0xF10D100100000000
    dma.ld sram=1072, lpddr=640, len=128        ; 75: 0x6002180000A00080
    ev.sig event=145, count=1                   ; 76: 0xF009100100000000
    ev.wait event=209, count=1                  ; 77: 0xF10D100100000000
    dma.ld sram=1968, lpddr=768, len=1024       ; 78: 0x6003D80000C00400
    ev.sig event=145, count=1                   ; 79: 0xF009100100000000
    ev.wait event=209, count=1                  ; 80: 0xF10D100100000000
.entry decode
    dma.row sram=17336, table=1792, len=8, index=position ; 81: 0x6221DC0001C00011
    ev.sig event=17, count=1                    ; 82: 0xF001100100000000
    dma.ld sram=976, lpddr=0, len=32            ; 83: 0x6001E80000000020
    ev.sig event=145, count=1                   ; 84: 0xF009100100000000
    ev.wait event=209, count=1                  ; 85: 0xF10D100100000000
    dma.ld sram=976, lpddr=32, len=32           ; 86: 0x6001E80000080020
    ev.sig event=145, count=1                   ; 87: 0xF009100100000000
    ev.wait event=209, count=1                  ; 88: 0xF10D100100000000
    dma.ld sram=976, lpddr=64, len=32           ; 89: 0x6001E80000100020
    ev.sig event=145, count=1                   ; 90: 0xF009100100000000
    ev.wait event=209, count=1                  ; 91: 0xF10D100100000000
    dma.ld sram=976, lpddr=96, len=32           ; 92: 0x6001E80000180020
    ev.sig event=145, count=1                   ; 93: 0xF009100100000000
    ev.wait event=209, count=1                  ; 94: 0xF10D100100000000
    dma.ld sram=1072, lpddr=128, len=128        ; 95: 0x6002180000200080
    ev.sig event=145, count=1                   ; 96: 0xF009100100000000
    ev.wait event=209, count=1                  ; 97: 0xF10D100100000000
    dma.ld sram=1072, lpddr=256, len=128        ; 98: 0x6002180000400080
    ev.sig event=145, count=1                   ; 99: 0xF009100100000000
    ev.wait event=209, count=1                  ; 100: 0xF10D100100000000
    dma.ld sram=976, lpddr=384, len=32          ; 101: 0x6001E80000600020
    ev.sig event=145, count=1                   ; 102: 0xF009100100000000
    ev.wait event=209, count=1                  ; 103: 0xF10D100100000000
    dma.ld sram=976, lpddr=416, len=32          ; 104: 0x6001E80000680020
    ev.sig event=145, count=1                   ; 105: 0xF009100100000000
    ev.wait event=209, count=1                  ; 106: 0xF10D100100000000
    dma.ld sram=976, lpddr=448, len=32          ; 107: 0x6001E80000700020
    ev.sig event=145, count=1                   ; 108: 0xF009100100000000
    ev.wait event=209, count=1                  ; 109: 0xF10D100100000000
    dma.ld sram=976, lpddr=480, len=32          ; 110: 0x6001E80000780020
    ev.sig event=145, count=1                   ; 111: 0xF009100100000000
    ev.wait event=209, count=1                  ; 112: 0xF10D100100000000
    dma.ld sram=1072, lpddr=512, len=128        ; 113: 0x6002180000800080
    ev.sig event=145, count=1                   ; 114: 0xF009100100000000
    ev.wait event=209, count=1                  ; 115: 0xF10D100100000000
    dma.ld sram=1072, lpddr=640, len=128        ; 116: 0x6002180000A00080
    ev.sig event=145, count=1                   ; 117: 0xF009100100000000
    ev.wait event=209, count=1                  ; 118: 0xF10D100100000000
    dma.ld sram=1968, lpddr=768, len=1024       ; 119: 0x6003D80000C00400
    ev.sig event=145, count=1                   ; 120: 0xF009100100000000
    ev.wait event=209, count=1                  ; 121: 0xF10D100100000000

.lpddr_dma 2
.debug first=0, count=3, op=5, name="l0.q"
.debug first=3, count=3, op=6, name="l0.k"
.debug first=6, count=3, op=7, name="l0.v"
.debug first=9, count=3, op=9, name="l0.o"
.debug first=12, count=3, op=12, name="l0.fc1"
.debug first=15, count=3, op=14, name="l0.fc2"
.debug first=18, count=3, op=17, name="l1.q"
.debug first=21, count=3, op=18, name="l1.k"
.debug first=24, count=3, op=19, name="l1.v"
.debug first=27, count=3, op=21, name="l1.o"
.debug first=30, count=3, op=24, name="l1.fc1"
.debug first=33, count=3, op=26, name="l1.fc2"
.debug first=36, count=3, op=5, name="l0.q"
.debug first=39, count=3, op=6, name="l0.k"
.debug first=42, count=3, op=7, name="l0.v"
.debug first=45, count=3, op=9, name="l0.o"
.debug first=48, count=3, op=12, name="l0.fc1"
.debug first=51, count=3, op=14, name="l0.fc2"
.debug first=54, count=3, op=17, name="l1.q"
.debug first=57, count=3, op=18, name="l1.k"
.debug first=60, count=3, op=19, name="l1.v"
.debug first=63, count=3, op=21, name="l1.o"
.debug first=66, count=3, op=24, name="l1.fc1"
.debug first=69, count=3, op=26, name="l1.fc2"
.debug first=72, count=3, op=30, name="logits"
.debug first=75, count=3, op=1048581, name="l0.q"
.debug first=78, count=3, op=1048582, name="l0.k"
.debug first=81, count=3, op=1048583, name="l0.v"
.debug first=84, count=3, op=1048585, name="l0.o"
.debug first=87, count=3, op=1048588, name="l0.fc1"
.debug first=90, count=3, op=1048590, name="l0.fc2"
.debug first=93, count=3, op=1048593, name="l1.q"
.debug first=96, count=3, op=1048594, name="l1.k"
.debug first=99, count=3, op=1048595, name="l1.v"
.debug first=102, count=3, op=1048597, name="l1.o"
.debug first=105, count=3, op=1048600, name="l1.fc1"
.debug first=108, count=3, op=1048602, name="l1.fc2"
.debug first=111, count=3, op=1048605, name="logits"
.entry prefill
    dma.ld sram=1008, lpddr=0, len=32           ; 0: 0x6001F80000000020
    ev.sig event=146, count=1                   ; 1: 0xF009200100000000
    ev.wait event=210, count=1                  ; 2: 0xF10D200100000000
    dma.ld sram=1008, lpddr=32, len=32          ; 3: 0x6001F80000080020
    ev.sig event=146, count=1                   ; 4: 0xF009200100000000
    ev.wait event=210, count=1                  ; 5: 0xF10D200100000000
    dma.ld sram=1008, lpddr=64, len=32          ; 6: 0x6001F80000100020
    ev.sig event=146, count=1                   ; 7: 0xF009200100000000
    ev.wait event=210, count=1                  ; 8: 0xF10D200100000000
    dma.ld sram=1008, lpddr=96, len=32          ; 9: 0x6001F80000180020
    ev.sig event=146, count=1                   ; 10: 0xF009200100000000
    ev.wait event=210, count=1                  ; 11: 0xF10D200100000000
    dma.ld sram=1200, lpddr=128, len=128        ; 12: 0x6002580000200080
    ev.sig event=146, count=1                   ; 13: 0xF009200100000000
    ev.wait event=210, count=1                  ; 14: 0xF10D200100000000
    dma.ld sram=1200, lpddr=256, len=128        ; 15: 0x6002580000400080
    ev.sig event=146, count=1                   ; 16: 0xF009200100000000
    ev.wait event=210, count=1                  ; 17: 0xF10D200100000000
    dma.ld sram=1008, lpddr=384, len=32         ; 18: 0x6001F80000600020
    ev.sig event=146, count=1                   ; 19: 0xF009200100000000
    ev.wait event=210, count=1                  ; 20: 0xF10D200100000000
    dma.ld sram=1008, lpddr=416, len=32         ; 21: 0x6001F80000680020
    ev.sig event=146, count=1                   ; 22: 0xF009200100000000
    ev.wait event=210, count=1                  ; 23: 0xF10D200100000000
    dma.ld sram=1008, lpddr=448, len=32         ; 24: 0x6001F80000700020
    ev.sig event=146, count=1                   ; 25: 0xF009200100000000
    ev.wait event=210, count=1                  ; 26: 0xF10D200100000000
    dma.ld sram=1008, lpddr=480, len=32         ; 27: 0x6001F80000780020
    ev.sig event=146, count=1                   ; 28: 0xF009200100000000
    ev.wait event=210, count=1                  ; 29: 0xF10D200100000000
    dma.ld sram=1200, lpddr=512, len=128        ; 30: 0x6002580000800080
    ev.sig event=146, count=1                   ; 31: 0xF009200100000000
    ev.wait event=210, count=1                  ; 32: 0xF10D200100000000
    dma.ld sram=1200, lpddr=640, len=128        ; 33: 0x6002580000A00080
    ev.sig event=146, count=1                   ; 34: 0xF009200100000000
    ev.wait event=210, count=1                  ; 35: 0xF10D200100000000
    dma.ld sram=1008, lpddr=0, len=32           ; 36: 0x6001F80000000020
    ev.sig event=146, count=1                   ; 37: 0xF009200100000000
    ev.wait event=210, count=1                  ; 38: 0xF10D200100000000
    dma.ld sram=1008, lpddr=32, len=32          ; 39: 0x6001F80000080020
    ev.sig event=146, count=1                   ; 40: 0xF009200100000000
    ev.wait event=210, count=1                  ; 41: 0xF10D200100000000
    dma.ld sram=1008, lpddr=64, len=32          ; 42: 0x6001F80000100020
    ev.sig event=146, count=1                   ; 43: 0xF009200100000000
    ev.wait event=210, count=1                  ; 44: 0xF10D200100000000
    dma.ld sram=1008, lpddr=96, len=32          ; 45: 0x6001F80000180020
    ev.sig event=146, count=1                   ; 46: 0xF009200100000000
    ev.wait event=210, count=1                  ; 47: 0xF10D200100000000
    dma.ld sram=1200, lpddr=128, len=128        ; 48: 0x6002580000200080
    ev.sig event=146, count=1                   ; 49: 0xF009200100000000
    ev.wait event=210, count=1                  ; 50: 0xF10D200100000000
    dma.ld sram=1200, lpddr=256, len=128        ; 51: 0x6002580000400080
    ev.sig event=146, count=1                   ; 52: 0xF009200100000000
    ev.wait event=210, count=1                  ; 53: 0xF10D200100000000
    dma.ld sram=1008, lpddr=384, len=32         ; 54: 0x6001F80000600020
    ev.sig event=146, count=1                   ; 55: 0xF009200100000000
    ev.wait event=210, count=1                  ; 56: 0xF10D200100000000
    dma.ld sram=1008, lpddr=416, len=32         ; 57: 0x6001F80000680020
    ev.sig event=146, count=1                   ; 58: 0xF009200100000000
    ev.wait event=210, count=1                  ; 59: 0xF10D200100000000
    dma.ld sram=1008, lpddr=448, len=32         ; 60: 0x6001F80000700020
    ev.sig event=146, count=1                   ; 61: 0xF009200100000000
    ev.wait event=210, count=1                  ; 62: 0xF10D200100000000
    dma.ld sram=1008, lpddr=480, len=32         ; 63: 0x6001F80000780020
    ev.sig event=146, count=1                   ; 64: 0xF009200100000000
    ev.wait event=210, count=1                  ; 65: 0xF10D200100000000
    dma.ld sram=1200, lpddr=512, len=128        ; 66: 0x6002580000800080
    ev.sig event=146, count=1                   ; 67: 0xF009200100000000
    ev.wait event=210, count=1                  ; 68: 0xF10D200100000000
    dma.ld sram=1200, lpddr=640, len=128        ; 69: 0x6002580000A00080
    ev.sig event=146, count=1                   ; 70: 0xF009200100000000
    ev.wait event=210, count=1                  ; 71: 0xF10D200100000000
    dma.ld sram=2992, lpddr=768, len=1024       ; 72: 0x6005D80000C00400
    ev.sig event=146, count=1                   ; 73: 0xF009200100000000
    ev.wait event=210, count=1                  ; 74: 0xF10D200100000000
.entry decode
    dma.ld sram=1008, lpddr=0, len=32           ; 75: 0x6001F80000000020
    ev.sig event=146, count=1                   ; 76: 0xF009200100000000
    ev.wait event=210, count=1                  ; 77: 0xF10D200100000000
    dma.ld sram=1008, lpddr=32, len=32          ; 78: 0x6001F80000080020
    ev.sig event=146, count=1                   ; 79: 0xF009200100000000
    ev.wait event=210, count=1                  ; 80: 0xF10D200100000000
    dma.ld sram=1008, lpddr=64, len=32          ; 81: 0x6001F80000100020
    ev.sig event=146, count=1                   ; 82: 0xF009200100000000
    ev.wait event=210, count=1                  ; 83: 0xF10D200100000000
    dma.ld sram=1008, lpddr=96, len=32          ; 84: 0x6001F80000180020
    ev.sig event=146, count=1                   ; 85: 0xF009200100000000
    ev.wait event=210, count=1                  ; 86: 0xF10D200100000000
    dma.ld sram=1200, lpddr=128, len=128        ; 87: 0x6002580000200080
    ev.sig event=146, count=1                   ; 88: 0xF009200100000000
    ev.wait event=210, count=1                  ; 89: 0xF10D200100000000
    dma.ld sram=1200, lpddr=256, len=128        ; 90: 0x6002580000400080
    ev.sig event=146, count=1                   ; 91: 0xF009200100000000
    ev.wait event=210, count=1                  ; 92: 0xF10D200100000000
    dma.ld sram=1008, lpddr=384, len=32         ; 93: 0x6001F80000600020
    ev.sig event=146, count=1                   ; 94: 0xF009200100000000
    ev.wait event=210, count=1                  ; 95: 0xF10D200100000000
    dma.ld sram=1008, lpddr=416, len=32         ; 96: 0x6001F80000680020
    ev.sig event=146, count=1                   ; 97: 0xF009200100000000
    ev.wait event=210, count=1                  ; 98: 0xF10D200100000000
    dma.ld sram=1008, lpddr=448, len=32         ; 99: 0x6001F80000700020
    ev.sig event=146, count=1                   ; 100: 0xF009200100000000
    ev.wait event=210, count=1                  ; 101: 0xF10D200100000000
    dma.ld sram=1008, lpddr=480, len=32         ; 102: 0x6001F80000780020
    ev.sig event=146, count=1                   ; 103: 0xF009200100000000
    ev.wait event=210, count=1                  ; 104: 0xF10D200100000000
    dma.ld sram=1200, lpddr=512, len=128        ; 105: 0x6002580000800080
    ev.sig event=146, count=1                   ; 106: 0xF009200100000000
    ev.wait event=210, count=1                  ; 107: 0xF10D200100000000
    dma.ld sram=1200, lpddr=640, len=128        ; 108: 0x6002580000A00080
    ev.sig event=146, count=1                   ; 109: 0xF009200100000000
    ev.wait event=210, count=1                  ; 110: 0xF10D200100000000
    dma.ld sram=2992, lpddr=768, len=1024       ; 111: 0x6005D80000C00400
    ev.sig event=146, count=1                   ; 112: 0xF009200100000000
    ev.wait event=210, count=1                  ; 113: 0xF10D200100000000

.lpddr_dma 3
.debug first=0, count=3, op=5, name="l0.q"
.debug first=3, count=3, op=6, name="l0.k"
.debug first=6, count=3, op=7, name="l0.v"
.debug first=9, count=3, op=9, name="l0.o"
.debug first=12, count=3, op=12, name="l0.fc1"
.debug first=15, count=3, op=14, name="l0.fc2"
.debug first=18, count=3, op=17, name="l1.q"
.debug first=21, count=3, op=18, name="l1.k"
.debug first=24, count=3, op=19, name="l1.v"
.debug first=27, count=3, op=21, name="l1.o"
.debug first=30, count=3, op=24, name="l1.fc1"
.debug first=33, count=3, op=26, name="l1.fc2"
.debug first=36, count=3, op=5, name="l0.q"
.debug first=39, count=3, op=6, name="l0.k"
.debug first=42, count=3, op=7, name="l0.v"
.debug first=45, count=3, op=9, name="l0.o"
.debug first=48, count=3, op=12, name="l0.fc1"
.debug first=51, count=3, op=14, name="l0.fc2"
.debug first=54, count=3, op=17, name="l1.q"
.debug first=57, count=3, op=18, name="l1.k"
.debug first=60, count=3, op=19, name="l1.v"
.debug first=63, count=3, op=21, name="l1.o"
.debug first=66, count=3, op=24, name="l1.fc1"
.debug first=69, count=3, op=26, name="l1.fc2"
.debug first=72, count=3, op=30, name="logits"
.debug first=75, count=3, op=1048581, name="l0.q"
.debug first=78, count=3, op=1048582, name="l0.k"
.debug first=81, count=3, op=1048583, name="l0.v"
.debug first=84, count=3, op=1048585, name="l0.o"
.debug first=87, count=3, op=1048588, name="l0.fc1"
.debug first=90, count=3, op=1048590, name="l0.fc2"
.debug first=93, count=3, op=1048593, name="l1.q"
.debug first=96, count=3, op=1048594, name="l1.k"
.debug first=99, count=3, op=1048595, name="l1.v"
.debug first=102, count=3, op=1048597, name="l1.o"
.debug first=105, count=3, op=1048600, name="l1.fc1"
.debug first=108, count=3, op=1048602, name="l1.fc2"
.debug first=111, count=3, op=1048605, name="logits"
.entry prefill
    dma.ld sram=1040, lpddr=0, len=32           ; 0: 0x6002080000000020
    ev.sig event=147, count=1                   ; 1: 0xF009300100000000
    ev.wait event=211, count=1                  ; 2: 0xF10D300100000000
    dma.ld sram=1040, lpddr=32, len=32          ; 3: 0x6002080000080020
    ev.sig event=147, count=1                   ; 4: 0xF009300100000000
    ev.wait event=211, count=1                  ; 5: 0xF10D300100000000
    dma.ld sram=1040, lpddr=64, len=32          ; 6: 0x6002080000100020
    ev.sig event=147, count=1                   ; 7: 0xF009300100000000
    ev.wait event=211, count=1                  ; 8: 0xF10D300100000000
    dma.ld sram=1040, lpddr=96, len=32          ; 9: 0x6002080000180020
    ev.sig event=147, count=1                   ; 10: 0xF009300100000000
    ev.wait event=211, count=1                  ; 11: 0xF10D300100000000
    dma.ld sram=1328, lpddr=128, len=128        ; 12: 0x6002980000200080
    ev.sig event=147, count=1                   ; 13: 0xF009300100000000
    ev.wait event=211, count=1                  ; 14: 0xF10D300100000000
    dma.ld sram=1328, lpddr=256, len=128        ; 15: 0x6002980000400080
    ev.sig event=147, count=1                   ; 16: 0xF009300100000000
    ev.wait event=211, count=1                  ; 17: 0xF10D300100000000
    dma.ld sram=1040, lpddr=384, len=32         ; 18: 0x6002080000600020
    ev.sig event=147, count=1                   ; 19: 0xF009300100000000
    ev.wait event=211, count=1                  ; 20: 0xF10D300100000000
    dma.ld sram=1040, lpddr=416, len=32         ; 21: 0x6002080000680020
    ev.sig event=147, count=1                   ; 22: 0xF009300100000000
    ev.wait event=211, count=1                  ; 23: 0xF10D300100000000
    dma.ld sram=1040, lpddr=448, len=32         ; 24: 0x6002080000700020
    ev.sig event=147, count=1                   ; 25: 0xF009300100000000
    ev.wait event=211, count=1                  ; 26: 0xF10D300100000000
    dma.ld sram=1040, lpddr=480, len=32         ; 27: 0x6002080000780020
    ev.sig event=147, count=1                   ; 28: 0xF009300100000000
    ev.wait event=211, count=1                  ; 29: 0xF10D300100000000
    dma.ld sram=1328, lpddr=512, len=128        ; 30: 0x6002980000800080
    ev.sig event=147, count=1                   ; 31: 0xF009300100000000
    ev.wait event=211, count=1                  ; 32: 0xF10D300100000000
    dma.ld sram=1328, lpddr=640, len=128        ; 33: 0x6002980000A00080
    ev.sig event=147, count=1                   ; 34: 0xF009300100000000
    ev.wait event=211, count=1                  ; 35: 0xF10D300100000000
    dma.ld sram=1040, lpddr=0, len=32           ; 36: 0x6002080000000020
    ev.sig event=147, count=1                   ; 37: 0xF009300100000000
    ev.wait event=211, count=1                  ; 38: 0xF10D300100000000
    dma.ld sram=1040, lpddr=32, len=32          ; 39: 0x6002080000080020
    ev.sig event=147, count=1                   ; 40: 0xF009300100000000
    ev.wait event=211, count=1                  ; 41: 0xF10D300100000000
    dma.ld sram=1040, lpddr=64, len=32          ; 42: 0x6002080000100020
    ev.sig event=147, count=1                   ; 43: 0xF009300100000000
    ev.wait event=211, count=1                  ; 44: 0xF10D300100000000
    dma.ld sram=1040, lpddr=96, len=32          ; 45: 0x6002080000180020
    ev.sig event=147, count=1                   ; 46: 0xF009300100000000
    ev.wait event=211, count=1                  ; 47: 0xF10D300100000000
    dma.ld sram=1328, lpddr=128, len=128        ; 48: 0x6002980000200080
    ev.sig event=147, count=1                   ; 49: 0xF009300100000000
    ev.wait event=211, count=1                  ; 50: 0xF10D300100000000
    dma.ld sram=1328, lpddr=256, len=128        ; 51: 0x6002980000400080
    ev.sig event=147, count=1                   ; 52: 0xF009300100000000
    ev.wait event=211, count=1                  ; 53: 0xF10D300100000000
    dma.ld sram=1040, lpddr=384, len=32         ; 54: 0x6002080000600020
    ev.sig event=147, count=1                   ; 55: 0xF009300100000000
    ev.wait event=211, count=1                  ; 56: 0xF10D300100000000
    dma.ld sram=1040, lpddr=416, len=32         ; 57: 0x6002080000680020
    ev.sig event=147, count=1                   ; 58: 0xF009300100000000
    ev.wait event=211, count=1                  ; 59: 0xF10D300100000000
    dma.ld sram=1040, lpddr=448, len=32         ; 60: 0x6002080000700020
    ev.sig event=147, count=1                   ; 61: 0xF009300100000000
    ev.wait event=211, count=1                  ; 62: 0xF10D300100000000
    dma.ld sram=1040, lpddr=480, len=32         ; 63: 0x6002080000780020
    ev.sig event=147, count=1                   ; 64: 0xF009300100000000
    ev.wait event=211, count=1                  ; 65: 0xF10D300100000000
    dma.ld sram=1328, lpddr=512, len=128        ; 66: 0x6002980000800080
    ev.sig event=147, count=1                   ; 67: 0xF009300100000000
    ev.wait event=211, count=1                  ; 68: 0xF10D300100000000
    dma.ld sram=1328, lpddr=640, len=128        ; 69: 0x6002980000A00080
    ev.sig event=147, count=1                   ; 70: 0xF009300100000000
    ev.wait event=211, count=1                  ; 71: 0xF10D300100000000
    dma.ld sram=4016, lpddr=768, len=1024       ; 72: 0x6007D80000C00400
    ev.sig event=147, count=1                   ; 73: 0xF009300100000000
    ev.wait event=211, count=1                  ; 74: 0xF10D300100000000
.entry decode
    dma.ld sram=1040, lpddr=0, len=32           ; 75: 0x6002080000000020
    ev.sig event=147, count=1                   ; 76: 0xF009300100000000
    ev.wait event=211, count=1                  ; 77: 0xF10D300100000000
    dma.ld sram=1040, lpddr=32, len=32          ; 78: 0x6002080000080020
    ev.sig event=147, count=1                   ; 79: 0xF009300100000000
    ev.wait event=211, count=1                  ; 80: 0xF10D300100000000
    dma.ld sram=1040, lpddr=64, len=32          ; 81: 0x6002080000100020
    ev.sig event=147, count=1                   ; 82: 0xF009300100000000
    ev.wait event=211, count=1                  ; 83: 0xF10D300100000000
    dma.ld sram=1040, lpddr=96, len=32          ; 84: 0x6002080000180020
    ev.sig event=147, count=1                   ; 85: 0xF009300100000000
    ev.wait event=211, count=1                  ; 86: 0xF10D300100000000
    dma.ld sram=1328, lpddr=128, len=128        ; 87: 0x6002980000200080
    ev.sig event=147, count=1                   ; 88: 0xF009300100000000
    ev.wait event=211, count=1                  ; 89: 0xF10D300100000000
    dma.ld sram=1328, lpddr=256, len=128        ; 90: 0x6002980000400080
    ev.sig event=147, count=1                   ; 91: 0xF009300100000000
    ev.wait event=211, count=1                  ; 92: 0xF10D300100000000
    dma.ld sram=1040, lpddr=384, len=32         ; 93: 0x6002080000600020
    ev.sig event=147, count=1                   ; 94: 0xF009300100000000
    ev.wait event=211, count=1                  ; 95: 0xF10D300100000000
    dma.ld sram=1040, lpddr=416, len=32         ; 96: 0x6002080000680020
    ev.sig event=147, count=1                   ; 97: 0xF009300100000000
    ev.wait event=211, count=1                  ; 98: 0xF10D300100000000
    dma.ld sram=1040, lpddr=448, len=32         ; 99: 0x6002080000700020
    ev.sig event=147, count=1                   ; 100: 0xF009300100000000
    ev.wait event=211, count=1                  ; 101: 0xF10D300100000000
    dma.ld sram=1040, lpddr=480, len=32         ; 102: 0x6002080000780020
    ev.sig event=147, count=1                   ; 103: 0xF009300100000000
    ev.wait event=211, count=1                  ; 104: 0xF10D300100000000
    dma.ld sram=1328, lpddr=512, len=128        ; 105: 0x6002980000800080
    ev.sig event=147, count=1                   ; 106: 0xF009300100000000
    ev.wait event=211, count=1                  ; 107: 0xF10D300100000000
    dma.ld sram=1328, lpddr=640, len=128        ; 108: 0x6002980000A00080
    ev.sig event=147, count=1                   ; 109: 0xF009300100000000
    ev.wait event=211, count=1                  ; 110: 0xF10D300100000000
    dma.ld sram=4016, lpddr=768, len=1024       ; 111: 0x6007D80000C00400
    ev.sig event=147, count=1                   ; 112: 0xF009300100000000
    ev.wait event=211, count=1                  ; 113: 0xF10D300100000000
