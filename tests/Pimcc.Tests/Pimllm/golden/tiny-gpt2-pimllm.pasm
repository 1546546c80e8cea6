; pimcc disassembly. Reassemble with: pimcc asm <this file> -o out.bin
.target "pimllm"
.target_sha256 "9fc5f3be348ada41aa6452d6ed65c0de7774146f5c48c986c48a18feb5377a2e"
.workload prompt=40, generated=4, positions=44, model="tiny-gpt2", programs="prefill,decode"
.region "transformer.wte.weight.ch0", weight, lpddr, channel=0, addr=0, size=65536
.region "transformer.wte.weight.ch1", weight, lpddr, channel=1, addr=0, size=65536
.region "transformer.wte.weight.ch2", weight, lpddr, channel=2, addr=0, size=65536
.region "transformer.wte.weight.ch3", weight, lpddr, channel=3, addr=0, size=65536
.region "transformer.wte.weight.rows", weight, lpddr, channel=0, addr=65536, size=262144
.region "transformer.wpe.weight.rows", weight, lpddr, channel=1, addr=65536, size=32768
.region "prefill.logits", activation, lpddr, channel=0, addr=327680, size=81920
.region "decode.logits", activation, lpddr, channel=0, addr=409600, size=2048
.region "sram.params", weight, sram, chip=0, addr=0, size=15360
.region "sram.kv", kv_cache, sram, chip=0, addr=15360, size=45056
.region "sram.weight_chunks", scratch, sram, chip=0, addr=60416, size=1048576
.region "sram.activations", activation, sram, chip=0, addr=1108992, size=196608

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
.debug first=40, count=5, op=12, name="l0.fc1"
.debug first=45, count=1, op=13, name="l0.act"
.debug first=46, count=8, op=14, name="l0.fc2"
.debug first=54, count=1, op=15, name="l0.out"
.debug first=55, count=1, op=16, name="l1.ln1"
.debug first=56, count=4, op=17, name="l1.q"
.debug first=60, count=4, op=18, name="l1.k"
.debug first=64, count=4, op=19, name="l1.v"
.debug first=68, count=15, op=20, name="l1.attn"
.debug first=83, count=5, op=21, name="l1.o"
.debug first=88, count=1, op=22, name="l1.h"
.debug first=89, count=1, op=23, name="l1.ln2"
.debug first=90, count=5, op=24, name="l1.fc1"
.debug first=95, count=1, op=25, name="l1.act"
.debug first=96, count=8, op=26, name="l1.fc2"
.debug first=104, count=1, op=27, name="l1.out"
.debug first=105, count=2, op=0, name="tok"
.debug first=107, count=1, op=2, name="pos"
.debug first=108, count=1, op=3, name="embed"
.debug first=109, count=1, op=4, name="l0.ln1"
.debug first=110, count=4, op=5, name="l0.q"
.debug first=114, count=4, op=6, name="l0.k"
.debug first=118, count=4, op=7, name="l0.v"
.debug first=122, count=15, op=8, name="l0.attn"
.debug first=137, count=5, op=9, name="l0.o"
.debug first=142, count=1, op=10, name="l0.h"
.debug first=143, count=1, op=11, name="l0.ln2"
.debug first=144, count=5, op=12, name="l0.fc1"
.debug first=149, count=1, op=13, name="l0.act"
.debug first=150, count=8, op=14, name="l0.fc2"
.debug first=158, count=1, op=15, name="l0.out"
.debug first=159, count=1, op=16, name="l1.ln1"
.debug first=160, count=4, op=17, name="l1.q"
.debug first=164, count=4, op=18, name="l1.k"
.debug first=168, count=4, op=19, name="l1.v"
.debug first=172, count=15, op=20, name="l1.attn"
.debug first=187, count=5, op=21, name="l1.o"
.debug first=192, count=1, op=22, name="l1.h"
.debug first=193, count=1, op=23, name="l1.ln2"
.debug first=194, count=5, op=24, name="l1.fc1"
.debug first=199, count=1, op=25, name="l1.act"
.debug first=200, count=8, op=26, name="l1.fc2"
.debug first=208, count=1, op=27, name="l1.out"
.debug first=209, count=1, op=28, name="last"
.debug first=210, count=1, op=29, name="norm"
.debug first=211, count=3, op=30, name="logits"
.debug first=214, count=1, op=1048576, name="tok"
.debug first=215, count=1, op=1048578, name="pos"
.debug first=216, count=2, op=1048579, name="embed"
.debug first=218, count=1, op=1048580, name="l0.ln1"
.debug first=219, count=4, op=1048581, name="l0.q"
.debug first=223, count=4, op=1048582, name="l0.k"
.debug first=227, count=4, op=1048583, name="l0.v"
.debug first=231, count=15, op=1048584, name="l0.attn"
.debug first=246, count=5, op=1048585, name="l0.o"
.debug first=251, count=1, op=1048586, name="l0.h"
.debug first=252, count=1, op=1048587, name="l0.ln2"
.debug first=253, count=5, op=1048588, name="l0.fc1"
.debug first=258, count=1, op=1048589, name="l0.act"
.debug first=259, count=8, op=1048590, name="l0.fc2"
.debug first=267, count=1, op=1048591, name="l0.out"
.debug first=268, count=1, op=1048592, name="l1.ln1"
.debug first=269, count=4, op=1048593, name="l1.q"
.debug first=273, count=4, op=1048594, name="l1.k"
.debug first=277, count=4, op=1048595, name="l1.v"
.debug first=281, count=15, op=1048596, name="l1.attn"
.debug first=296, count=5, op=1048597, name="l1.o"
.debug first=301, count=1, op=1048598, name="l1.h"
.debug first=302, count=1, op=1048599, name="l1.ln2"
.debug first=303, count=5, op=1048600, name="l1.fc1"
.debug first=308, count=1, op=1048601, name="l1.act"
.debug first=309, count=8, op=1048602, name="l1.fc2"
.debug first=317, count=1, op=1048603, name="l1.out"
.debug first=318, count=1, op=1048604, name="norm"
.debug first=319, count=3, op=1048605, name="logits"
.entry prefill
    pp.tok first=0, count=32                    ; 0: 0x2800000020000000
    ev.wait event=16, count=1                   ; 1: 0xF101000100000000
    ev.wait event=17, count=1                   ; 2: 0xF101100100000000
    pp.len len=256, group=1, stride=0           ; 3: 0x2000010000800000
    pp.add dst=17840, a=17328, b=17584, dt=fp16 ; 4: 0x2322D810EC089610
    pp.norm dst=17328, src=17840, params=0, kind=layer, dt=fp16 ; 5: 0x2121D8116C000008
    pp.quant dst=17584, src=17328, scale=17712, dt=fp16 ; 6: 0x26225810EC08A610
    xb.mvm xbar=0, tiles=1, rows=256, src=17584, acc=set ; 7: 0x10000000180112C0
    xb.st dst=18096, scale=17712, len=256, dt=fp16 ; 8: 0x112358114C004020
    pp.add dst=18096, a=18096, b=16, dt=fp16    ; 9: 0x23235811AC000210
    pp.quant dst=17584, src=17328, scale=17712, dt=fp16 ; 10: 0x26225810EC08A610
    xb.mvm xbar=1, tiles=1, rows=256, src=17584, acc=set ; 11: 0x10000040180112C0
    xb.st dst=18352, scale=17712, len=256, dt=fp16 ; 12: 0x1123D8114C004020
    pp.add dst=18352, a=18352, b=24, dt=fp16    ; 13: 0x2323D811EC000310
    pp.quant dst=17584, src=17328, scale=17712, dt=fp16 ; 14: 0x26225810EC08A610
    xb.mvm xbar=2, tiles=1, rows=256, src=17584, acc=set ; 15: 0x10000080180112C0
    xb.st dst=18608, scale=17712, len=256, dt=fp16 ; 16: 0x112458114C004020
    pp.add dst=18608, a=18608, b=32, dt=fp16    ; 17: 0x232458122C000410
    pp.quant dst=17328, src=18096, scale=17456, dt=fp16 ; 18: 0x2621D811AC088610
    pp.len len=64, group=1, stride=256          ; 19: 0x2000004000808000
    pp.qrow dst=240, src=18352, scale=40, dt=fp16 ; 20: 0x27007811EC000510
    pp.qrow dst=416, src=18608, scale=44, dt=fp16 ; 21: 0x2700D0122C000590
    ev.sig event=1, count=1                     ; 22: 0xF000100100000000
    pp.qrow dst=284, src=18354, scale=41, dt=fp16 ; 23: 0x27008E11EC800530
    pp.qrow dst=460, src=18610, scale=45, dt=fp16 ; 24: 0x2700E6122C8005B0
    ev.sig event=1, count=1                     ; 25: 0xF000100100000000
    pp.qrow dst=328, src=18356, scale=42, dt=fp16 ; 26: 0x2700A411ED000550
    pp.qrow dst=504, src=18612, scale=46, dt=fp16 ; 27: 0x2700FC122D0005D0
    ev.sig event=1, count=1                     ; 28: 0xF000100100000000
    pp.qrow dst=372, src=18358, scale=43, dt=fp16 ; 29: 0x2700BA11ED800570
    pp.qrow dst=548, src=18614, scale=47, dt=fp16 ; 30: 0x270112122D8005F0
    ev.sig event=1, count=1                     ; 31: 0xF000100100000000
    ev.wait event=2, count=1                    ; 32: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 33: 0x2000010000800000
    pp.quant dst=17328, src=18864, scale=17456, dt=i32 ; 34: 0x2621D8126C088608
    xb.mvm xbar=3, tiles=1, rows=256, src=17328, acc=set ; 35: 0x100000C018010EC0
    xb.st dst=17458, scale=17456, len=256, dt=fp16 ; 36: 0x112219110C004020
    pp.add dst=17458, a=17458, b=48, dt=fp16    ; 37: 0x232219110C800610
    pp.add dst=18096, a=17840, b=17458, dt=fp16 ; 38: 0x232358116C088650
    pp.norm dst=17328, src=18096, params=56, kind=layer, dt=fp16 ; 39: 0x2121D811AC000708
    pp.quant dst=17584, src=17328, scale=17712, dt=fp16 ; 40: 0x26225810EC08A610
    xb.mvm xbar=4, tiles=4, rows=256, src=17584, acc=set ; 41: 0x10000100480112C0
    pp.len len=1024, group=1, stride=0          ; 42: 0x2000040000800000
    xb.st dst=18352, scale=17712, len=1024, dt=fp16 ; 43: 0x1123D8114C010020
    pp.add dst=18352, a=18352, b=72, dt=fp16    ; 44: 0x2323D811EC000910
    pp.act dst=19376, src=18352, fn=gelu, dt=fp16 ; 45: 0x2225D811EC080000
    pp.quant dst=17328, src=19376, scale=17840, dt=fp16 ; 46: 0x2621D812EC08B610
    xb.mvm xbar=8, tiles=1, rows=256, src=17328, acc=set ; 47: 0x1000020018010EC0
    xb.mvm xbar=9, tiles=1, rows=256, src=17332, acc=acc ; 48: 0x1000024018010ED2
    xb.mvm xbar=10, tiles=1, rows=256, src=17336, acc=acc ; 49: 0x1000028018010EE2
    xb.mvm xbar=11, tiles=1, rows=256, src=17340, acc=acc ; 50: 0x100002C018010EF2
    pp.len len=256, group=1, stride=0           ; 51: 0x2000010000800000
    xb.st dst=18352, scale=17840, len=256, dt=fp16 ; 52: 0x1123D8116C004020
    pp.add dst=18352, a=18352, b=104, dt=fp16   ; 53: 0x2323D811EC000D10
    pp.add dst=17328, a=18096, b=18352, dt=fp16 ; 54: 0x2321D811AC08F610
    pp.norm dst=17584, src=17328, params=112, kind=layer, dt=fp16 ; 55: 0x21225810EC000E08
    pp.quant dst=17840, src=17584, scale=17968, dt=fp16 ; 56: 0x2622D8112C08C610
    xb.mvm xbar=12, tiles=1, rows=256, src=17840, acc=set ; 57: 0x10000300180116C0
    xb.st dst=17970, scale=17968, len=256, dt=fp16 ; 58: 0x112319118C004020
    pp.add dst=17970, a=17970, b=128, dt=fp16   ; 59: 0x232319118C801010
    pp.quant dst=17840, src=17584, scale=17968, dt=fp16 ; 60: 0x2622D8112C08C610
    xb.mvm xbar=13, tiles=1, rows=256, src=17840, acc=set ; 61: 0x10000340180116C0
    xb.st dst=18226, scale=17968, len=256, dt=fp16 ; 62: 0x112399118C004020
    pp.add dst=18226, a=18226, b=136, dt=fp16   ; 63: 0x23239911CC801110
    pp.quant dst=17840, src=17584, scale=17968, dt=fp16 ; 64: 0x2622D8112C08C610
    xb.mvm xbar=14, tiles=1, rows=256, src=17840, acc=set ; 65: 0x10000380180116C0
    xb.st dst=18482, scale=17968, len=256, dt=fp16 ; 66: 0x112419118C004020
    pp.add dst=18482, a=18482, b=144, dt=fp16   ; 67: 0x232419120C801210
    pp.quant dst=17584, src=17970, scale=17712, dt=fp16 ; 68: 0x262258118C88A610
    pp.len len=64, group=1, stride=256          ; 69: 0x2000004000808000
    pp.qrow dst=592, src=18226, scale=152, dt=fp16 ; 70: 0x27012811CC801310
    pp.qrow dst=768, src=18482, scale=156, dt=fp16 ; 71: 0x270180120C801390
    ev.sig event=1, count=1                     ; 72: 0xF000100100000000
    pp.qrow dst=636, src=18228, scale=153, dt=fp16 ; 73: 0x27013E11CD001330
    pp.qrow dst=812, src=18484, scale=157, dt=fp16 ; 74: 0x270196120D0013B0
    ev.sig event=1, count=1                     ; 75: 0xF000100100000000
    pp.qrow dst=680, src=18230, scale=154, dt=fp16 ; 76: 0x27015411CD801350
    pp.qrow dst=856, src=18486, scale=158, dt=fp16 ; 77: 0x2701AC120D8013D0
    ev.sig event=1, count=1                     ; 78: 0xF000100100000000
    pp.qrow dst=724, src=18232, scale=155, dt=fp16 ; 79: 0x27016A11CE001370
    pp.qrow dst=900, src=18488, scale=159, dt=fp16 ; 80: 0x2701C2120E0013F0
    ev.sig event=1, count=1                     ; 81: 0xF000100100000000
    ev.wait event=2, count=1                    ; 82: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 83: 0x2000010000800000
    pp.quant dst=17584, src=18738, scale=17712, dt=i32 ; 84: 0x262258124C88A608
    xb.mvm xbar=15, tiles=1, rows=256, src=17584, acc=set ; 85: 0x100003C0180112C0
    xb.st dst=17714, scale=17712, len=256, dt=fp16 ; 86: 0x112299114C004020
    pp.add dst=17714, a=17714, b=160, dt=fp16   ; 87: 0x232299114C801410
    pp.add dst=17970, a=17328, b=17714, dt=fp16 ; 88: 0x23231910EC08A650
    pp.norm dst=17328, src=17970, params=168, kind=layer, dt=fp16 ; 89: 0x2121D8118C801508
    pp.quant dst=17584, src=17328, scale=17712, dt=fp16 ; 90: 0x26225810EC08A610
    xb.mvm xbar=16, tiles=4, rows=256, src=17584, acc=set ; 91: 0x10000400480112C0
    pp.len len=1024, group=1, stride=0          ; 92: 0x2000040000800000
    xb.st dst=18226, scale=17712, len=1024, dt=fp16 ; 93: 0x112399114C010020
    pp.add dst=18226, a=18226, b=184, dt=fp16   ; 94: 0x23239911CC801710
    pp.act dst=19250, src=18226, fn=gelu, dt=fp16 ; 95: 0x22259911CC880000
    pp.quant dst=17328, src=19250, scale=17840, dt=fp16 ; 96: 0x2621D812CC88B610
    xb.mvm xbar=20, tiles=1, rows=256, src=17328, acc=set ; 97: 0x1000050018010EC0
    xb.mvm xbar=21, tiles=1, rows=256, src=17332, acc=acc ; 98: 0x1000054018010ED2
    xb.mvm xbar=22, tiles=1, rows=256, src=17336, acc=acc ; 99: 0x1000058018010EE2
    xb.mvm xbar=23, tiles=1, rows=256, src=17340, acc=acc ; 100: 0x100005C018010EF2
    pp.len len=256, group=1, stride=0           ; 101: 0x2000010000800000
    xb.st dst=18226, scale=17840, len=256, dt=fp16 ; 102: 0x112399116C004020
    pp.add dst=18226, a=18226, b=216, dt=fp16   ; 103: 0x23239911CC801B10
    pp.add dst=17328, a=17970, b=18226, dt=fp16 ; 104: 0x2321D8118C88E650
    pp.tok first=32, count=8                    ; 105: 0x2800200008000000
    ev.wait event=16, count=1                   ; 106: 0xF101000100000000
    ev.wait event=17, count=1                   ; 107: 0xF101100100000000
    pp.add dst=17840, a=17328, b=17584, dt=fp16 ; 108: 0x2322D810EC089610
    pp.norm dst=17328, src=17840, params=0, kind=layer, dt=fp16 ; 109: 0x2121D8116C000008
    pp.quant dst=17584, src=17328, scale=17712, dt=fp16 ; 110: 0x26225810EC08A610
    xb.mvm xbar=0, tiles=1, rows=256, src=17584, acc=set ; 111: 0x10000000180112C0
    xb.st dst=18096, scale=17712, len=256, dt=fp16 ; 112: 0x112358114C004020
    pp.add dst=18096, a=18096, b=16, dt=fp16    ; 113: 0x23235811AC000210
    pp.quant dst=17584, src=17328, scale=17712, dt=fp16 ; 114: 0x26225810EC08A610
    xb.mvm xbar=1, tiles=1, rows=256, src=17584, acc=set ; 115: 0x10000040180112C0
    xb.st dst=18352, scale=17712, len=256, dt=fp16 ; 116: 0x1123D8114C004020
    pp.add dst=18352, a=18352, b=24, dt=fp16    ; 117: 0x2323D811EC000310
    pp.quant dst=17584, src=17328, scale=17712, dt=fp16 ; 118: 0x26225810EC08A610
    xb.mvm xbar=2, tiles=1, rows=256, src=17584, acc=set ; 119: 0x10000080180112C0
    xb.st dst=18608, scale=17712, len=256, dt=fp16 ; 120: 0x112458114C004020
    pp.add dst=18608, a=18608, b=32, dt=fp16    ; 121: 0x232458122C000410
    pp.quant dst=17328, src=18096, scale=17456, dt=fp16 ; 122: 0x2621D811AC088610
    pp.len len=64, group=1, stride=256          ; 123: 0x2000004000808000
    pp.qrow dst=240, src=18352, scale=40, dt=fp16 ; 124: 0x27007811EC000510
    pp.qrow dst=416, src=18608, scale=44, dt=fp16 ; 125: 0x2700D0122C000590
    ev.sig event=1, count=1                     ; 126: 0xF000100100000000
    pp.qrow dst=284, src=18354, scale=41, dt=fp16 ; 127: 0x27008E11EC800530
    pp.qrow dst=460, src=18610, scale=45, dt=fp16 ; 128: 0x2700E6122C8005B0
    ev.sig event=1, count=1                     ; 129: 0xF000100100000000
    pp.qrow dst=328, src=18356, scale=42, dt=fp16 ; 130: 0x2700A411ED000550
    pp.qrow dst=504, src=18612, scale=46, dt=fp16 ; 131: 0x2700FC122D0005D0
    ev.sig event=1, count=1                     ; 132: 0xF000100100000000
    pp.qrow dst=372, src=18358, scale=43, dt=fp16 ; 133: 0x2700BA11ED800570
    pp.qrow dst=548, src=18614, scale=47, dt=fp16 ; 134: 0x270112122D8005F0
    ev.sig event=1, count=1                     ; 135: 0xF000100100000000
    ev.wait event=2, count=1                    ; 136: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 137: 0x2000010000800000
    pp.quant dst=17328, src=18864, scale=17456, dt=i32 ; 138: 0x2621D8126C088608
    xb.mvm xbar=3, tiles=1, rows=256, src=17328, acc=set ; 139: 0x100000C018010EC0
    xb.st dst=17458, scale=17456, len=256, dt=fp16 ; 140: 0x112219110C004020
    pp.add dst=17458, a=17458, b=48, dt=fp16    ; 141: 0x232219110C800610
    pp.add dst=18096, a=17840, b=17458, dt=fp16 ; 142: 0x232358116C088650
    pp.norm dst=17328, src=18096, params=56, kind=layer, dt=fp16 ; 143: 0x2121D811AC000708
    pp.quant dst=17584, src=17328, scale=17712, dt=fp16 ; 144: 0x26225810EC08A610
    xb.mvm xbar=4, tiles=4, rows=256, src=17584, acc=set ; 145: 0x10000100480112C0
    pp.len len=1024, group=1, stride=0          ; 146: 0x2000040000800000
    xb.st dst=18352, scale=17712, len=1024, dt=fp16 ; 147: 0x1123D8114C010020
    pp.add dst=18352, a=18352, b=72, dt=fp16    ; 148: 0x2323D811EC000910
    pp.act dst=19376, src=18352, fn=gelu, dt=fp16 ; 149: 0x2225D811EC080000
    pp.quant dst=17328, src=19376, scale=17840, dt=fp16 ; 150: 0x2621D812EC08B610
    xb.mvm xbar=8, tiles=1, rows=256, src=17328, acc=set ; 151: 0x1000020018010EC0
    xb.mvm xbar=9, tiles=1, rows=256, src=17332, acc=acc ; 152: 0x1000024018010ED2
    xb.mvm xbar=10, tiles=1, rows=256, src=17336, acc=acc ; 153: 0x1000028018010EE2
    xb.mvm xbar=11, tiles=1, rows=256, src=17340, acc=acc ; 154: 0x100002C018010EF2
    pp.len len=256, group=1, stride=0           ; 155: 0x2000010000800000
    xb.st dst=18352, scale=17840, len=256, dt=fp16 ; 156: 0x1123D8116C004020
    pp.add dst=18352, a=18352, b=104, dt=fp16   ; 157: 0x2323D811EC000D10
    pp.add dst=17328, a=18096, b=18352, dt=fp16 ; 158: 0x2321D811AC08F610
    pp.norm dst=17584, src=17328, params=112, kind=layer, dt=fp16 ; 159: 0x21225810EC000E08
    pp.quant dst=17840, src=17584, scale=17968, dt=fp16 ; 160: 0x2622D8112C08C610
    xb.mvm xbar=12, tiles=1, rows=256, src=17840, acc=set ; 161: 0x10000300180116C0
    xb.st dst=17970, scale=17968, len=256, dt=fp16 ; 162: 0x112319118C004020
    pp.add dst=17970, a=17970, b=128, dt=fp16   ; 163: 0x232319118C801010
    pp.quant dst=17840, src=17584, scale=17968, dt=fp16 ; 164: 0x2622D8112C08C610
    xb.mvm xbar=13, tiles=1, rows=256, src=17840, acc=set ; 165: 0x10000340180116C0
    xb.st dst=18226, scale=17968, len=256, dt=fp16 ; 166: 0x112399118C004020
    pp.add dst=18226, a=18226, b=136, dt=fp16   ; 167: 0x23239911CC801110
    pp.quant dst=17840, src=17584, scale=17968, dt=fp16 ; 168: 0x2622D8112C08C610
    xb.mvm xbar=14, tiles=1, rows=256, src=17840, acc=set ; 169: 0x10000380180116C0
    xb.st dst=18482, scale=17968, len=256, dt=fp16 ; 170: 0x112419118C004020
    pp.add dst=18482, a=18482, b=144, dt=fp16   ; 171: 0x232419120C801210
    pp.quant dst=17584, src=17970, scale=17712, dt=fp16 ; 172: 0x262258118C88A610
    pp.len len=64, group=1, stride=256          ; 173: 0x2000004000808000
    pp.qrow dst=592, src=18226, scale=152, dt=fp16 ; 174: 0x27012811CC801310
    pp.qrow dst=768, src=18482, scale=156, dt=fp16 ; 175: 0x270180120C801390
    ev.sig event=1, count=1                     ; 176: 0xF000100100000000
    pp.qrow dst=636, src=18228, scale=153, dt=fp16 ; 177: 0x27013E11CD001330
    pp.qrow dst=812, src=18484, scale=157, dt=fp16 ; 178: 0x270196120D0013B0
    ev.sig event=1, count=1                     ; 179: 0xF000100100000000
    pp.qrow dst=680, src=18230, scale=154, dt=fp16 ; 180: 0x27015411CD801350
    pp.qrow dst=856, src=18486, scale=158, dt=fp16 ; 181: 0x2701AC120D8013D0
    ev.sig event=1, count=1                     ; 182: 0xF000100100000000
    pp.qrow dst=724, src=18232, scale=155, dt=fp16 ; 183: 0x27016A11CE001370
    pp.qrow dst=900, src=18488, scale=159, dt=fp16 ; 184: 0x2701C2120E0013F0
    ev.sig event=1, count=1                     ; 185: 0xF000100100000000
    ev.wait event=2, count=1                    ; 186: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 187: 0x2000010000800000
    pp.quant dst=17584, src=18738, scale=17712, dt=i32 ; 188: 0x262258124C88A608
    xb.mvm xbar=15, tiles=1, rows=256, src=17584, acc=set ; 189: 0x100003C0180112C0
    xb.st dst=17714, scale=17712, len=256, dt=fp16 ; 190: 0x112299114C004020
    pp.add dst=17714, a=17714, b=160, dt=fp16   ; 191: 0x232299114C801410
    pp.add dst=17970, a=17328, b=17714, dt=fp16 ; 192: 0x23231910EC08A650
    pp.norm dst=17328, src=17970, params=168, kind=layer, dt=fp16 ; 193: 0x2121D8118C801508
    pp.quant dst=17584, src=17328, scale=17712, dt=fp16 ; 194: 0x26225810EC08A610
    xb.mvm xbar=16, tiles=4, rows=256, src=17584, acc=set ; 195: 0x10000400480112C0
    pp.len len=1024, group=1, stride=0          ; 196: 0x2000040000800000
    xb.st dst=18226, scale=17712, len=1024, dt=fp16 ; 197: 0x112399114C010020
    pp.add dst=18226, a=18226, b=184, dt=fp16   ; 198: 0x23239911CC801710
    pp.act dst=19250, src=18226, fn=gelu, dt=fp16 ; 199: 0x22259911CC880000
    pp.quant dst=17328, src=19250, scale=17840, dt=fp16 ; 200: 0x2621D812CC88B610
    xb.mvm xbar=20, tiles=1, rows=256, src=17328, acc=set ; 201: 0x1000050018010EC0
    xb.mvm xbar=21, tiles=1, rows=256, src=17332, acc=acc ; 202: 0x1000054018010ED2
    xb.mvm xbar=22, tiles=1, rows=256, src=17336, acc=acc ; 203: 0x1000058018010EE2
    xb.mvm xbar=23, tiles=1, rows=256, src=17340, acc=acc ; 204: 0x100005C018010EF2
    pp.len len=256, group=1, stride=0           ; 205: 0x2000010000800000
    xb.st dst=18226, scale=17840, len=256, dt=fp16 ; 206: 0x112399116C004020
    pp.add dst=18226, a=18226, b=216, dt=fp16   ; 207: 0x23239911CC801B10
    pp.add dst=17328, a=17970, b=18226, dt=fp16 ; 208: 0x2321D8118C88E650
    pp.tok first=39, count=1                    ; 209: 0x2800270001000000
    pp.norm dst=17584, src=17384, params=224, kind=layer, dt=fp16 ; 210: 0x21225810FA001C08
    pp.quant dst=17328, src=17584, scale=17456, dt=fp16 ; 211: 0x2621D8112C088610
    ev.sig event=1, count=1                     ; 212: 0xF000100100000000
    ev.wait event=2, count=1                    ; 213: 0xF100200100000000
.entry decode
    ev.wait event=16, count=1                   ; 214: 0xF101000100000000
    ev.wait event=17, count=1                   ; 215: 0xF101100100000000
    pp.len len=256, group=1, stride=0           ; 216: 0x2000010000800000
    pp.add dst=17344, a=17328, b=17336, dt=fp16 ; 217: 0x2321E010EC087710
    pp.norm dst=17328, src=17344, params=0, kind=layer, dt=fp16 ; 218: 0x2121D810F0000008
    pp.quant dst=17336, src=17328, scale=17340, dt=fp16 ; 219: 0x2621DC10EC087790
    xb.mvm xbar=0, tiles=1, rows=256, src=17336, acc=set ; 220: 0x1000000018010EE0
    xb.st dst=17352, scale=17340, len=256, dt=fp16 ; 221: 0x1121E410EF004020
    pp.add dst=17352, a=17352, b=16, dt=fp16    ; 222: 0x2321E410F2000210
    pp.quant dst=17336, src=17328, scale=17340, dt=fp16 ; 223: 0x2621DC10EC087790
    xb.mvm xbar=1, tiles=1, rows=256, src=17336, acc=set ; 224: 0x1000004018010EE0
    xb.st dst=17360, scale=17340, len=256, dt=fp16 ; 225: 0x1121E810EF004020
    pp.add dst=17360, a=17360, b=24, dt=fp16    ; 226: 0x2321E810F4000310
    pp.quant dst=17336, src=17328, scale=17340, dt=fp16 ; 227: 0x2621DC10EC087790
    xb.mvm xbar=2, tiles=1, rows=256, src=17336, acc=set ; 228: 0x1000008018010EE0
    xb.st dst=17368, scale=17340, len=256, dt=fp16 ; 229: 0x1121EC10EF004020
    pp.add dst=17368, a=17368, b=32, dt=fp16    ; 230: 0x2321EC10F6000410
    pp.quant dst=17328, src=17352, scale=17332, dt=fp16 ; 231: 0x2621D810F2087690
    pp.len len=64, group=1, stride=256          ; 232: 0x2000004000808000
    pp.qrow dst=240, src=17360, scale=40, dt=fp16 ; 233: 0x27007810F4000510
    pp.qrow dst=416, src=17368, scale=44, dt=fp16 ; 234: 0x2700D010F6000590
    ev.sig event=1, count=1                     ; 235: 0xF000100100000000
    pp.qrow dst=284, src=17362, scale=41, dt=fp16 ; 236: 0x27008E10F4800530
    pp.qrow dst=460, src=17370, scale=45, dt=fp16 ; 237: 0x2700E610F68005B0
    ev.sig event=1, count=1                     ; 238: 0xF000100100000000
    pp.qrow dst=328, src=17364, scale=42, dt=fp16 ; 239: 0x2700A410F5000550
    pp.qrow dst=504, src=17372, scale=46, dt=fp16 ; 240: 0x2700FC10F70005D0
    ev.sig event=1, count=1                     ; 241: 0xF000100100000000
    pp.qrow dst=372, src=17366, scale=43, dt=fp16 ; 242: 0x2700BA10F5800570
    pp.qrow dst=548, src=17374, scale=47, dt=fp16 ; 243: 0x27011210F78005F0
    ev.sig event=1, count=1                     ; 244: 0xF000100100000000
    ev.wait event=2, count=1                    ; 245: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 246: 0x2000010000800000
    pp.quant dst=17328, src=17376, scale=17332, dt=i32 ; 247: 0x2621D810F8087688
    xb.mvm xbar=3, tiles=1, rows=256, src=17328, acc=set ; 248: 0x100000C018010EC0
    xb.st dst=17333, scale=17332, len=256, dt=fp16 ; 249: 0x1121DA90ED004020
    pp.add dst=17333, a=17333, b=48, dt=fp16    ; 250: 0x2321DA90ED400610
    pp.add dst=17352, a=17344, b=17333, dt=fp16 ; 251: 0x2321E410F00876B0
    pp.norm dst=17328, src=17352, params=56, kind=layer, dt=fp16 ; 252: 0x2121D810F2000708
    pp.quant dst=17336, src=17328, scale=17340, dt=fp16 ; 253: 0x2621DC10EC087790
    xb.mvm xbar=4, tiles=4, rows=256, src=17336, acc=set ; 254: 0x1000010048010EE0
    pp.len len=1024, group=1, stride=0          ; 255: 0x2000040000800000
    xb.st dst=17360, scale=17340, len=1024, dt=fp16 ; 256: 0x1121E810EF010020
    pp.add dst=17360, a=17360, b=72, dt=fp16    ; 257: 0x2321E810F4000910
    pp.act dst=17392, src=17360, fn=gelu, dt=fp16 ; 258: 0x2221F810F4080000
    pp.quant dst=17328, src=17392, scale=17344, dt=fp16 ; 259: 0x2621D810FC087810
    xb.mvm xbar=8, tiles=1, rows=256, src=17328, acc=set ; 260: 0x1000020018010EC0
    xb.mvm xbar=9, tiles=1, rows=256, src=17332, acc=acc ; 261: 0x1000024018010ED2
    xb.mvm xbar=10, tiles=1, rows=256, src=17336, acc=acc ; 262: 0x1000028018010EE2
    xb.mvm xbar=11, tiles=1, rows=256, src=17340, acc=acc ; 263: 0x100002C018010EF2
    pp.len len=256, group=1, stride=0           ; 264: 0x2000010000800000
    xb.st dst=17360, scale=17344, len=256, dt=fp16 ; 265: 0x1121E810F0004020
    pp.add dst=17360, a=17360, b=104, dt=fp16   ; 266: 0x2321E810F4000D10
    pp.add dst=17328, a=17352, b=17360, dt=fp16 ; 267: 0x2321D810F2087A10
    pp.norm dst=17336, src=17328, params=112, kind=layer, dt=fp16 ; 268: 0x2121DC10EC000E08
    pp.quant dst=17344, src=17336, scale=17348, dt=fp16 ; 269: 0x2621E010EE087890
    xb.mvm xbar=12, tiles=1, rows=256, src=17344, acc=set ; 270: 0x1000030018010F00
    xb.st dst=17349, scale=17348, len=256, dt=fp16 ; 271: 0x1121E290F1004020
    pp.add dst=17349, a=17349, b=128, dt=fp16   ; 272: 0x2321E290F1401010
    pp.quant dst=17344, src=17336, scale=17348, dt=fp16 ; 273: 0x2621E010EE087890
    xb.mvm xbar=13, tiles=1, rows=256, src=17344, acc=set ; 274: 0x1000034018010F00
    xb.st dst=17357, scale=17348, len=256, dt=fp16 ; 275: 0x1121E690F1004020
    pp.add dst=17357, a=17357, b=136, dt=fp16   ; 276: 0x2321E690F3401110
    pp.quant dst=17344, src=17336, scale=17348, dt=fp16 ; 277: 0x2621E010EE087890
    xb.mvm xbar=14, tiles=1, rows=256, src=17344, acc=set ; 278: 0x1000038018010F00
    xb.st dst=17365, scale=17348, len=256, dt=fp16 ; 279: 0x1121EA90F1004020
    pp.add dst=17365, a=17365, b=144, dt=fp16   ; 280: 0x2321EA90F5401210
    pp.quant dst=17336, src=17349, scale=17340, dt=fp16 ; 281: 0x2621DC10F1487790
    pp.len len=64, group=1, stride=256          ; 282: 0x2000004000808000
    pp.qrow dst=592, src=17357, scale=152, dt=fp16 ; 283: 0x27012810F3401310
    pp.qrow dst=768, src=17365, scale=156, dt=fp16 ; 284: 0x27018010F5401390
    ev.sig event=1, count=1                     ; 285: 0xF000100100000000
    pp.qrow dst=636, src=17359, scale=153, dt=fp16 ; 286: 0x27013E10F3C01330
    pp.qrow dst=812, src=17367, scale=157, dt=fp16 ; 287: 0x27019610F5C013B0
    ev.sig event=1, count=1                     ; 288: 0xF000100100000000
    pp.qrow dst=680, src=17361, scale=154, dt=fp16 ; 289: 0x27015410F4401350
    pp.qrow dst=856, src=17369, scale=158, dt=fp16 ; 290: 0x2701AC10F64013D0
    ev.sig event=1, count=1                     ; 291: 0xF000100100000000
    pp.qrow dst=724, src=17363, scale=155, dt=fp16 ; 292: 0x27016A10F4C01370
    pp.qrow dst=900, src=17371, scale=159, dt=fp16 ; 293: 0x2701C210F6C013F0
    ev.sig event=1, count=1                     ; 294: 0xF000100100000000
    ev.wait event=2, count=1                    ; 295: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 296: 0x2000010000800000
    pp.quant dst=17336, src=17373, scale=17340, dt=i32 ; 297: 0x2621DC10F7487788
    xb.mvm xbar=15, tiles=1, rows=256, src=17336, acc=set ; 298: 0x100003C018010EE0
    xb.st dst=17341, scale=17340, len=256, dt=fp16 ; 299: 0x1121DE90EF004020
    pp.add dst=17341, a=17341, b=160, dt=fp16   ; 300: 0x2321DE90EF401410
    pp.add dst=17349, a=17328, b=17341, dt=fp16 ; 301: 0x2321E290EC0877B0
    pp.norm dst=17328, src=17349, params=168, kind=layer, dt=fp16 ; 302: 0x2121D810F1401508
    pp.quant dst=17336, src=17328, scale=17340, dt=fp16 ; 303: 0x2621DC10EC087790
    xb.mvm xbar=16, tiles=4, rows=256, src=17336, acc=set ; 304: 0x1000040048010EE0
    pp.len len=1024, group=1, stride=0          ; 305: 0x2000040000800000
    xb.st dst=17357, scale=17340, len=1024, dt=fp16 ; 306: 0x1121E690EF010020
    pp.add dst=17357, a=17357, b=184, dt=fp16   ; 307: 0x2321E690F3401710
    pp.act dst=17389, src=17357, fn=gelu, dt=fp16 ; 308: 0x2221F690F3480000
    pp.quant dst=17328, src=17389, scale=17344, dt=fp16 ; 309: 0x2621D810FB487810
    xb.mvm xbar=20, tiles=1, rows=256, src=17328, acc=set ; 310: 0x1000050018010EC0
    xb.mvm xbar=21, tiles=1, rows=256, src=17332, acc=acc ; 311: 0x1000054018010ED2
    xb.mvm xbar=22, tiles=1, rows=256, src=17336, acc=acc ; 312: 0x1000058018010EE2
    xb.mvm xbar=23, tiles=1, rows=256, src=17340, acc=acc ; 313: 0x100005C018010EF2
    pp.len len=256, group=1, stride=0           ; 314: 0x2000010000800000
    xb.st dst=17357, scale=17344, len=256, dt=fp16 ; 315: 0x1121E690F0004020
    pp.add dst=17357, a=17357, b=216, dt=fp16   ; 316: 0x2321E690F3401B10
    pp.add dst=17328, a=17349, b=17357, dt=fp16 ; 317: 0x2321D810F14879B0
    pp.norm dst=17336, src=17328, params=224, kind=layer, dt=fp16 ; 318: 0x2121DC10EC001C08
    pp.quant dst=17328, src=17336, scale=17332, dt=fp16 ; 319: 0x2621D810EE087690
    ev.sig event=1, count=1                     ; 320: 0xF000100100000000
    ev.wait event=2, count=1                    ; 321: 0xF100200100000000

.systolic 0
.debug first=0, count=33, op=8, name="l0.attn"
.debug first=33, count=33, op=20, name="l1.attn"
.debug first=66, count=33, op=8, name="l0.attn"
.debug first=99, count=33, op=20, name="l1.attn"
.debug first=132, count=15, op=30, name="logits"
.debug first=147, count=25, op=1048584, name="l0.attn"
.debug first=172, count=25, op=1048596, name="l1.attn"
.debug first=197, count=14, op=1048605, name="logits"
.entry prefill
    ev.wait event=1, count=1                    ; 0: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 1: 0x4300000100000000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 2: 0x4201000010000201
    sa.mm c=17458, a=17328, b=240, wt=i8, acc=set ; 3: 0x44221910EC001E00
    sa.msmx dst=17538, src=17458                ; 4: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 5: 0x4301000000000000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 6: 0x4201000020000102
    sa.mm c=18864, a=17538, b=416, wt=i8, acc=set ; 7: 0x4424D81120803400
    ev.wait event=1, count=1                    ; 8: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 9: 0x4300000100000000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 10: 0x4201000010000201
    sa.mm c=17458, a=17329, b=284, wt=i8, acc=set ; 11: 0x44221910EC402380
    sa.msmx dst=17538, src=17458                ; 12: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 13: 0x4301000000000000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 14: 0x4201000020000102
    sa.mm c=18868, a=17538, b=460, wt=i8, acc=set ; 15: 0x4424DA1120803980
    ev.wait event=1, count=1                    ; 16: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 17: 0x4300000100000000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 18: 0x4201000010000201
    sa.mm c=17458, a=17330, b=328, wt=i8, acc=set ; 19: 0x44221910EC802900
    sa.msmx dst=17538, src=17458                ; 20: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 21: 0x4301000000000000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 22: 0x4201000020000102
    sa.mm c=18872, a=17538, b=504, wt=i8, acc=set ; 23: 0x4424DC1120803F00
    ev.wait event=1, count=1                    ; 24: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 25: 0x4300000100000000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 26: 0x4201000010000201
    sa.mm c=17458, a=17331, b=372, wt=i8, acc=set ; 27: 0x44221910ECC02E80
    sa.msmx dst=17538, src=17458                ; 28: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 29: 0x4301000000000000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 30: 0x4201000020000102
    sa.mm c=18876, a=17538, b=548, wt=i8, acc=set ; 31: 0x4424DE1120804480
    ev.sig event=2, count=1                     ; 32: 0xF000200100000000
    ev.wait event=1, count=1                    ; 33: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 34: 0x4300000100000000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 35: 0x4201000010000201
    sa.mm c=17714, a=17584, b=592, wt=i8, acc=set ; 36: 0x442299112C004A00
    sa.msmx dst=17794, src=17714                ; 37: 0x5122C1114C800000
    sa.stride c=256, a=0, b=0                   ; 38: 0x4301000000000000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 39: 0x4201000020000102
    sa.mm c=18738, a=17794, b=768, wt=i8, acc=set ; 40: 0x4424991160806000
    ev.wait event=1, count=1                    ; 41: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 42: 0x4300000100000000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 43: 0x4201000010000201
    sa.mm c=17714, a=17585, b=636, wt=i8, acc=set ; 44: 0x442299112C404F80
    sa.msmx dst=17794, src=17714                ; 45: 0x5122C1114C800000
    sa.stride c=256, a=0, b=0                   ; 46: 0x4301000000000000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 47: 0x4201000020000102
    sa.mm c=18742, a=17794, b=812, wt=i8, acc=set ; 48: 0x44249B1160806580
    ev.wait event=1, count=1                    ; 49: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 50: 0x4300000100000000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 51: 0x4201000010000201
    sa.mm c=17714, a=17586, b=680, wt=i8, acc=set ; 52: 0x442299112C805500
    sa.msmx dst=17794, src=17714                ; 53: 0x5122C1114C800000
    sa.stride c=256, a=0, b=0                   ; 54: 0x4301000000000000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 55: 0x4201000020000102
    sa.mm c=18746, a=17794, b=856, wt=i8, acc=set ; 56: 0x44249D1160806B00
    ev.wait event=1, count=1                    ; 57: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 58: 0x4300000100000000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 59: 0x4201000010000201
    sa.mm c=17714, a=17587, b=724, wt=i8, acc=set ; 60: 0x442299112CC05A80
    sa.msmx dst=17794, src=17714                ; 61: 0x5122C1114C800000
    sa.stride c=256, a=0, b=0                   ; 62: 0x4301000000000000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 63: 0x4201000020000102
    sa.mm c=18750, a=17794, b=900, wt=i8, acc=set ; 64: 0x44249F1160807080
    ev.sig event=2, count=1                     ; 65: 0xF000200100000000
    ev.wait event=1, count=1                    ; 66: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 67: 0x4300000100000000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 68: 0x4200400014000201
    sa.mm c=17458, a=17328, b=240, wt=i8, acc=set ; 69: 0x44221910EC001E00
    sa.msmx dst=17538, src=17458                ; 70: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 71: 0x4301000000000000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 72: 0x4200400020000142
    sa.mm c=18864, a=17538, b=416, wt=i8, acc=set ; 73: 0x4424D81120803400
    ev.wait event=1, count=1                    ; 74: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 75: 0x4300000100000000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 76: 0x4200400014000201
    sa.mm c=17458, a=17329, b=284, wt=i8, acc=set ; 77: 0x44221910EC402380
    sa.msmx dst=17538, src=17458                ; 78: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 79: 0x4301000000000000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 80: 0x4200400020000142
    sa.mm c=18868, a=17538, b=460, wt=i8, acc=set ; 81: 0x4424DA1120803980
    ev.wait event=1, count=1                    ; 82: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 83: 0x4300000100000000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 84: 0x4200400014000201
    sa.mm c=17458, a=17330, b=328, wt=i8, acc=set ; 85: 0x44221910EC802900
    sa.msmx dst=17538, src=17458                ; 86: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 87: 0x4301000000000000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 88: 0x4200400020000142
    sa.mm c=18872, a=17538, b=504, wt=i8, acc=set ; 89: 0x4424DC1120803F00
    ev.wait event=1, count=1                    ; 90: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 91: 0x4300000100000000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 92: 0x4200400014000201
    sa.mm c=17458, a=17331, b=372, wt=i8, acc=set ; 93: 0x44221910ECC02E80
    sa.msmx dst=17538, src=17458                ; 94: 0x512241110C800000
    sa.stride c=256, a=0, b=0                   ; 95: 0x4301000000000000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 96: 0x4200400020000142
    sa.mm c=18876, a=17538, b=548, wt=i8, acc=set ; 97: 0x4424DE1120804480
    ev.sig event=2, count=1                     ; 98: 0xF000200100000000
    ev.wait event=1, count=1                    ; 99: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 100: 0x4300000100000000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 101: 0x4200400014000201
    sa.mm c=17714, a=17584, b=592, wt=i8, acc=set ; 102: 0x442299112C004A00
    sa.msmx dst=17794, src=17714                ; 103: 0x5122C1114C800000
    sa.stride c=256, a=0, b=0                   ; 104: 0x4301000000000000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 105: 0x4200400020000142
    sa.mm c=18738, a=17794, b=768, wt=i8, acc=set ; 106: 0x4424991160806000
    ev.wait event=1, count=1                    ; 107: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 108: 0x4300000100000000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 109: 0x4200400014000201
    sa.mm c=17714, a=17585, b=636, wt=i8, acc=set ; 110: 0x442299112C404F80
    sa.msmx dst=17794, src=17714                ; 111: 0x5122C1114C800000
    sa.stride c=256, a=0, b=0                   ; 112: 0x4301000000000000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 113: 0x4200400020000142
    sa.mm c=18742, a=17794, b=812, wt=i8, acc=set ; 114: 0x44249B1160806580
    ev.wait event=1, count=1                    ; 115: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 116: 0x4300000100000000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 117: 0x4200400014000201
    sa.mm c=17714, a=17586, b=680, wt=i8, acc=set ; 118: 0x442299112C805500
    sa.msmx dst=17794, src=17714                ; 119: 0x5122C1114C800000
    sa.stride c=256, a=0, b=0                   ; 120: 0x4301000000000000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 121: 0x4200400020000142
    sa.mm c=18746, a=17794, b=856, wt=i8, acc=set ; 122: 0x44249D1160806B00
    ev.wait event=1, count=1                    ; 123: 0xF100100100000000
    sa.stride c=0, a=256, b=0                   ; 124: 0x4300000100000000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 125: 0x4200400014000201
    sa.mm c=17714, a=17587, b=724, wt=i8, acc=set ; 126: 0x442299112CC05A80
    sa.msmx dst=17794, src=17714                ; 127: 0x5122C1114C800000
    sa.stride c=256, a=0, b=0                   ; 128: 0x4301000000000000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 129: 0x4200400020000142
    sa.mm c=18750, a=17794, b=900, wt=i8, acc=set ; 130: 0x44249F1160807080
    ev.sig event=2, count=1                     ; 131: 0xF000200100000000
    ev.wait event=1, count=1                    ; 132: 0xF100100100000000
    sa.stride c=0, a=0, b=0                     ; 133: 0x4300000000000000
    ev.wait event=144, count=1                  ; 134: 0xF109000100000000
    ev.wait event=145, count=1                  ; 135: 0xF109100100000000
    ev.wait event=146, count=1                  ; 136: 0xF109200100000000
    ev.wait event=147, count=1                  ; 137: 0xF109300100000000
    sa.mshape m=1, n=512, k=256, span=dense     ; 138: 0x4200080100000800
    sa.mm c=17840, a=17328, b=944, wt=i8, acc=set ; 139: 0x4422D810EC007600
    ev.sig event=208, count=1                   ; 140: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 141: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 142: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 143: 0xF00D300100000000
    ev.sig event=3, count=1                     ; 144: 0xF000300100000000
    ev.wait event=4, count=1                    ; 145: 0xF100400100000000
    ev.sig event=2, count=1                     ; 146: 0xF000200100000000
.entry decode
    ev.wait event=1, count=1                    ; 147: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 148: 0x4200080016000203
    sa.mm c=17333, a=17328, b=240, wt=i8, acc=set ; 149: 0x4421DA90EC001E00
    sa.msmx dst=17336, src=17333                ; 150: 0x5121DC10ED400000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 151: 0x4200080020000164
    sa.mm c=17376, a=17336, b=416, wt=i8, acc=set ; 152: 0x4421F010EE003400
    ev.wait event=1, count=1                    ; 153: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 154: 0x4200080016000203
    sa.mm c=17333, a=17329, b=284, wt=i8, acc=set ; 155: 0x4421DA90EC402380
    sa.msmx dst=17336, src=17333                ; 156: 0x5121DC10ED400000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 157: 0x4200080020000164
    sa.mm c=17380, a=17336, b=460, wt=i8, acc=set ; 158: 0x4421F210EE003980
    ev.wait event=1, count=1                    ; 159: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 160: 0x4200080016000203
    sa.mm c=17333, a=17330, b=328, wt=i8, acc=set ; 161: 0x4421DA90EC802900
    sa.msmx dst=17336, src=17333                ; 162: 0x5121DC10ED400000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 163: 0x4200080020000164
    sa.mm c=17384, a=17336, b=504, wt=i8, acc=set ; 164: 0x4421F410EE003F00
    ev.wait event=1, count=1                    ; 165: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 166: 0x4200080016000203
    sa.mm c=17333, a=17331, b=372, wt=i8, acc=set ; 167: 0x4421DA90ECC02E80
    sa.msmx dst=17336, src=17333                ; 168: 0x5121DC10ED400000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 169: 0x4200080020000164
    sa.mm c=17388, a=17336, b=548, wt=i8, acc=set ; 170: 0x4421F610EE004480
    ev.sig event=2, count=1                     ; 171: 0xF000200100000000
    ev.wait event=1, count=1                    ; 172: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 173: 0x4200080016000203
    sa.mm c=17341, a=17336, b=592, wt=i8, acc=set ; 174: 0x4421DE90EE004A00
    sa.msmx dst=17344, src=17341                ; 175: 0x5121E010EF400000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 176: 0x4200080020000164
    sa.mm c=17373, a=17344, b=768, wt=i8, acc=set ; 177: 0x4421EE90F0006000
    ev.wait event=1, count=1                    ; 178: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 179: 0x4200080016000203
    sa.mm c=17341, a=17337, b=636, wt=i8, acc=set ; 180: 0x4421DE90EE404F80
    sa.msmx dst=17344, src=17341                ; 181: 0x5121E010EF400000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 182: 0x4200080020000164
    sa.mm c=17377, a=17344, b=812, wt=i8, acc=set ; 183: 0x4421F090F0006580
    ev.wait event=1, count=1                    ; 184: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 185: 0x4200080016000203
    sa.mm c=17341, a=17338, b=680, wt=i8, acc=set ; 186: 0x4421DE90EE805500
    sa.msmx dst=17344, src=17341                ; 187: 0x5121E010EF400000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 188: 0x4200080020000164
    sa.mm c=17381, a=17344, b=856, wt=i8, acc=set ; 189: 0x4421F290F0006B00
    ev.wait event=1, count=1                    ; 190: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 191: 0x4200080016000203
    sa.mm c=17341, a=17339, b=724, wt=i8, acc=set ; 192: 0x4421DE90EEC05A80
    sa.msmx dst=17344, src=17341                ; 193: 0x5121E010EF400000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 194: 0x4200080020000164
    sa.mm c=17385, a=17344, b=900, wt=i8, acc=set ; 195: 0x4421F490F0007080
    ev.sig event=2, count=1                     ; 196: 0xF000200100000000
    ev.wait event=1, count=1                    ; 197: 0xF100100100000000
    ev.wait event=144, count=1                  ; 198: 0xF109000100000000
    ev.wait event=145, count=1                  ; 199: 0xF109100100000000
    ev.wait event=146, count=1                  ; 200: 0xF109200100000000
    ev.wait event=147, count=1                  ; 201: 0xF109300100000000
    sa.mshape m=1, n=512, k=256, span=dense     ; 202: 0x4200080100000800
    sa.mm c=17344, a=17328, b=944, wt=i8, acc=set ; 203: 0x4421E010EC007600
    ev.sig event=208, count=1                   ; 204: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 205: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 206: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 207: 0xF00D300100000000
    ev.sig event=3, count=1                     ; 208: 0xF000300100000000
    ev.wait event=4, count=1                    ; 209: 0xF100400100000000
    ev.sig event=2, count=1                     ; 210: 0xF000200100000000

.lpddr_dma 0
.debug first=0, count=3, op=0, name="tok"
.debug first=3, count=3, op=0, name="tok"
.debug first=6, count=6, op=30, name="logits"
.debug first=12, count=2, op=1048576, name="tok"
.debug first=14, count=6, op=1048605, name="logits"
.entry prefill
    dma.tok first=0, count=32                   ; 0: 0x6500000020000000
    dma.row sram=17328, table=1024, len=8, index=token ; 1: 0x6221D80001000010
    ev.sig event=16, count=1                    ; 2: 0xF001000100000000
    dma.tok first=32, count=8                   ; 3: 0x6500200008000000
    dma.row sram=17328, table=1024, len=8, index=token ; 4: 0x6221D80001000010
    ev.sig event=16, count=1                    ; 5: 0xF001000100000000
    dma.ld sram=944, lpddr=0, len=1024          ; 6: 0x6001D80000000400
    ev.sig event=144, count=1                   ; 7: 0xF009000100000000
    ev.wait event=3, count=1                    ; 8: 0xF100300100000000
    dma.st sram=17840, lpddr=6368, len=32       ; 9: 0x6122D80006380020
    ev.sig event=4, count=1                     ; 10: 0xF000400100000000
    ev.wait event=208, count=1                  ; 11: 0xF10D000100000000
.entry decode
    dma.row sram=17328, table=1024, len=8, index=token ; 12: 0x6221D80001000010
    ev.sig event=16, count=1                    ; 13: 0xF001000100000000
    dma.ld sram=944, lpddr=0, len=1024          ; 14: 0x6001D80000000400
    ev.sig event=144, count=1                   ; 15: 0xF009000100000000
    ev.wait event=3, count=1                    ; 16: 0xF100300100000000
    dma.st sram=17344, lpddr=6400, len=32       ; 17: 0x6121E00006400020
    ev.sig event=4, count=1                     ; 18: 0xF000400100000000
    ev.wait event=208, count=1                  ; 19: 0xF10D000100000000

.lpddr_dma 1
.debug first=0, count=3, op=2, name="pos"
.debug first=3, count=3, op=2, name="pos"
.debug first=6, count=3, op=30, name="logits"
.debug first=9, count=2, op=1048578, name="pos"
.debug first=11, count=3, op=1048605, name="logits"
.entry prefill
    dma.tok first=0, count=32                   ; 0: 0x6500000020000000
    dma.row sram=17584, table=1024, len=8, index=position ; 1: 0x6222580001000011
    ev.sig event=17, count=1                    ; 2: 0xF001100100000000
    dma.tok first=32, count=8                   ; 3: 0x6500200008000000
    dma.row sram=17584, table=1024, len=8, index=position ; 4: 0x6222580001000011
    ev.sig event=17, count=1                    ; 5: 0xF001100100000000
    dma.ld sram=1968, lpddr=0, len=1024         ; 6: 0x6003D80000000400
    ev.sig event=145, count=1                   ; 7: 0xF009100100000000
    ev.wait event=209, count=1                  ; 8: 0xF10D100100000000
.entry decode
    dma.row sram=17336, table=1024, len=8, index=position ; 9: 0x6221DC0001000011
    ev.sig event=17, count=1                    ; 10: 0xF001100100000000
    dma.ld sram=1968, lpddr=0, len=1024         ; 11: 0x6003D80000000400
    ev.sig event=145, count=1                   ; 12: 0xF009100100000000
    ev.wait event=209, count=1                  ; 13: 0xF10D100100000000

.lpddr_dma 2
.debug first=0, count=3, op=30, name="logits"
.debug first=3, count=3, op=1048605, name="logits"
.entry prefill
    dma.ld sram=2992, lpddr=0, len=1024         ; 0: 0x6005D80000000400
    ev.sig event=146, count=1                   ; 1: 0xF009200100000000
    ev.wait event=210, count=1                  ; 2: 0xF10D200100000000
.entry decode
    dma.ld sram=2992, lpddr=0, len=1024         ; 3: 0x6005D80000000400
    ev.sig event=146, count=1                   ; 4: 0xF009200100000000
    ev.wait event=210, count=1                  ; 5: 0xF10D200100000000

.lpddr_dma 3
.debug first=0, count=3, op=30, name="logits"
.debug first=3, count=3, op=1048605, name="logits"
.entry prefill
    dma.ld sram=4016, lpddr=0, len=1024         ; 0: 0x6007D80000000400
    ev.sig event=147, count=1                   ; 1: 0xF009300100000000
    ev.wait event=211, count=1                  ; 2: 0xF10D300100000000
.entry decode
    dma.ld sram=4016, lpddr=0, len=1024         ; 3: 0x6007D80000000400
    ev.sig event=147, count=1                   ; 4: 0xF009300100000000
    ev.wait event=211, count=1                  ; 5: 0xF10D300100000000
