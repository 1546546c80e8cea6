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
.region "transformer.wte.weight.ch0", weight, lpddr, channel=0, addr=49152, size=32768
.region "transformer.wte.weight.ch1", weight, lpddr, channel=1, addr=49152, size=32768
.region "transformer.wte.weight.ch2", weight, lpddr, channel=2, addr=49152, size=32768
.region "transformer.wte.weight.ch3", weight, lpddr, channel=3, addr=49152, size=32768
.region "transformer.wte.weight.rows", weight, lpddr, channel=0, addr=81920, size=262144
.region "transformer.wpe.weight.rows", weight, lpddr, channel=1, addr=81920, size=32768
.region "prefill.logits", activation, lpddr, channel=0, addr=344064, size=81920
.region "decode.logits", activation, lpddr, channel=0, addr=425984, size=2048
.region "sram.params", weight, sram, chip=0, addr=0, size=18368
.region "sram.kv", kv_cache, sram, chip=0, addr=18368, size=45056
.region "sram.weight_chunks", scratch, sram, chip=0, addr=63424, size=1048576
.region "sram.activations", activation, sram, chip=0, addr=1112000, size=237696

.xbar 0
.debug first=0, count=2, op=0, name="tok"
.debug first=2, count=1, op=2, name="pos"
.debug first=3, count=2, op=3, name="embed"
.debug first=5, count=1, op=4, name="l0.ln1"
.debug first=6, count=4, op=5, name="l0.q"
.debug first=10, count=4, op=6, name="l0.k"
.debug first=14, count=4, op=7, name="l0.v"
.debug first=18, count=19, op=8, name="l0.attn"
.debug first=37, count=5, op=9, name="l0.o"
.debug first=42, count=1, op=10, name="l0.h"
.debug first=43, count=1, op=11, name="l0.ln2"
.debug first=44, count=5, op=12, name="l0.fc1"
.debug first=49, count=1, op=13, name="l0.act"
.debug first=50, count=5, op=14, name="l0.fc2"
.debug first=55, count=1, op=15, name="l0.out"
.debug first=56, count=1, op=16, name="l1.ln1"
.debug first=57, count=4, op=17, name="l1.q"
.debug first=61, count=4, op=18, name="l1.k"
.debug first=65, count=4, op=19, name="l1.v"
.debug first=69, count=19, op=20, name="l1.attn"
.debug first=88, count=5, op=21, name="l1.o"
.debug first=93, count=1, op=22, name="l1.h"
.debug first=94, count=1, op=23, name="l1.ln2"
.debug first=95, count=5, op=24, name="l1.fc1"
.debug first=100, count=1, op=25, name="l1.act"
.debug first=101, count=5, op=26, name="l1.fc2"
.debug first=106, count=1, op=27, name="l1.out"
.debug first=107, count=3, op=0, name="tok"
.debug first=110, count=2, op=2, name="pos"
.debug first=112, count=1, op=3, name="embed"
.debug first=113, count=1, op=4, name="l0.ln1"
.debug first=114, count=4, op=5, name="l0.q"
.debug first=118, count=4, op=6, name="l0.k"
.debug first=122, count=4, op=7, name="l0.v"
.debug first=126, count=19, op=8, name="l0.attn"
.debug first=145, count=5, op=9, name="l0.o"
.debug first=150, count=1, op=10, name="l0.h"
.debug first=151, count=1, op=11, name="l0.ln2"
.debug first=152, count=5, op=12, name="l0.fc1"
.debug first=157, count=1, op=13, name="l0.act"
.debug first=158, count=5, op=14, name="l0.fc2"
.debug first=163, count=1, op=15, name="l0.out"
.debug first=164, count=1, op=16, name="l1.ln1"
.debug first=165, count=4, op=17, name="l1.q"
.debug first=169, count=4, op=18, name="l1.k"
.debug first=173, count=4, op=19, name="l1.v"
.debug first=177, count=19, op=20, name="l1.attn"
.debug first=196, count=5, op=21, name="l1.o"
.debug first=201, count=1, op=22, name="l1.h"
.debug first=202, count=1, op=23, name="l1.ln2"
.debug first=203, count=5, op=24, name="l1.fc1"
.debug first=208, count=1, op=25, name="l1.act"
.debug first=209, count=5, op=26, name="l1.fc2"
.debug first=214, count=1, op=27, name="l1.out"
.debug first=215, count=1, op=28, name="last"
.debug first=216, count=1, op=29, name="norm"
.debug first=217, count=3, op=30, name="logits"
.debug first=220, count=1, op=1048576, name="tok"
.debug first=221, count=1, op=1048578, name="pos"
.debug first=222, count=2, op=1048579, name="embed"
.debug first=224, count=1, op=1048580, name="l0.ln1"
.debug first=225, count=4, op=1048581, name="l0.q"
.debug first=229, count=4, op=1048582, name="l0.k"
.debug first=233, count=4, op=1048583, name="l0.v"
.debug first=237, count=19, op=1048584, name="l0.attn"
.debug first=256, count=5, op=1048585, name="l0.o"
.debug first=261, count=1, op=1048586, name="l0.h"
.debug first=262, count=1, op=1048587, name="l0.ln2"
.debug first=263, count=5, op=1048588, name="l0.fc1"
.debug first=268, count=1, op=1048589, name="l0.act"
.debug first=269, count=5, op=1048590, name="l0.fc2"
.debug first=274, count=1, op=1048591, name="l0.out"
.debug first=275, count=1, op=1048592, name="l1.ln1"
.debug first=276, count=4, op=1048593, name="l1.q"
.debug first=280, count=4, op=1048594, name="l1.k"
.debug first=284, count=4, op=1048595, name="l1.v"
.debug first=288, count=19, op=1048596, name="l1.attn"
.debug first=307, count=5, op=1048597, name="l1.o"
.debug first=312, count=1, op=1048598, name="l1.h"
.debug first=313, count=1, op=1048599, name="l1.ln2"
.debug first=314, count=5, op=1048600, name="l1.fc1"
.debug first=319, count=1, op=1048601, name="l1.act"
.debug first=320, count=5, op=1048602, name="l1.fc2"
.debug first=325, count=1, op=1048603, name="l1.out"
.debug first=326, count=1, op=1048604, name="norm"
.debug first=327, count=3, op=1048605, name="logits"
.entry prefill
    pp.tok first=0, count=32                    ; 0: 0x2800000020000000
    ev.wait event=16, count=1                   ; 1: 0xF101000100000000
    ev.wait event=17, count=1                   ; 2: 0xF101100100000000
    pp.len len=256, group=1, stride=0           ; 3: 0x2000010000800000
    pp.add dst=17887, a=17375, b=17631, dt=fp16, rt=fp16 ; 4: 0x2322EF90F7C89BF0
    pp.norm dst=17375, src=17887, params=0, kind=layer, dt=fp16 ; 5: 0x2121EF9177C00008
    pp.quant dst=17631, src=17375, scale=17759, dt=fp16 ; 6: 0x26226F90F7C8ABF0
    ev.sig event=1, count=1                     ; 7: 0xF000100100000000
    ev.wait event=2, count=1                    ; 8: 0xF100200100000000
    pp.add dst=18143, a=18143, b=18, dt=fp32, rt=fp32 ; 9: 0x23236F91B7C0025C
    pp.quant dst=17631, src=17375, scale=17759, dt=fp16 ; 10: 0x26226F90F7C8ABF0
    ev.sig event=1, count=1                     ; 11: 0xF000100100000000
    ev.wait event=2, count=1                    ; 12: 0xF100200100000000
    pp.add dst=18655, a=18655, b=27, dt=fp32, rt=fp32 ; 13: 0x23246F9237C0037C
    pp.quant dst=17631, src=17375, scale=17759, dt=fp16 ; 14: 0x26226F90F7C8ABF0
    ev.sig event=1, count=1                     ; 15: 0xF000100100000000
    ev.wait event=2, count=1                    ; 16: 0xF100200100000000
    pp.add dst=19167, a=19167, b=36, dt=fp32, rt=fp32 ; 17: 0x23256F92B7C0049C
    pp.quant dst=17375, src=18143, scale=17503, dt=fp32 ; 18: 0x2621EF91B7C88BF8
    pp.quant dst=17505, src=18655, scale=17633, dt=fp32 ; 19: 0x2622309237C89C38
    pp.quant dst=17635, src=19167, scale=17763, dt=fp32 ; 20: 0x26227192B7C8AC78
    pp.srow dst=44, src=17633                   ; 21: 0x2A00161138400000
    pp.srow dst=47, src=17763                   ; 22: 0x2A00179158C00000
    pp.len len=64, group=1, stride=256          ; 23: 0x2000004000808000
    pp.qrow dst=287, src=17505                  ; 24: 0x27008F9118400000
    pp.qrow dst=463, src=17635                  ; 25: 0x2700E79138C00000
    ev.sig event=1, count=1                     ; 26: 0xF000100100000000
    pp.qrow dst=331, src=17506                  ; 27: 0x2700A59118800000
    pp.qrow dst=507, src=17636                  ; 28: 0x2700FD9139000000
    ev.sig event=1, count=1                     ; 29: 0xF000100100000000
    pp.qrow dst=375, src=17507                  ; 30: 0x2700BB9118C00000
    pp.qrow dst=551, src=17637                  ; 31: 0x2701139139400000
    ev.sig event=1, count=1                     ; 32: 0xF000100100000000
    pp.qrow dst=419, src=17508                  ; 33: 0x2700D19119000000
    pp.qrow dst=595, src=17638                  ; 34: 0x2701299139800000
    ev.sig event=1, count=1                     ; 35: 0xF000100100000000
    ev.wait event=2, count=1                    ; 36: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 37: 0x2000010000800000
    pp.quant dst=17375, src=19679, scale=17503, dt=fp32 ; 38: 0x2621EF9337C88BF8
    ev.sig event=1, count=1                     ; 39: 0xF000100100000000
    ev.wait event=2, count=1                    ; 40: 0xF100200100000000
    pp.add dst=18143, a=18143, b=52, dt=fp32, rt=fp32 ; 41: 0x23236F91B7C0069C
    pp.add dst=17375, a=17887, b=18143, dt=fp16, rt=fp16 ; 42: 0x2321EF9177C8DBF0
    pp.norm dst=17631, src=17375, params=60, kind=layer, dt=fp16 ; 43: 0x21226F90F7C00788
    pp.quant dst=17887, src=17631, scale=18015, dt=fp16 ; 44: 0x2622EF9137C8CBF0
    ev.sig event=1, count=1                     ; 45: 0xF000100100000000
    ev.wait event=2, count=1                    ; 46: 0xF100200100000000
    pp.len len=1024, group=1, stride=0          ; 47: 0x2000040000800000
    pp.add dst=18017, a=18017, b=78, dt=fp32, rt=fp32 ; 48: 0x23233091984009DC
    pp.act dst=20065, src=18017, fn=gelu, dt=fp32 ; 49: 0x22273091984C0000
    pp.quant dst=17631, src=20065, scale=18143, dt=fp16 ; 50: 0x26226F939848DBF0
    ev.sig event=1, count=1                     ; 51: 0xF000100100000000
    ev.wait event=2, count=1                    ; 52: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 53: 0x2000010000800000
    pp.add dst=18145, a=18145, b=111, dt=fp32, rt=fp32 ; 54: 0x23237091B8400DFC
    pp.add dst=17631, a=17375, b=18145, dt=fp16, rt=fp16 ; 55: 0x23226F90F7C8DC30
    pp.norm dst=17375, src=17631, params=119, kind=layer, dt=fp16 ; 56: 0x2121EF9137C00EE8
    pp.quant dst=17887, src=17375, scale=18015, dt=fp16 ; 57: 0x2622EF90F7C8CBF0
    ev.sig event=1, count=1                     ; 58: 0xF000100100000000
    ev.wait event=2, count=1                    ; 59: 0xF100200100000000
    pp.add dst=18017, a=18017, b=137, dt=fp32, rt=fp32 ; 60: 0x232330919840113C
    pp.quant dst=17887, src=17375, scale=18015, dt=fp16 ; 61: 0x2622EF90F7C8CBF0
    ev.sig event=1, count=1                     ; 62: 0xF000100100000000
    ev.wait event=2, count=1                    ; 63: 0xF100200100000000
    pp.add dst=18529, a=18529, b=146, dt=fp32, rt=fp32 ; 64: 0x232430921840125C
    pp.quant dst=17887, src=17375, scale=18015, dt=fp16 ; 65: 0x2622EF90F7C8CBF0
    ev.sig event=1, count=1                     ; 66: 0xF000100100000000
    ev.wait event=2, count=1                    ; 67: 0xF100200100000000
    pp.add dst=19041, a=19041, b=155, dt=fp32, rt=fp32 ; 68: 0x232530929840137C
    pp.quant dst=17375, src=18017, scale=17503, dt=fp32 ; 69: 0x2621EF9198488BF8
    pp.quant dst=17887, src=18529, scale=17505, dt=fp32 ; 70: 0x2622EF9218488C38
    pp.quant dst=19553, src=19041, scale=17507, dt=fp32 ; 71: 0x2626309298488C78
    pp.srow dst=163, src=17505                  ; 72: 0x2A00519118400000
    pp.srow dst=166, src=17507                  ; 73: 0x2A00531118C00000
    pp.len len=64, group=1, stride=256          ; 74: 0x2000004000808000
    pp.qrow dst=639, src=17887                  ; 75: 0x27013F9177C00000
    pp.qrow dst=815, src=19553                  ; 76: 0x2701979318400000
    ev.sig event=1, count=1                     ; 77: 0xF000100100000000
    pp.qrow dst=683, src=17888                  ; 78: 0x2701559178000000
    pp.qrow dst=859, src=19554                  ; 79: 0x2701AD9318800000
    ev.sig event=1, count=1                     ; 80: 0xF000100100000000
    pp.qrow dst=727, src=17889                  ; 81: 0x27016B9178400000
    pp.qrow dst=903, src=19555                  ; 82: 0x2701C39318C00000
    ev.sig event=1, count=1                     ; 83: 0xF000100100000000
    pp.qrow dst=771, src=17890                  ; 84: 0x2701819178800000
    pp.qrow dst=947, src=19556                  ; 85: 0x2701D99319000000
    ev.sig event=1, count=1                     ; 86: 0xF000100100000000
    ev.wait event=2, count=1                    ; 87: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 88: 0x2000010000800000
    pp.quant dst=17375, src=19681, scale=17503, dt=fp32 ; 89: 0x2621EF9338488BF8
    ev.sig event=1, count=1                     ; 90: 0xF000100100000000
    ev.wait event=2, count=1                    ; 91: 0xF100200100000000
    pp.add dst=17887, a=17887, b=171, dt=fp32, rt=fp32 ; 92: 0x2322EF9177C0157C
    pp.add dst=17375, a=17631, b=17887, dt=fp16, rt=fp16 ; 93: 0x2321EF9137C8BBF0
    pp.norm dst=17631, src=17375, params=179, kind=layer, dt=fp16 ; 94: 0x21226F90F7C01668
    pp.quant dst=17887, src=17631, scale=18015, dt=fp16 ; 95: 0x2622EF9137C8CBF0
    ev.sig event=1, count=1                     ; 96: 0xF000100100000000
    ev.wait event=2, count=1                    ; 97: 0xF100200100000000
    pp.len len=1024, group=1, stride=0          ; 98: 0x2000040000800000
    pp.add dst=18017, a=18017, b=197, dt=fp32, rt=fp32 ; 99: 0x23233091984018BC
    pp.act dst=20065, src=18017, fn=gelu, dt=fp32 ; 100: 0x22273091984C0000
    pp.quant dst=17631, src=20065, scale=18143, dt=fp16 ; 101: 0x26226F939848DBF0
    ev.sig event=1, count=1                     ; 102: 0xF000100100000000
    ev.wait event=2, count=1                    ; 103: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 104: 0x2000010000800000
    pp.add dst=18145, a=18145, b=230, dt=fp32, rt=fp32 ; 105: 0x23237091B8401CDC
    pp.add dst=17631, a=17375, b=18145, dt=fp16, rt=fp16 ; 106: 0x23226F90F7C8DC30
    pp.tok first=32, count=8                    ; 107: 0x2800200008000000
    ev.sig event=80, count=1                    ; 108: 0xF005000100000000
    ev.wait event=16, count=1                   ; 109: 0xF101000100000000
    ev.sig event=81, count=1                    ; 110: 0xF005100100000000
    ev.wait event=17, count=1                   ; 111: 0xF101100100000000
    pp.add dst=17887, a=17375, b=17631, dt=fp16, rt=fp16 ; 112: 0x2322EF90F7C89BF0
    pp.norm dst=17375, src=17887, params=0, kind=layer, dt=fp16 ; 113: 0x2121EF9177C00008
    pp.quant dst=17631, src=17375, scale=17759, dt=fp16 ; 114: 0x26226F90F7C8ABF0
    ev.sig event=1, count=1                     ; 115: 0xF000100100000000
    ev.wait event=2, count=1                    ; 116: 0xF100200100000000
    pp.add dst=18143, a=18143, b=18, dt=fp32, rt=fp32 ; 117: 0x23236F91B7C0025C
    pp.quant dst=17631, src=17375, scale=17759, dt=fp16 ; 118: 0x26226F90F7C8ABF0
    ev.sig event=1, count=1                     ; 119: 0xF000100100000000
    ev.wait event=2, count=1                    ; 120: 0xF100200100000000
    pp.add dst=18655, a=18655, b=27, dt=fp32, rt=fp32 ; 121: 0x23246F9237C0037C
    pp.quant dst=17631, src=17375, scale=17759, dt=fp16 ; 122: 0x26226F90F7C8ABF0
    ev.sig event=1, count=1                     ; 123: 0xF000100100000000
    ev.wait event=2, count=1                    ; 124: 0xF100200100000000
    pp.add dst=19167, a=19167, b=36, dt=fp32, rt=fp32 ; 125: 0x23256F92B7C0049C
    pp.quant dst=17375, src=18143, scale=17503, dt=fp32 ; 126: 0x2621EF91B7C88BF8
    pp.quant dst=17505, src=18655, scale=17633, dt=fp32 ; 127: 0x2622309237C89C38
    pp.quant dst=17635, src=19167, scale=17763, dt=fp32 ; 128: 0x26227192B7C8AC78
    pp.srow dst=44, src=17633                   ; 129: 0x2A00161138400000
    pp.srow dst=47, src=17763                   ; 130: 0x2A00179158C00000
    pp.len len=64, group=1, stride=256          ; 131: 0x2000004000808000
    pp.qrow dst=287, src=17505                  ; 132: 0x27008F9118400000
    pp.qrow dst=463, src=17635                  ; 133: 0x2700E79138C00000
    ev.sig event=1, count=1                     ; 134: 0xF000100100000000
    pp.qrow dst=331, src=17506                  ; 135: 0x2700A59118800000
    pp.qrow dst=507, src=17636                  ; 136: 0x2700FD9139000000
    ev.sig event=1, count=1                     ; 137: 0xF000100100000000
    pp.qrow dst=375, src=17507                  ; 138: 0x2700BB9118C00000
    pp.qrow dst=551, src=17637                  ; 139: 0x2701139139400000
    ev.sig event=1, count=1                     ; 140: 0xF000100100000000
    pp.qrow dst=419, src=17508                  ; 141: 0x2700D19119000000
    pp.qrow dst=595, src=17638                  ; 142: 0x2701299139800000
    ev.sig event=1, count=1                     ; 143: 0xF000100100000000
    ev.wait event=2, count=1                    ; 144: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 145: 0x2000010000800000
    pp.quant dst=17375, src=19679, scale=17503, dt=fp32 ; 146: 0x2621EF9337C88BF8
    ev.sig event=1, count=1                     ; 147: 0xF000100100000000
    ev.wait event=2, count=1                    ; 148: 0xF100200100000000
    pp.add dst=18143, a=18143, b=52, dt=fp32, rt=fp32 ; 149: 0x23236F91B7C0069C
    pp.add dst=17375, a=17887, b=18143, dt=fp16, rt=fp16 ; 150: 0x2321EF9177C8DBF0
    pp.norm dst=17631, src=17375, params=60, kind=layer, dt=fp16 ; 151: 0x21226F90F7C00788
    pp.quant dst=17887, src=17631, scale=18015, dt=fp16 ; 152: 0x2622EF9137C8CBF0
    ev.sig event=1, count=1                     ; 153: 0xF000100100000000
    ev.wait event=2, count=1                    ; 154: 0xF100200100000000
    pp.len len=1024, group=1, stride=0          ; 155: 0x2000040000800000
    pp.add dst=18017, a=18017, b=78, dt=fp32, rt=fp32 ; 156: 0x23233091984009DC
    pp.act dst=20065, src=18017, fn=gelu, dt=fp32 ; 157: 0x22273091984C0000
    pp.quant dst=17631, src=20065, scale=18143, dt=fp16 ; 158: 0x26226F939848DBF0
    ev.sig event=1, count=1                     ; 159: 0xF000100100000000
    ev.wait event=2, count=1                    ; 160: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 161: 0x2000010000800000
    pp.add dst=18145, a=18145, b=111, dt=fp32, rt=fp32 ; 162: 0x23237091B8400DFC
    pp.add dst=17631, a=17375, b=18145, dt=fp16, rt=fp16 ; 163: 0x23226F90F7C8DC30
    pp.norm dst=17375, src=17631, params=119, kind=layer, dt=fp16 ; 164: 0x2121EF9137C00EE8
    pp.quant dst=17887, src=17375, scale=18015, dt=fp16 ; 165: 0x2622EF90F7C8CBF0
    ev.sig event=1, count=1                     ; 166: 0xF000100100000000
    ev.wait event=2, count=1                    ; 167: 0xF100200100000000
    pp.add dst=18017, a=18017, b=137, dt=fp32, rt=fp32 ; 168: 0x232330919840113C
    pp.quant dst=17887, src=17375, scale=18015, dt=fp16 ; 169: 0x2622EF90F7C8CBF0
    ev.sig event=1, count=1                     ; 170: 0xF000100100000000
    ev.wait event=2, count=1                    ; 171: 0xF100200100000000
    pp.add dst=18529, a=18529, b=146, dt=fp32, rt=fp32 ; 172: 0x232430921840125C
    pp.quant dst=17887, src=17375, scale=18015, dt=fp16 ; 173: 0x2622EF90F7C8CBF0
    ev.sig event=1, count=1                     ; 174: 0xF000100100000000
    ev.wait event=2, count=1                    ; 175: 0xF100200100000000
    pp.add dst=19041, a=19041, b=155, dt=fp32, rt=fp32 ; 176: 0x232530929840137C
    pp.quant dst=17375, src=18017, scale=17503, dt=fp32 ; 177: 0x2621EF9198488BF8
    pp.quant dst=17887, src=18529, scale=17505, dt=fp32 ; 178: 0x2622EF9218488C38
    pp.quant dst=19553, src=19041, scale=17507, dt=fp32 ; 179: 0x2626309298488C78
    pp.srow dst=163, src=17505                  ; 180: 0x2A00519118400000
    pp.srow dst=166, src=17507                  ; 181: 0x2A00531118C00000
    pp.len len=64, group=1, stride=256          ; 182: 0x2000004000808000
    pp.qrow dst=639, src=17887                  ; 183: 0x27013F9177C00000
    pp.qrow dst=815, src=19553                  ; 184: 0x2701979318400000
    ev.sig event=1, count=1                     ; 185: 0xF000100100000000
    pp.qrow dst=683, src=17888                  ; 186: 0x2701559178000000
    pp.qrow dst=859, src=19554                  ; 187: 0x2701AD9318800000
    ev.sig event=1, count=1                     ; 188: 0xF000100100000000
    pp.qrow dst=727, src=17889                  ; 189: 0x27016B9178400000
    pp.qrow dst=903, src=19555                  ; 190: 0x2701C39318C00000
    ev.sig event=1, count=1                     ; 191: 0xF000100100000000
    pp.qrow dst=771, src=17890                  ; 192: 0x2701819178800000
    pp.qrow dst=947, src=19556                  ; 193: 0x2701D99319000000
    ev.sig event=1, count=1                     ; 194: 0xF000100100000000
    ev.wait event=2, count=1                    ; 195: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 196: 0x2000010000800000
    pp.quant dst=17375, src=19681, scale=17503, dt=fp32 ; 197: 0x2621EF9338488BF8
    ev.sig event=1, count=1                     ; 198: 0xF000100100000000
    ev.wait event=2, count=1                    ; 199: 0xF100200100000000
    pp.add dst=17887, a=17887, b=171, dt=fp32, rt=fp32 ; 200: 0x2322EF9177C0157C
    pp.add dst=17375, a=17631, b=17887, dt=fp16, rt=fp16 ; 201: 0x2321EF9137C8BBF0
    pp.norm dst=17631, src=17375, params=179, kind=layer, dt=fp16 ; 202: 0x21226F90F7C01668
    pp.quant dst=17887, src=17631, scale=18015, dt=fp16 ; 203: 0x2622EF9137C8CBF0
    ev.sig event=1, count=1                     ; 204: 0xF000100100000000
    ev.wait event=2, count=1                    ; 205: 0xF100200100000000
    pp.len len=1024, group=1, stride=0          ; 206: 0x2000040000800000
    pp.add dst=18017, a=18017, b=197, dt=fp32, rt=fp32 ; 207: 0x23233091984018BC
    pp.act dst=20065, src=18017, fn=gelu, dt=fp32 ; 208: 0x22273091984C0000
    pp.quant dst=17631, src=20065, scale=18143, dt=fp16 ; 209: 0x26226F939848DBF0
    ev.sig event=1, count=1                     ; 210: 0xF000100100000000
    ev.wait event=2, count=1                    ; 211: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 212: 0x2000010000800000
    pp.add dst=18145, a=18145, b=230, dt=fp32, rt=fp32 ; 213: 0x23237091B8401CDC
    pp.add dst=17631, a=17375, b=18145, dt=fp16, rt=fp16 ; 214: 0x23226F90F7C8DC30
    pp.tok first=39, count=1                    ; 215: 0x2800270001000000
    pp.norm dst=17375, src=17687, params=238, kind=layer, dt=fp16 ; 216: 0x2121EF9145C01DC8
    pp.quant dst=17631, src=17375, scale=17759, dt=fp16 ; 217: 0x26226F90F7C8ABF0
    ev.sig event=1, count=1                     ; 218: 0xF000100100000000
    ev.wait event=2, count=1                    ; 219: 0xF100200100000000
.entry decode
    ev.wait event=16, count=1                   ; 220: 0xF101000100000000
    ev.wait event=17, count=1                   ; 221: 0xF101100100000000
    pp.len len=256, group=1, stride=0           ; 222: 0x2000010000800000
    pp.add dst=17391, a=17375, b=17383, dt=fp16, rt=fp16 ; 223: 0x2321F790F7C87CF0
    pp.norm dst=17375, src=17391, params=0, kind=layer, dt=fp16 ; 224: 0x2121EF90FBC00008
    pp.quant dst=17383, src=17375, scale=17387, dt=fp16 ; 225: 0x2621F390F7C87D70
    ev.sig event=1, count=1                     ; 226: 0xF000100100000000
    ev.wait event=2, count=1                    ; 227: 0xF100200100000000
    pp.add dst=17399, a=17399, b=18, dt=fp32, rt=fp32 ; 228: 0x2321FB90FDC0025C
    pp.quant dst=17383, src=17375, scale=17387, dt=fp16 ; 229: 0x2621F390F7C87D70
    ev.sig event=1, count=1                     ; 230: 0xF000100100000000
    ev.wait event=2, count=1                    ; 231: 0xF100200100000000
    pp.add dst=17415, a=17415, b=27, dt=fp32, rt=fp32 ; 232: 0x2322039101C0037C
    pp.quant dst=17383, src=17375, scale=17387, dt=fp16 ; 233: 0x2621F390F7C87D70
    ev.sig event=1, count=1                     ; 234: 0xF000100100000000
    ev.wait event=2, count=1                    ; 235: 0xF100200100000000
    pp.add dst=17431, a=17431, b=36, dt=fp32, rt=fp32 ; 236: 0x23220B9105C0049C
    pp.quant dst=17375, src=17399, scale=17379, dt=fp32 ; 237: 0x2621EF90FDC87C78
    pp.quant dst=17380, src=17415, scale=17384, dt=fp32 ; 238: 0x2621F21101C87D18
    pp.quant dst=17385, src=17431, scale=17389, dt=fp32 ; 239: 0x2621F49105C87DB8
    pp.srow dst=44, src=17384                   ; 240: 0x2A001610FA000000
    pp.srow dst=47, src=17389                   ; 241: 0x2A001790FB400000
    pp.len len=64, group=1, stride=256          ; 242: 0x2000004000808000
    pp.qrow dst=287, src=17380                  ; 243: 0x27008F90F9000000
    pp.qrow dst=463, src=17385                  ; 244: 0x2700E790FA400000
    ev.sig event=1, count=1                     ; 245: 0xF000100100000000
    pp.qrow dst=331, src=17381                  ; 246: 0x2700A590F9400000
    pp.qrow dst=507, src=17386                  ; 247: 0x2700FD90FA800000
    ev.sig event=1, count=1                     ; 248: 0xF000100100000000
    pp.qrow dst=375, src=17382                  ; 249: 0x2700BB90F9800000
    pp.qrow dst=551, src=17387                  ; 250: 0x27011390FAC00000
    ev.sig event=1, count=1                     ; 251: 0xF000100100000000
    pp.qrow dst=419, src=17383                  ; 252: 0x2700D190F9C00000
    pp.qrow dst=595, src=17388                  ; 253: 0x27012990FB000000
    ev.sig event=1, count=1                     ; 254: 0xF000100100000000
    ev.wait event=2, count=1                    ; 255: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 256: 0x2000010000800000
    pp.quant dst=17375, src=17451, scale=17379, dt=fp32 ; 257: 0x2621EF910AC87C78
    ev.sig event=1, count=1                     ; 258: 0xF000100100000000
    ev.wait event=2, count=1                    ; 259: 0xF100200100000000
    pp.add dst=17399, a=17399, b=52, dt=fp32, rt=fp32 ; 260: 0x2321FB90FDC0069C
    pp.add dst=17375, a=17391, b=17399, dt=fp16, rt=fp16 ; 261: 0x2321EF90FBC87EF0
    pp.norm dst=17383, src=17375, params=60, kind=layer, dt=fp16 ; 262: 0x2121F390F7C00788
    pp.quant dst=17391, src=17383, scale=17395, dt=fp16 ; 263: 0x2621F790F9C87E70
    ev.sig event=1, count=1                     ; 264: 0xF000100100000000
    ev.wait event=2, count=1                    ; 265: 0xF100200100000000
    pp.len len=1024, group=1, stride=0          ; 266: 0x2000040000800000
    pp.add dst=17396, a=17396, b=78, dt=fp32, rt=fp32 ; 267: 0x2321FA10FD0009DC
    pp.act dst=17460, src=17396, fn=gelu, dt=fp32 ; 268: 0x22221A10FD0C0000
    pp.quant dst=17383, src=17460, scale=17399, dt=fp16 ; 269: 0x2621F3910D087EF0
    ev.sig event=1, count=1                     ; 270: 0xF000100100000000
    ev.wait event=2, count=1                    ; 271: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 272: 0x2000010000800000
    pp.add dst=17400, a=17400, b=111, dt=fp32, rt=fp32 ; 273: 0x2321FC10FE000DFC
    pp.add dst=17383, a=17375, b=17400, dt=fp16, rt=fp16 ; 274: 0x2321F390F7C87F10
    pp.norm dst=17375, src=17383, params=119, kind=layer, dt=fp16 ; 275: 0x2121EF90F9C00EE8
    pp.quant dst=17391, src=17375, scale=17395, dt=fp16 ; 276: 0x2621F790F7C87E70
    ev.sig event=1, count=1                     ; 277: 0xF000100100000000
    ev.wait event=2, count=1                    ; 278: 0xF100200100000000
    pp.add dst=17396, a=17396, b=137, dt=fp32, rt=fp32 ; 279: 0x2321FA10FD00113C
    pp.quant dst=17391, src=17375, scale=17395, dt=fp16 ; 280: 0x2621F790F7C87E70
    ev.sig event=1, count=1                     ; 281: 0xF000100100000000
    ev.wait event=2, count=1                    ; 282: 0xF100200100000000
    pp.add dst=17412, a=17412, b=146, dt=fp32, rt=fp32 ; 283: 0x232202110100125C
    pp.quant dst=17391, src=17375, scale=17395, dt=fp16 ; 284: 0x2621F790F7C87E70
    ev.sig event=1, count=1                     ; 285: 0xF000100100000000
    ev.wait event=2, count=1                    ; 286: 0xF100200100000000
    pp.add dst=17428, a=17428, b=155, dt=fp32, rt=fp32 ; 287: 0x23220A110500137C
    pp.quant dst=17375, src=17396, scale=17379, dt=fp32 ; 288: 0x2621EF90FD087C78
    pp.quant dst=17391, src=17412, scale=17380, dt=fp32 ; 289: 0x2621F79101087C98
    pp.quant dst=17444, src=17428, scale=17381, dt=fp32 ; 290: 0x2622121105087CB8
    pp.srow dst=163, src=17380                  ; 291: 0x2A005190F9000000
    pp.srow dst=166, src=17381                  ; 292: 0x2A005310F9400000
    pp.len len=64, group=1, stride=256          ; 293: 0x2000004000808000
    pp.qrow dst=639, src=17391                  ; 294: 0x27013F90FBC00000
    pp.qrow dst=815, src=17444                  ; 295: 0x2701979109000000
    ev.sig event=1, count=1                     ; 296: 0xF000100100000000
    pp.qrow dst=683, src=17392                  ; 297: 0x27015590FC000000
    pp.qrow dst=859, src=17445                  ; 298: 0x2701AD9109400000
    ev.sig event=1, count=1                     ; 299: 0xF000100100000000
    pp.qrow dst=727, src=17393                  ; 300: 0x27016B90FC400000
    pp.qrow dst=903, src=17446                  ; 301: 0x2701C39109800000
    ev.sig event=1, count=1                     ; 302: 0xF000100100000000
    pp.qrow dst=771, src=17394                  ; 303: 0x27018190FC800000
    pp.qrow dst=947, src=17447                  ; 304: 0x2701D99109C00000
    ev.sig event=1, count=1                     ; 305: 0xF000100100000000
    ev.wait event=2, count=1                    ; 306: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 307: 0x2000010000800000
    pp.quant dst=17375, src=17451, scale=17379, dt=fp32 ; 308: 0x2621EF910AC87C78
    ev.sig event=1, count=1                     ; 309: 0xF000100100000000
    ev.wait event=2, count=1                    ; 310: 0xF100200100000000
    pp.add dst=17391, a=17391, b=171, dt=fp32, rt=fp32 ; 311: 0x2321F790FBC0157C
    pp.add dst=17375, a=17383, b=17391, dt=fp16, rt=fp16 ; 312: 0x2321EF90F9C87DF0
    pp.norm dst=17383, src=17375, params=179, kind=layer, dt=fp16 ; 313: 0x2121F390F7C01668
    pp.quant dst=17391, src=17383, scale=17395, dt=fp16 ; 314: 0x2621F790F9C87E70
    ev.sig event=1, count=1                     ; 315: 0xF000100100000000
    ev.wait event=2, count=1                    ; 316: 0xF100200100000000
    pp.len len=1024, group=1, stride=0          ; 317: 0x2000040000800000
    pp.add dst=17396, a=17396, b=197, dt=fp32, rt=fp32 ; 318: 0x2321FA10FD0018BC
    pp.act dst=17460, src=17396, fn=gelu, dt=fp32 ; 319: 0x22221A10FD0C0000
    pp.quant dst=17383, src=17460, scale=17399, dt=fp16 ; 320: 0x2621F3910D087EF0
    ev.sig event=1, count=1                     ; 321: 0xF000100100000000
    ev.wait event=2, count=1                    ; 322: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 323: 0x2000010000800000
    pp.add dst=17400, a=17400, b=230, dt=fp32, rt=fp32 ; 324: 0x2321FC10FE001CDC
    pp.add dst=17383, a=17375, b=17400, dt=fp16, rt=fp16 ; 325: 0x2321F390F7C87F10
    pp.norm dst=17375, src=17383, params=238, kind=layer, dt=fp16 ; 326: 0x2121EF90F9C01DC8
    pp.quant dst=17383, src=17375, scale=17387, dt=fp16 ; 327: 0x2621F390F7C87D70
    ev.sig event=1, count=1                     ; 328: 0xF000100100000000
    ev.wait event=2, count=1                    ; 329: 0xF100200100000000

.systolic 0
.debug first=0, count=14, op=5, name="l0.q"
.debug first=14, count=13, op=6, name="l0.k"
.debug first=27, count=13, op=7, name="l0.v"
.debug first=40, count=45, op=8, name="l0.attn"
.debug first=85, count=14, op=9, name="l0.o"
.debug first=99, count=14, op=12, name="l0.fc1"
.debug first=113, count=14, op=14, name="l0.fc2"
.debug first=127, count=13, op=17, name="l1.q"
.debug first=140, count=13, op=18, name="l1.k"
.debug first=153, count=13, op=19, name="l1.v"
.debug first=166, count=45, op=20, name="l1.attn"
.debug first=211, count=14, op=21, name="l1.o"
.debug first=225, count=14, op=24, name="l1.fc1"
.debug first=239, count=14, op=26, name="l1.fc2"
.debug first=253, count=13, op=5, name="l0.q"
.debug first=266, count=13, op=6, name="l0.k"
.debug first=279, count=13, op=7, name="l0.v"
.debug first=292, count=45, op=8, name="l0.attn"
.debug first=337, count=14, op=9, name="l0.o"
.debug first=351, count=14, op=12, name="l0.fc1"
.debug first=365, count=14, op=14, name="l0.fc2"
.debug first=379, count=13, op=17, name="l1.q"
.debug first=392, count=13, op=18, name="l1.k"
.debug first=405, count=13, op=19, name="l1.v"
.debug first=418, count=45, op=20, name="l1.attn"
.debug first=463, count=14, op=21, name="l1.o"
.debug first=477, count=14, op=24, name="l1.fc1"
.debug first=491, count=14, op=26, name="l1.fc2"
.debug first=505, count=16, op=30, name="logits"
.debug first=521, count=14, op=1048581, name="l0.q"
.debug first=535, count=13, op=1048582, name="l0.k"
.debug first=548, count=13, op=1048583, name="l0.v"
.debug first=561, count=38, op=1048584, name="l0.attn"
.debug first=599, count=14, op=1048585, name="l0.o"
.debug first=613, count=14, op=1048588, name="l0.fc1"
.debug first=627, count=14, op=1048590, name="l0.fc2"
.debug first=641, count=13, op=1048593, name="l1.q"
.debug first=654, count=13, op=1048594, name="l1.k"
.debug first=667, count=13, op=1048595, name="l1.v"
.debug first=680, count=38, op=1048596, name="l1.attn"
.debug first=718, count=14, op=1048597, name="l1.o"
.debug first=732, count=14, op=1048600, name="l1.fc1"
.debug first=746, count=14, op=1048602, name="l1.fc2"
.debug first=760, count=16, op=1048605, name="logits"
.entry prefill
    ev.wait event=1, count=1                    ; 0: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 1: 0x4301000000000000
    ev.wait event=144, count=1                  ; 2: 0xF109000100000000
    ev.wait event=145, count=1                  ; 3: 0xF109100100000000
    ev.wait event=146, count=1                  ; 4: 0xF109200100000000
    ev.wait event=147, count=1                  ; 5: 0xF109300100000000
    sa.mshape m=32, n=256, k=256, span=dense    ; 6: 0x4201000080000800
    sa.scale a=17759, amode=each, b=17, bmode=one ; 7: 0x4622AF8001140000
    sa.mm c=18143, a=17631, b=991, wt=i1, acc=set ; 8: 0x44236F9137C07BE8
    ev.sig event=208, count=1                   ; 9: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 10: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 11: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 12: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 13: 0xF000200100000000
    ev.wait event=1, count=1                    ; 14: 0xF100100100000000
    ev.wait event=144, count=1                  ; 15: 0xF109000100000000
    ev.wait event=145, count=1                  ; 16: 0xF109100100000000
    ev.wait event=146, count=1                  ; 17: 0xF109200100000000
    ev.wait event=147, count=1                  ; 18: 0xF109300100000000
    sa.mshape m=32, n=256, k=256, span=dense    ; 19: 0x4201000080000800
    sa.scale a=17759, amode=each, b=26, bmode=one ; 20: 0x4622AF8001A40000
    sa.mm c=18655, a=17631, b=991, wt=i1, acc=set ; 21: 0x44246F9137C07BE8
    ev.sig event=208, count=1                   ; 22: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 23: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 24: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 25: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 26: 0xF000200100000000
    ev.wait event=1, count=1                    ; 27: 0xF100100100000000
    ev.wait event=144, count=1                  ; 28: 0xF109000100000000
    ev.wait event=145, count=1                  ; 29: 0xF109100100000000
    ev.wait event=146, count=1                  ; 30: 0xF109200100000000
    ev.wait event=147, count=1                  ; 31: 0xF109300100000000
    sa.mshape m=32, n=256, k=256, span=dense    ; 32: 0x4201000080000800
    sa.scale a=17759, amode=each, b=35, bmode=one ; 33: 0x4622AF8002340000
    sa.mm c=19167, a=17631, b=991, wt=i1, acc=set ; 34: 0x44256F9137C07BE8
    ev.sig event=208, count=1                   ; 35: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 36: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 37: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 38: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 39: 0xF000200100000000
    ev.wait event=1, count=1                    ; 40: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 41: 0x4300000100004000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 42: 0x4201000010000201
    sa.scale a=17503, amode=each, b=44, bmode=each ; 43: 0x46222F8002C00000
    sa.mm c=17765, a=17375, b=287, wt=i8, acc=set ; 44: 0x4422B290F7C023E0
    sa.pscale v=47, p=17865, t=50               ; 45: 0x5200179172400640
    sa.msmx dst=17845, src=17765                ; 46: 0x5122DA9159400000
    sa.stride c=256, a=0, b=64                  ; 47: 0x4301000000004000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 48: 0x4201000020000102
    sa.scale a=17865, amode=each, b=0, bmode=none ; 49: 0x4622E48000080000
    sa.mm c=19679, a=17845, b=463, wt=i8, acc=set ; 50: 0x44266F916D4039E0
    ev.wait event=1, count=1                    ; 51: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 52: 0x4300000100004000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 53: 0x4201000010000201
    sa.scale a=17503, amode=each, b=44, bmode=each ; 54: 0x46222F8002C00000
    sa.mm c=17765, a=17376, b=331, wt=i8, acc=set ; 55: 0x4422B290F8002960
    sa.pscale v=47, p=17865, t=50               ; 56: 0x5200179172400640
    sa.msmx dst=17845, src=17765                ; 57: 0x5122DA9159400000
    sa.stride c=256, a=0, b=64                  ; 58: 0x4301000000004000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 59: 0x4201000020000102
    sa.scale a=17865, amode=each, b=0, bmode=none ; 60: 0x4622E48000080000
    sa.mm c=19683, a=17845, b=507, wt=i8, acc=set ; 61: 0x442671916D403F60
    ev.wait event=1, count=1                    ; 62: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 63: 0x4300000100004000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 64: 0x4201000010000201
    sa.scale a=17503, amode=each, b=44, bmode=each ; 65: 0x46222F8002C00000
    sa.mm c=17765, a=17377, b=375, wt=i8, acc=set ; 66: 0x4422B290F8402EE0
    sa.pscale v=47, p=17865, t=50               ; 67: 0x5200179172400640
    sa.msmx dst=17845, src=17765                ; 68: 0x5122DA9159400000
    sa.stride c=256, a=0, b=64                  ; 69: 0x4301000000004000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 70: 0x4201000020000102
    sa.scale a=17865, amode=each, b=0, bmode=none ; 71: 0x4622E48000080000
    sa.mm c=19687, a=17845, b=551, wt=i8, acc=set ; 72: 0x442673916D4044E0
    ev.wait event=1, count=1                    ; 73: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 74: 0x4300000100004000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 75: 0x4201000010000201
    sa.scale a=17503, amode=each, b=44, bmode=each ; 76: 0x46222F8002C00000
    sa.mm c=17765, a=17378, b=419, wt=i8, acc=set ; 77: 0x4422B290F8803460
    sa.pscale v=47, p=17865, t=50               ; 78: 0x5200179172400640
    sa.msmx dst=17845, src=17765                ; 79: 0x5122DA9159400000
    sa.stride c=256, a=0, b=64                  ; 80: 0x4301000000004000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 81: 0x4201000020000102
    sa.scale a=17865, amode=each, b=0, bmode=none ; 82: 0x4622E48000080000
    sa.mm c=19691, a=17845, b=595, wt=i8, acc=set ; 83: 0x442675916D404A60
    ev.sig event=2, count=1                     ; 84: 0xF000200100000000
    ev.wait event=1, count=1                    ; 85: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 86: 0x4301000000000000
    ev.wait event=144, count=1                  ; 87: 0xF109000100000000
    ev.wait event=145, count=1                  ; 88: 0xF109100100000000
    ev.wait event=146, count=1                  ; 89: 0xF109200100000000
    ev.wait event=147, count=1                  ; 90: 0xF109300100000000
    sa.mshape m=32, n=256, k=256, span=dense    ; 91: 0x4201000080000800
    sa.scale a=17503, amode=each, b=51, bmode=one ; 92: 0x46222F8003340000
    sa.mm c=18143, a=17375, b=991, wt=i1, acc=set ; 93: 0x44236F90F7C07BE8
    ev.sig event=208, count=1                   ; 94: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 95: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 96: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 97: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 98: 0xF000200100000000
    ev.wait event=1, count=1                    ; 99: 0xF100100100000000
    sa.stride c=1024, a=0, b=0                  ; 100: 0x4304000000000000
    ev.wait event=144, count=1                  ; 101: 0xF109000100000000
    ev.wait event=145, count=1                  ; 102: 0xF109100100000000
    ev.wait event=146, count=1                  ; 103: 0xF109200100000000
    ev.wait event=147, count=1                  ; 104: 0xF109300100000000
    sa.mshape m=32, n=1024, k=256, span=dense   ; 105: 0x4201000200000800
    sa.scale a=18015, amode=each, b=77, bmode=one ; 106: 0x46232F8004D40000
    sa.mm c=18017, a=17887, b=991, wt=i1, acc=set ; 107: 0x4423309177C07BE8
    ev.sig event=208, count=1                   ; 108: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 109: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 110: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 111: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 112: 0xF000200100000000
    ev.wait event=1, count=1                    ; 113: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 114: 0x4301000000000000
    ev.wait event=144, count=1                  ; 115: 0xF109000100000000
    ev.wait event=145, count=1                  ; 116: 0xF109100100000000
    ev.wait event=146, count=1                  ; 117: 0xF109200100000000
    ev.wait event=147, count=1                  ; 118: 0xF109300100000000
    sa.mshape m=32, n=256, k=1024, span=dense   ; 119: 0x4201000080002000
    sa.scale a=18143, amode=each, b=110, bmode=one ; 120: 0x46236F8006E40000
    sa.mm c=18145, a=17631, b=991, wt=i1, acc=set ; 121: 0x4423709137C07BE8
    ev.sig event=208, count=1                   ; 122: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 123: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 124: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 125: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 126: 0xF000200100000000
    ev.wait event=1, count=1                    ; 127: 0xF100100100000000
    ev.wait event=144, count=1                  ; 128: 0xF109000100000000
    ev.wait event=145, count=1                  ; 129: 0xF109100100000000
    ev.wait event=146, count=1                  ; 130: 0xF109200100000000
    ev.wait event=147, count=1                  ; 131: 0xF109300100000000
    sa.mshape m=32, n=256, k=256, span=dense    ; 132: 0x4201000080000800
    sa.scale a=18015, amode=each, b=136, bmode=one ; 133: 0x46232F8008840000
    sa.mm c=18017, a=17887, b=991, wt=i1, acc=set ; 134: 0x4423309177C07BE8
    ev.sig event=208, count=1                   ; 135: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 136: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 137: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 138: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 139: 0xF000200100000000
    ev.wait event=1, count=1                    ; 140: 0xF100100100000000
    ev.wait event=144, count=1                  ; 141: 0xF109000100000000
    ev.wait event=145, count=1                  ; 142: 0xF109100100000000
    ev.wait event=146, count=1                  ; 143: 0xF109200100000000
    ev.wait event=147, count=1                  ; 144: 0xF109300100000000
    sa.mshape m=32, n=256, k=256, span=dense    ; 145: 0x4201000080000800
    sa.scale a=18015, amode=each, b=145, bmode=one ; 146: 0x46232F8009140000
    sa.mm c=18529, a=17887, b=991, wt=i1, acc=set ; 147: 0x4424309177C07BE8
    ev.sig event=208, count=1                   ; 148: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 149: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 150: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 151: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 152: 0xF000200100000000
    ev.wait event=1, count=1                    ; 153: 0xF100100100000000
    ev.wait event=144, count=1                  ; 154: 0xF109000100000000
    ev.wait event=145, count=1                  ; 155: 0xF109100100000000
    ev.wait event=146, count=1                  ; 156: 0xF109200100000000
    ev.wait event=147, count=1                  ; 157: 0xF109300100000000
    sa.mshape m=32, n=256, k=256, span=dense    ; 158: 0x4201000080000800
    sa.scale a=18015, amode=each, b=154, bmode=one ; 159: 0x46232F8009A40000
    sa.mm c=19041, a=17887, b=991, wt=i1, acc=set ; 160: 0x4425309177C07BE8
    ev.sig event=208, count=1                   ; 161: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 162: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 163: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 164: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 165: 0xF000200100000000
    ev.wait event=1, count=1                    ; 166: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 167: 0x4300000100004000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 168: 0x4201000010000201
    sa.scale a=17503, amode=each, b=163, bmode=each ; 169: 0x46222F800A300000
    sa.mm c=17509, a=17375, b=639, wt=i8, acc=set ; 170: 0x44223290F7C04FE0
    sa.pscale v=166, p=17609, t=169             ; 171: 0x5200531132401520
    sa.msmx dst=17589, src=17509                ; 172: 0x51225A9119400000
    sa.stride c=256, a=0, b=64                  ; 173: 0x4301000000004000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 174: 0x4201000020000102
    sa.scale a=17609, amode=each, b=0, bmode=none ; 175: 0x4622648000080000
    sa.mm c=19681, a=17589, b=815, wt=i8, acc=set ; 176: 0x442670912D4065E0
    ev.wait event=1, count=1                    ; 177: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 178: 0x4300000100004000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 179: 0x4201000010000201
    sa.scale a=17503, amode=each, b=163, bmode=each ; 180: 0x46222F800A300000
    sa.mm c=17509, a=17376, b=683, wt=i8, acc=set ; 181: 0x44223290F8005560
    sa.pscale v=166, p=17609, t=169             ; 182: 0x5200531132401520
    sa.msmx dst=17589, src=17509                ; 183: 0x51225A9119400000
    sa.stride c=256, a=0, b=64                  ; 184: 0x4301000000004000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 185: 0x4201000020000102
    sa.scale a=17609, amode=each, b=0, bmode=none ; 186: 0x4622648000080000
    sa.mm c=19685, a=17589, b=859, wt=i8, acc=set ; 187: 0x442672912D406B60
    ev.wait event=1, count=1                    ; 188: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 189: 0x4300000100004000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 190: 0x4201000010000201
    sa.scale a=17503, amode=each, b=163, bmode=each ; 191: 0x46222F800A300000
    sa.mm c=17509, a=17377, b=727, wt=i8, acc=set ; 192: 0x44223290F8405AE0
    sa.pscale v=166, p=17609, t=169             ; 193: 0x5200531132401520
    sa.msmx dst=17589, src=17509                ; 194: 0x51225A9119400000
    sa.stride c=256, a=0, b=64                  ; 195: 0x4301000000004000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 196: 0x4201000020000102
    sa.scale a=17609, amode=each, b=0, bmode=none ; 197: 0x4622648000080000
    sa.mm c=19689, a=17589, b=903, wt=i8, acc=set ; 198: 0x442674912D4070E0
    ev.wait event=1, count=1                    ; 199: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 200: 0x4300000100004000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 201: 0x4201000010000201
    sa.scale a=17503, amode=each, b=163, bmode=each ; 202: 0x46222F800A300000
    sa.mm c=17509, a=17378, b=771, wt=i8, acc=set ; 203: 0x44223290F8806060
    sa.pscale v=166, p=17609, t=169             ; 204: 0x5200531132401520
    sa.msmx dst=17589, src=17509                ; 205: 0x51225A9119400000
    sa.stride c=256, a=0, b=64                  ; 206: 0x4301000000004000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 207: 0x4201000020000102
    sa.scale a=17609, amode=each, b=0, bmode=none ; 208: 0x4622648000080000
    sa.mm c=19693, a=17589, b=947, wt=i8, acc=set ; 209: 0x442676912D407660
    ev.sig event=2, count=1                     ; 210: 0xF000200100000000
    ev.wait event=1, count=1                    ; 211: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 212: 0x4301000000000000
    ev.wait event=144, count=1                  ; 213: 0xF109000100000000
    ev.wait event=145, count=1                  ; 214: 0xF109100100000000
    ev.wait event=146, count=1                  ; 215: 0xF109200100000000
    ev.wait event=147, count=1                  ; 216: 0xF109300100000000
    sa.mshape m=32, n=256, k=256, span=dense    ; 217: 0x4201000080000800
    sa.scale a=17503, amode=each, b=170, bmode=one ; 218: 0x46222F800AA40000
    sa.mm c=17887, a=17375, b=991, wt=i1, acc=set ; 219: 0x4422EF90F7C07BE8
    ev.sig event=208, count=1                   ; 220: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 221: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 222: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 223: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 224: 0xF000200100000000
    ev.wait event=1, count=1                    ; 225: 0xF100100100000000
    sa.stride c=1024, a=0, b=0                  ; 226: 0x4304000000000000
    ev.wait event=144, count=1                  ; 227: 0xF109000100000000
    ev.wait event=145, count=1                  ; 228: 0xF109100100000000
    ev.wait event=146, count=1                  ; 229: 0xF109200100000000
    ev.wait event=147, count=1                  ; 230: 0xF109300100000000
    sa.mshape m=32, n=1024, k=256, span=dense   ; 231: 0x4201000200000800
    sa.scale a=18015, amode=each, b=196, bmode=one ; 232: 0x46232F800C440000
    sa.mm c=18017, a=17887, b=991, wt=i1, acc=set ; 233: 0x4423309177C07BE8
    ev.sig event=208, count=1                   ; 234: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 235: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 236: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 237: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 238: 0xF000200100000000
    ev.wait event=1, count=1                    ; 239: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 240: 0x4301000000000000
    ev.wait event=144, count=1                  ; 241: 0xF109000100000000
    ev.wait event=145, count=1                  ; 242: 0xF109100100000000
    ev.wait event=146, count=1                  ; 243: 0xF109200100000000
    ev.wait event=147, count=1                  ; 244: 0xF109300100000000
    sa.mshape m=32, n=256, k=1024, span=dense   ; 245: 0x4201000080002000
    sa.scale a=18143, amode=each, b=229, bmode=one ; 246: 0x46236F800E540000
    sa.mm c=18145, a=17631, b=991, wt=i1, acc=set ; 247: 0x4423709137C07BE8
    ev.sig event=208, count=1                   ; 248: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 249: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 250: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 251: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 252: 0xF000200100000000
    ev.wait event=1, count=1                    ; 253: 0xF100100100000000
    ev.wait event=144, count=1                  ; 254: 0xF109000100000000
    ev.wait event=145, count=1                  ; 255: 0xF109100100000000
    ev.wait event=146, count=1                  ; 256: 0xF109200100000000
    ev.wait event=147, count=1                  ; 257: 0xF109300100000000
    sa.mshape m=8, n=256, k=256, span=dense     ; 258: 0x4200400080000800
    sa.scale a=17759, amode=each, b=17, bmode=one ; 259: 0x4622AF8001140000
    sa.mm c=18143, a=17631, b=991, wt=i1, acc=set ; 260: 0x44236F9137C07BE8
    ev.sig event=208, count=1                   ; 261: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 262: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 263: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 264: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 265: 0xF000200100000000
    ev.wait event=1, count=1                    ; 266: 0xF100100100000000
    ev.wait event=144, count=1                  ; 267: 0xF109000100000000
    ev.wait event=145, count=1                  ; 268: 0xF109100100000000
    ev.wait event=146, count=1                  ; 269: 0xF109200100000000
    ev.wait event=147, count=1                  ; 270: 0xF109300100000000
    sa.mshape m=8, n=256, k=256, span=dense     ; 271: 0x4200400080000800
    sa.scale a=17759, amode=each, b=26, bmode=one ; 272: 0x4622AF8001A40000
    sa.mm c=18655, a=17631, b=991, wt=i1, acc=set ; 273: 0x44246F9137C07BE8
    ev.sig event=208, count=1                   ; 274: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 275: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 276: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 277: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 278: 0xF000200100000000
    ev.wait event=1, count=1                    ; 279: 0xF100100100000000
    ev.wait event=144, count=1                  ; 280: 0xF109000100000000
    ev.wait event=145, count=1                  ; 281: 0xF109100100000000
    ev.wait event=146, count=1                  ; 282: 0xF109200100000000
    ev.wait event=147, count=1                  ; 283: 0xF109300100000000
    sa.mshape m=8, n=256, k=256, span=dense     ; 284: 0x4200400080000800
    sa.scale a=17759, amode=each, b=35, bmode=one ; 285: 0x4622AF8002340000
    sa.mm c=19167, a=17631, b=991, wt=i1, acc=set ; 286: 0x44256F9137C07BE8
    ev.sig event=208, count=1                   ; 287: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 288: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 289: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 290: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 291: 0xF000200100000000
    ev.wait event=1, count=1                    ; 292: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 293: 0x4300000100004000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 294: 0x4200400014000201
    sa.scale a=17503, amode=each, b=44, bmode=each ; 295: 0x46222F8002C00000
    sa.mm c=17765, a=17375, b=287, wt=i8, acc=set ; 296: 0x4422B290F7C023E0
    sa.pscale v=47, p=17865, t=50               ; 297: 0x5200179172400640
    sa.msmx dst=17845, src=17765                ; 298: 0x5122DA9159400000
    sa.stride c=256, a=0, b=64                  ; 299: 0x4301000000004000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 300: 0x4200400020000142
    sa.scale a=17865, amode=each, b=0, bmode=none ; 301: 0x4622E48000080000
    sa.mm c=19679, a=17845, b=463, wt=i8, acc=set ; 302: 0x44266F916D4039E0
    ev.wait event=1, count=1                    ; 303: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 304: 0x4300000100004000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 305: 0x4200400014000201
    sa.scale a=17503, amode=each, b=44, bmode=each ; 306: 0x46222F8002C00000
    sa.mm c=17765, a=17376, b=331, wt=i8, acc=set ; 307: 0x4422B290F8002960
    sa.pscale v=47, p=17865, t=50               ; 308: 0x5200179172400640
    sa.msmx dst=17845, src=17765                ; 309: 0x5122DA9159400000
    sa.stride c=256, a=0, b=64                  ; 310: 0x4301000000004000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 311: 0x4200400020000142
    sa.scale a=17865, amode=each, b=0, bmode=none ; 312: 0x4622E48000080000
    sa.mm c=19683, a=17845, b=507, wt=i8, acc=set ; 313: 0x442671916D403F60
    ev.wait event=1, count=1                    ; 314: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 315: 0x4300000100004000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 316: 0x4200400014000201
    sa.scale a=17503, amode=each, b=44, bmode=each ; 317: 0x46222F8002C00000
    sa.mm c=17765, a=17377, b=375, wt=i8, acc=set ; 318: 0x4422B290F8402EE0
    sa.pscale v=47, p=17865, t=50               ; 319: 0x5200179172400640
    sa.msmx dst=17845, src=17765                ; 320: 0x5122DA9159400000
    sa.stride c=256, a=0, b=64                  ; 321: 0x4301000000004000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 322: 0x4200400020000142
    sa.scale a=17865, amode=each, b=0, bmode=none ; 323: 0x4622E48000080000
    sa.mm c=19687, a=17845, b=551, wt=i8, acc=set ; 324: 0x442673916D4044E0
    ev.wait event=1, count=1                    ; 325: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 326: 0x4300000100004000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 327: 0x4200400014000201
    sa.scale a=17503, amode=each, b=44, bmode=each ; 328: 0x46222F8002C00000
    sa.mm c=17765, a=17378, b=419, wt=i8, acc=set ; 329: 0x4422B290F8803460
    sa.pscale v=47, p=17865, t=50               ; 330: 0x5200179172400640
    sa.msmx dst=17845, src=17765                ; 331: 0x5122DA9159400000
    sa.stride c=256, a=0, b=64                  ; 332: 0x4301000000004000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 333: 0x4200400020000142
    sa.scale a=17865, amode=each, b=0, bmode=none ; 334: 0x4622E48000080000
    sa.mm c=19691, a=17845, b=595, wt=i8, acc=set ; 335: 0x442675916D404A60
    ev.sig event=2, count=1                     ; 336: 0xF000200100000000
    ev.wait event=1, count=1                    ; 337: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 338: 0x4301000000000000
    ev.wait event=144, count=1                  ; 339: 0xF109000100000000
    ev.wait event=145, count=1                  ; 340: 0xF109100100000000
    ev.wait event=146, count=1                  ; 341: 0xF109200100000000
    ev.wait event=147, count=1                  ; 342: 0xF109300100000000
    sa.mshape m=8, n=256, k=256, span=dense     ; 343: 0x4200400080000800
    sa.scale a=17503, amode=each, b=51, bmode=one ; 344: 0x46222F8003340000
    sa.mm c=18143, a=17375, b=991, wt=i1, acc=set ; 345: 0x44236F90F7C07BE8
    ev.sig event=208, count=1                   ; 346: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 347: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 348: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 349: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 350: 0xF000200100000000
    ev.wait event=1, count=1                    ; 351: 0xF100100100000000
    sa.stride c=1024, a=0, b=0                  ; 352: 0x4304000000000000
    ev.wait event=144, count=1                  ; 353: 0xF109000100000000
    ev.wait event=145, count=1                  ; 354: 0xF109100100000000
    ev.wait event=146, count=1                  ; 355: 0xF109200100000000
    ev.wait event=147, count=1                  ; 356: 0xF109300100000000
    sa.mshape m=8, n=1024, k=256, span=dense    ; 357: 0x4200400200000800
    sa.scale a=18015, amode=each, b=77, bmode=one ; 358: 0x46232F8004D40000
    sa.mm c=18017, a=17887, b=991, wt=i1, acc=set ; 359: 0x4423309177C07BE8
    ev.sig event=208, count=1                   ; 360: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 361: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 362: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 363: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 364: 0xF000200100000000
    ev.wait event=1, count=1                    ; 365: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 366: 0x4301000000000000
    ev.wait event=144, count=1                  ; 367: 0xF109000100000000
    ev.wait event=145, count=1                  ; 368: 0xF109100100000000
    ev.wait event=146, count=1                  ; 369: 0xF109200100000000
    ev.wait event=147, count=1                  ; 370: 0xF109300100000000
    sa.mshape m=8, n=256, k=1024, span=dense    ; 371: 0x4200400080002000
    sa.scale a=18143, amode=each, b=110, bmode=one ; 372: 0x46236F8006E40000
    sa.mm c=18145, a=17631, b=991, wt=i1, acc=set ; 373: 0x4423709137C07BE8
    ev.sig event=208, count=1                   ; 374: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 375: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 376: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 377: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 378: 0xF000200100000000
    ev.wait event=1, count=1                    ; 379: 0xF100100100000000
    ev.wait event=144, count=1                  ; 380: 0xF109000100000000
    ev.wait event=145, count=1                  ; 381: 0xF109100100000000
    ev.wait event=146, count=1                  ; 382: 0xF109200100000000
    ev.wait event=147, count=1                  ; 383: 0xF109300100000000
    sa.mshape m=8, n=256, k=256, span=dense     ; 384: 0x4200400080000800
    sa.scale a=18015, amode=each, b=136, bmode=one ; 385: 0x46232F8008840000
    sa.mm c=18017, a=17887, b=991, wt=i1, acc=set ; 386: 0x4423309177C07BE8
    ev.sig event=208, count=1                   ; 387: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 388: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 389: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 390: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 391: 0xF000200100000000
    ev.wait event=1, count=1                    ; 392: 0xF100100100000000
    ev.wait event=144, count=1                  ; 393: 0xF109000100000000
    ev.wait event=145, count=1                  ; 394: 0xF109100100000000
    ev.wait event=146, count=1                  ; 395: 0xF109200100000000
    ev.wait event=147, count=1                  ; 396: 0xF109300100000000
    sa.mshape m=8, n=256, k=256, span=dense     ; 397: 0x4200400080000800
    sa.scale a=18015, amode=each, b=145, bmode=one ; 398: 0x46232F8009140000
    sa.mm c=18529, a=17887, b=991, wt=i1, acc=set ; 399: 0x4424309177C07BE8
    ev.sig event=208, count=1                   ; 400: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 401: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 402: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 403: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 404: 0xF000200100000000
    ev.wait event=1, count=1                    ; 405: 0xF100100100000000
    ev.wait event=144, count=1                  ; 406: 0xF109000100000000
    ev.wait event=145, count=1                  ; 407: 0xF109100100000000
    ev.wait event=146, count=1                  ; 408: 0xF109200100000000
    ev.wait event=147, count=1                  ; 409: 0xF109300100000000
    sa.mshape m=8, n=256, k=256, span=dense     ; 410: 0x4200400080000800
    sa.scale a=18015, amode=each, b=154, bmode=one ; 411: 0x46232F8009A40000
    sa.mm c=19041, a=17887, b=991, wt=i1, acc=set ; 412: 0x4425309177C07BE8
    ev.sig event=208, count=1                   ; 413: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 414: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 415: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 416: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 417: 0xF000200100000000
    ev.wait event=1, count=1                    ; 418: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 419: 0x4300000100004000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 420: 0x4200400014000201
    sa.scale a=17503, amode=each, b=163, bmode=each ; 421: 0x46222F800A300000
    sa.mm c=17509, a=17375, b=639, wt=i8, acc=set ; 422: 0x44223290F7C04FE0
    sa.pscale v=166, p=17609, t=169             ; 423: 0x5200531132401520
    sa.msmx dst=17589, src=17509                ; 424: 0x51225A9119400000
    sa.stride c=256, a=0, b=64                  ; 425: 0x4301000000004000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 426: 0x4200400020000142
    sa.scale a=17609, amode=each, b=0, bmode=none ; 427: 0x4622648000080000
    sa.mm c=19681, a=17589, b=815, wt=i8, acc=set ; 428: 0x442670912D4065E0
    ev.wait event=1, count=1                    ; 429: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 430: 0x4300000100004000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 431: 0x4200400014000201
    sa.scale a=17503, amode=each, b=163, bmode=each ; 432: 0x46222F800A300000
    sa.mm c=17509, a=17376, b=683, wt=i8, acc=set ; 433: 0x44223290F8005560
    sa.pscale v=166, p=17609, t=169             ; 434: 0x5200531132401520
    sa.msmx dst=17589, src=17509                ; 435: 0x51225A9119400000
    sa.stride c=256, a=0, b=64                  ; 436: 0x4301000000004000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 437: 0x4200400020000142
    sa.scale a=17609, amode=each, b=0, bmode=none ; 438: 0x4622648000080000
    sa.mm c=19685, a=17589, b=859, wt=i8, acc=set ; 439: 0x442672912D406B60
    ev.wait event=1, count=1                    ; 440: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 441: 0x4300000100004000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 442: 0x4200400014000201
    sa.scale a=17503, amode=each, b=163, bmode=each ; 443: 0x46222F800A300000
    sa.mm c=17509, a=17377, b=727, wt=i8, acc=set ; 444: 0x44223290F8405AE0
    sa.pscale v=166, p=17609, t=169             ; 445: 0x5200531132401520
    sa.msmx dst=17589, src=17509                ; 446: 0x51225A9119400000
    sa.stride c=256, a=0, b=64                  ; 447: 0x4301000000004000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 448: 0x4200400020000142
    sa.scale a=17609, amode=each, b=0, bmode=none ; 449: 0x4622648000080000
    sa.mm c=19689, a=17589, b=903, wt=i8, acc=set ; 450: 0x442674912D4070E0
    ev.wait event=1, count=1                    ; 451: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 452: 0x4300000100004000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 453: 0x4200400014000201
    sa.scale a=17503, amode=each, b=163, bmode=each ; 454: 0x46222F800A300000
    sa.mm c=17509, a=17378, b=771, wt=i8, acc=set ; 455: 0x44223290F8806060
    sa.pscale v=166, p=17609, t=169             ; 456: 0x5200531132401520
    sa.msmx dst=17589, src=17509                ; 457: 0x51225A9119400000
    sa.stride c=256, a=0, b=64                  ; 458: 0x4301000000004000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 459: 0x4200400020000142
    sa.scale a=17609, amode=each, b=0, bmode=none ; 460: 0x4622648000080000
    sa.mm c=19693, a=17589, b=947, wt=i8, acc=set ; 461: 0x442676912D407660
    ev.sig event=2, count=1                     ; 462: 0xF000200100000000
    ev.wait event=1, count=1                    ; 463: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 464: 0x4301000000000000
    ev.wait event=144, count=1                  ; 465: 0xF109000100000000
    ev.wait event=145, count=1                  ; 466: 0xF109100100000000
    ev.wait event=146, count=1                  ; 467: 0xF109200100000000
    ev.wait event=147, count=1                  ; 468: 0xF109300100000000
    sa.mshape m=8, n=256, k=256, span=dense     ; 469: 0x4200400080000800
    sa.scale a=17503, amode=each, b=170, bmode=one ; 470: 0x46222F800AA40000
    sa.mm c=17887, a=17375, b=991, wt=i1, acc=set ; 471: 0x4422EF90F7C07BE8
    ev.sig event=208, count=1                   ; 472: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 473: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 474: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 475: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 476: 0xF000200100000000
    ev.wait event=1, count=1                    ; 477: 0xF100100100000000
    sa.stride c=1024, a=0, b=0                  ; 478: 0x4304000000000000
    ev.wait event=144, count=1                  ; 479: 0xF109000100000000
    ev.wait event=145, count=1                  ; 480: 0xF109100100000000
    ev.wait event=146, count=1                  ; 481: 0xF109200100000000
    ev.wait event=147, count=1                  ; 482: 0xF109300100000000
    sa.mshape m=8, n=1024, k=256, span=dense    ; 483: 0x4200400200000800
    sa.scale a=18015, amode=each, b=196, bmode=one ; 484: 0x46232F800C440000
    sa.mm c=18017, a=17887, b=991, wt=i1, acc=set ; 485: 0x4423309177C07BE8
    ev.sig event=208, count=1                   ; 486: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 487: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 488: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 489: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 490: 0xF000200100000000
    ev.wait event=1, count=1                    ; 491: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 492: 0x4301000000000000
    ev.wait event=144, count=1                  ; 493: 0xF109000100000000
    ev.wait event=145, count=1                  ; 494: 0xF109100100000000
    ev.wait event=146, count=1                  ; 495: 0xF109200100000000
    ev.wait event=147, count=1                  ; 496: 0xF109300100000000
    sa.mshape m=8, n=256, k=1024, span=dense    ; 497: 0x4200400080002000
    sa.scale a=18143, amode=each, b=229, bmode=one ; 498: 0x46236F800E540000
    sa.mm c=18145, a=17631, b=991, wt=i1, acc=set ; 499: 0x4423709137C07BE8
    ev.sig event=208, count=1                   ; 500: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 501: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 502: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 503: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 504: 0xF000200100000000
    ev.wait event=1, count=1                    ; 505: 0xF100100100000000
    sa.stride c=0, a=0, b=0                     ; 506: 0x4300000000000000
    ev.wait event=144, count=1                  ; 507: 0xF109000100000000
    ev.wait event=145, count=1                  ; 508: 0xF109100100000000
    ev.wait event=146, count=1                  ; 509: 0xF109200100000000
    ev.wait event=147, count=1                  ; 510: 0xF109300100000000
    sa.mshape m=1, n=512, k=256, span=dense     ; 511: 0x4200080100000800
    sa.scale a=17759, amode=each, b=255, bmode=each ; 512: 0x4622AF800FF00000
    sa.mm c=17761, a=17631, b=991, wt=i8, acc=set ; 513: 0x4422B09137C07BE0
    ev.sig event=208, count=1                   ; 514: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 515: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 516: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 517: 0xF00D300100000000
    ev.sig event=3, count=1                     ; 518: 0xF000300100000000
    ev.wait event=4, count=1                    ; 519: 0xF100400100000000
    ev.sig event=2, count=1                     ; 520: 0xF000200100000000
.entry decode
    ev.wait event=1, count=1                    ; 521: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 522: 0x4301000000000000
    ev.wait event=144, count=1                  ; 523: 0xF109000100000000
    ev.wait event=145, count=1                  ; 524: 0xF109100100000000
    ev.wait event=146, count=1                  ; 525: 0xF109200100000000
    ev.wait event=147, count=1                  ; 526: 0xF109300100000000
    sa.mshape m=1, n=256, k=256, span=dense     ; 527: 0x4200080080000800
    sa.scale a=17387, amode=each, b=17, bmode=one ; 528: 0x4621F58001140000
    sa.mm c=17399, a=17383, b=991, wt=i1, acc=set ; 529: 0x4421FB90F9C07BE8
    ev.sig event=208, count=1                   ; 530: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 531: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 532: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 533: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 534: 0xF000200100000000
    ev.wait event=1, count=1                    ; 535: 0xF100100100000000
    ev.wait event=144, count=1                  ; 536: 0xF109000100000000
    ev.wait event=145, count=1                  ; 537: 0xF109100100000000
    ev.wait event=146, count=1                  ; 538: 0xF109200100000000
    ev.wait event=147, count=1                  ; 539: 0xF109300100000000
    sa.mshape m=1, n=256, k=256, span=dense     ; 540: 0x4200080080000800
    sa.scale a=17387, amode=each, b=26, bmode=one ; 541: 0x4621F58001A40000
    sa.mm c=17415, a=17383, b=991, wt=i1, acc=set ; 542: 0x44220390F9C07BE8
    ev.sig event=208, count=1                   ; 543: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 544: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 545: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 546: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 547: 0xF000200100000000
    ev.wait event=1, count=1                    ; 548: 0xF100100100000000
    ev.wait event=144, count=1                  ; 549: 0xF109000100000000
    ev.wait event=145, count=1                  ; 550: 0xF109100100000000
    ev.wait event=146, count=1                  ; 551: 0xF109200100000000
    ev.wait event=147, count=1                  ; 552: 0xF109300100000000
    sa.mshape m=1, n=256, k=256, span=dense     ; 553: 0x4200080080000800
    sa.scale a=17387, amode=each, b=35, bmode=one ; 554: 0x4621F58002340000
    sa.mm c=17431, a=17383, b=991, wt=i1, acc=set ; 555: 0x44220B90F9C07BE8
    ev.sig event=208, count=1                   ; 556: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 557: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 558: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 559: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 560: 0xF000200100000000
    ev.wait event=1, count=1                    ; 561: 0xF100100100000000
    sa.stride c=0, a=0, b=64                    ; 562: 0x4300000000004000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 563: 0x4200080016000203
    sa.scale a=17379, amode=one, b=44, bmode=each ; 564: 0x4621F1A002C00000
    sa.mm c=17447, a=17375, b=287, wt=i8, acc=set ; 565: 0x44221390F7C023E0
    sa.pscale v=47, p=17450, t=50               ; 566: 0x520017910A800640
    sa.msmx dst=17390, src=17447                ; 567: 0x5121F71109C00000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 568: 0x4200080020000164
    sa.scale a=17450, amode=each, b=0, bmode=none ; 569: 0x4622150000080000
    sa.mm c=17451, a=17390, b=463, wt=i8, acc=set ; 570: 0x44221590FB8039E0
    ev.wait event=1, count=1                    ; 571: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 572: 0x4200080016000203
    sa.scale a=17379, amode=one, b=44, bmode=each ; 573: 0x4621F1A002C00000
    sa.mm c=17447, a=17376, b=331, wt=i8, acc=set ; 574: 0x44221390F8002960
    sa.pscale v=47, p=17450, t=50               ; 575: 0x520017910A800640
    sa.msmx dst=17390, src=17447                ; 576: 0x5121F71109C00000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 577: 0x4200080020000164
    sa.scale a=17450, amode=each, b=0, bmode=none ; 578: 0x4622150000080000
    sa.mm c=17455, a=17390, b=507, wt=i8, acc=set ; 579: 0x44221790FB803F60
    ev.wait event=1, count=1                    ; 580: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 581: 0x4200080016000203
    sa.scale a=17379, amode=one, b=44, bmode=each ; 582: 0x4621F1A002C00000
    sa.mm c=17447, a=17377, b=375, wt=i8, acc=set ; 583: 0x44221390F8402EE0
    sa.pscale v=47, p=17450, t=50               ; 584: 0x520017910A800640
    sa.msmx dst=17390, src=17447                ; 585: 0x5121F71109C00000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 586: 0x4200080020000164
    sa.scale a=17450, amode=each, b=0, bmode=none ; 587: 0x4622150000080000
    sa.mm c=17459, a=17390, b=551, wt=i8, acc=set ; 588: 0x44221990FB8044E0
    ev.wait event=1, count=1                    ; 589: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 590: 0x4200080016000203
    sa.scale a=17379, amode=one, b=44, bmode=each ; 591: 0x4621F1A002C00000
    sa.mm c=17447, a=17378, b=419, wt=i8, acc=set ; 592: 0x44221390F8803460
    sa.pscale v=47, p=17450, t=50               ; 593: 0x520017910A800640
    sa.msmx dst=17390, src=17447                ; 594: 0x5121F71109C00000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 595: 0x4200080020000164
    sa.scale a=17450, amode=each, b=0, bmode=none ; 596: 0x4622150000080000
    sa.mm c=17463, a=17390, b=595, wt=i8, acc=set ; 597: 0x44221B90FB804A60
    ev.sig event=2, count=1                     ; 598: 0xF000200100000000
    ev.wait event=1, count=1                    ; 599: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 600: 0x4301000000000000
    ev.wait event=144, count=1                  ; 601: 0xF109000100000000
    ev.wait event=145, count=1                  ; 602: 0xF109100100000000
    ev.wait event=146, count=1                  ; 603: 0xF109200100000000
    ev.wait event=147, count=1                  ; 604: 0xF109300100000000
    sa.mshape m=1, n=256, k=256, span=dense     ; 605: 0x4200080080000800
    sa.scale a=17379, amode=each, b=51, bmode=one ; 606: 0x4621F18003340000
    sa.mm c=17399, a=17375, b=991, wt=i1, acc=set ; 607: 0x4421FB90F7C07BE8
    ev.sig event=208, count=1                   ; 608: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 609: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 610: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 611: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 612: 0xF000200100000000
    ev.wait event=1, count=1                    ; 613: 0xF100100100000000
    sa.stride c=1024, a=0, b=0                  ; 614: 0x4304000000000000
    ev.wait event=144, count=1                  ; 615: 0xF109000100000000
    ev.wait event=145, count=1                  ; 616: 0xF109100100000000
    ev.wait event=146, count=1                  ; 617: 0xF109200100000000
    ev.wait event=147, count=1                  ; 618: 0xF109300100000000
    sa.mshape m=1, n=1024, k=256, span=dense    ; 619: 0x4200080200000800
    sa.scale a=17395, amode=each, b=77, bmode=one ; 620: 0x4621F98004D40000
    sa.mm c=17396, a=17391, b=991, wt=i1, acc=set ; 621: 0x4421FA10FBC07BE8
    ev.sig event=208, count=1                   ; 622: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 623: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 624: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 625: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 626: 0xF000200100000000
    ev.wait event=1, count=1                    ; 627: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 628: 0x4301000000000000
    ev.wait event=144, count=1                  ; 629: 0xF109000100000000
    ev.wait event=145, count=1                  ; 630: 0xF109100100000000
    ev.wait event=146, count=1                  ; 631: 0xF109200100000000
    ev.wait event=147, count=1                  ; 632: 0xF109300100000000
    sa.mshape m=1, n=256, k=1024, span=dense    ; 633: 0x4200080080002000
    sa.scale a=17399, amode=each, b=110, bmode=one ; 634: 0x4621FB8006E40000
    sa.mm c=17400, a=17383, b=991, wt=i1, acc=set ; 635: 0x4421FC10F9C07BE8
    ev.sig event=208, count=1                   ; 636: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 637: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 638: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 639: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 640: 0xF000200100000000
    ev.wait event=1, count=1                    ; 641: 0xF100100100000000
    ev.wait event=144, count=1                  ; 642: 0xF109000100000000
    ev.wait event=145, count=1                  ; 643: 0xF109100100000000
    ev.wait event=146, count=1                  ; 644: 0xF109200100000000
    ev.wait event=147, count=1                  ; 645: 0xF109300100000000
    sa.mshape m=1, n=256, k=256, span=dense     ; 646: 0x4200080080000800
    sa.scale a=17395, amode=each, b=136, bmode=one ; 647: 0x4621F98008840000
    sa.mm c=17396, a=17391, b=991, wt=i1, acc=set ; 648: 0x4421FA10FBC07BE8
    ev.sig event=208, count=1                   ; 649: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 650: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 651: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 652: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 653: 0xF000200100000000
    ev.wait event=1, count=1                    ; 654: 0xF100100100000000
    ev.wait event=144, count=1                  ; 655: 0xF109000100000000
    ev.wait event=145, count=1                  ; 656: 0xF109100100000000
    ev.wait event=146, count=1                  ; 657: 0xF109200100000000
    ev.wait event=147, count=1                  ; 658: 0xF109300100000000
    sa.mshape m=1, n=256, k=256, span=dense     ; 659: 0x4200080080000800
    sa.scale a=17395, amode=each, b=145, bmode=one ; 660: 0x4621F98009140000
    sa.mm c=17412, a=17391, b=991, wt=i1, acc=set ; 661: 0x44220210FBC07BE8
    ev.sig event=208, count=1                   ; 662: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 663: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 664: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 665: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 666: 0xF000200100000000
    ev.wait event=1, count=1                    ; 667: 0xF100100100000000
    ev.wait event=144, count=1                  ; 668: 0xF109000100000000
    ev.wait event=145, count=1                  ; 669: 0xF109100100000000
    ev.wait event=146, count=1                  ; 670: 0xF109200100000000
    ev.wait event=147, count=1                  ; 671: 0xF109300100000000
    sa.mshape m=1, n=256, k=256, span=dense     ; 672: 0x4200080080000800
    sa.scale a=17395, amode=each, b=154, bmode=one ; 673: 0x4621F98009A40000
    sa.mm c=17428, a=17391, b=991, wt=i1, acc=set ; 674: 0x44220A10FBC07BE8
    ev.sig event=208, count=1                   ; 675: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 676: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 677: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 678: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 679: 0xF000200100000000
    ev.wait event=1, count=1                    ; 680: 0xF100100100000000
    sa.stride c=0, a=0, b=64                    ; 681: 0x4300000000004000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 682: 0x4200080016000203
    sa.scale a=17379, amode=one, b=163, bmode=each ; 683: 0x4621F1A00A300000
    sa.mm c=17448, a=17375, b=639, wt=i8, acc=set ; 684: 0x44221410F7C04FE0
    sa.pscale v=166, p=17395, t=169             ; 685: 0x52005310FCC01520
    sa.msmx dst=17382, src=17448                ; 686: 0x5121F3110A000000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 687: 0x4200080020000164
    sa.scale a=17395, amode=each, b=0, bmode=none ; 688: 0x4621F98000080000
    sa.mm c=17451, a=17382, b=815, wt=i8, acc=set ; 689: 0x44221590F98065E0
    ev.wait event=1, count=1                    ; 690: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 691: 0x4200080016000203
    sa.scale a=17379, amode=one, b=163, bmode=each ; 692: 0x4621F1A00A300000
    sa.mm c=17448, a=17376, b=683, wt=i8, acc=set ; 693: 0x44221410F8005560
    sa.pscale v=166, p=17395, t=169             ; 694: 0x52005310FCC01520
    sa.msmx dst=17382, src=17448                ; 695: 0x5121F3110A000000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 696: 0x4200080020000164
    sa.scale a=17395, amode=each, b=0, bmode=none ; 697: 0x4621F98000080000
    sa.mm c=17455, a=17382, b=859, wt=i8, acc=set ; 698: 0x44221790F9806B60
    ev.wait event=1, count=1                    ; 699: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 700: 0x4200080016000203
    sa.scale a=17379, amode=one, b=163, bmode=each ; 701: 0x4621F1A00A300000
    sa.mm c=17448, a=17377, b=727, wt=i8, acc=set ; 702: 0x44221410F8405AE0
    sa.pscale v=166, p=17395, t=169             ; 703: 0x52005310FCC01520
    sa.msmx dst=17382, src=17448                ; 704: 0x5121F3110A000000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 705: 0x4200080020000164
    sa.scale a=17395, amode=each, b=0, bmode=none ; 706: 0x4621F98000080000
    sa.mm c=17459, a=17382, b=903, wt=i8, acc=set ; 707: 0x44221990F98070E0
    ev.wait event=1, count=1                    ; 708: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 709: 0x4200080016000203
    sa.scale a=17379, amode=one, b=163, bmode=each ; 710: 0x4621F1A00A300000
    sa.mm c=17448, a=17378, b=771, wt=i8, acc=set ; 711: 0x44221410F8806060
    sa.pscale v=166, p=17395, t=169             ; 712: 0x52005310FCC01520
    sa.msmx dst=17382, src=17448                ; 713: 0x5121F3110A000000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 714: 0x4200080020000164
    sa.scale a=17395, amode=each, b=0, bmode=none ; 715: 0x4621F98000080000
    sa.mm c=17463, a=17382, b=947, wt=i8, acc=set ; 716: 0x44221B90F9807660
    ev.sig event=2, count=1                     ; 717: 0xF000200100000000
    ev.wait event=1, count=1                    ; 718: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 719: 0x4301000000000000
    ev.wait event=144, count=1                  ; 720: 0xF109000100000000
    ev.wait event=145, count=1                  ; 721: 0xF109100100000000
    ev.wait event=146, count=1                  ; 722: 0xF109200100000000
    ev.wait event=147, count=1                  ; 723: 0xF109300100000000
    sa.mshape m=1, n=256, k=256, span=dense     ; 724: 0x4200080080000800
    sa.scale a=17379, amode=each, b=170, bmode=one ; 725: 0x4621F1800AA40000
    sa.mm c=17391, a=17375, b=991, wt=i1, acc=set ; 726: 0x4421F790F7C07BE8
    ev.sig event=208, count=1                   ; 727: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 728: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 729: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 730: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 731: 0xF000200100000000
    ev.wait event=1, count=1                    ; 732: 0xF100100100000000
    sa.stride c=1024, a=0, b=0                  ; 733: 0x4304000000000000
    ev.wait event=144, count=1                  ; 734: 0xF109000100000000
    ev.wait event=145, count=1                  ; 735: 0xF109100100000000
    ev.wait event=146, count=1                  ; 736: 0xF109200100000000
    ev.wait event=147, count=1                  ; 737: 0xF109300100000000
    sa.mshape m=1, n=1024, k=256, span=dense    ; 738: 0x4200080200000800
    sa.scale a=17395, amode=each, b=196, bmode=one ; 739: 0x4621F9800C440000
    sa.mm c=17396, a=17391, b=991, wt=i1, acc=set ; 740: 0x4421FA10FBC07BE8
    ev.sig event=208, count=1                   ; 741: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 742: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 743: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 744: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 745: 0xF000200100000000
    ev.wait event=1, count=1                    ; 746: 0xF100100100000000
    sa.stride c=256, a=0, b=0                   ; 747: 0x4301000000000000
    ev.wait event=144, count=1                  ; 748: 0xF109000100000000
    ev.wait event=145, count=1                  ; 749: 0xF109100100000000
    ev.wait event=146, count=1                  ; 750: 0xF109200100000000
    ev.wait event=147, count=1                  ; 751: 0xF109300100000000
    sa.mshape m=1, n=256, k=1024, span=dense    ; 752: 0x4200080080002000
    sa.scale a=17399, amode=each, b=229, bmode=one ; 753: 0x4621FB800E540000
    sa.mm c=17400, a=17383, b=991, wt=i1, acc=set ; 754: 0x4421FC10F9C07BE8
    ev.sig event=208, count=1                   ; 755: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 756: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 757: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 758: 0xF00D300100000000
    ev.sig event=2, count=1                     ; 759: 0xF000200100000000
    ev.wait event=1, count=1                    ; 760: 0xF100100100000000
    sa.stride c=0, a=0, b=0                     ; 761: 0x4300000000000000
    ev.wait event=144, count=1                  ; 762: 0xF109000100000000
    ev.wait event=145, count=1                  ; 763: 0xF109100100000000
    ev.wait event=146, count=1                  ; 764: 0xF109200100000000
    ev.wait event=147, count=1                  ; 765: 0xF109300100000000
    sa.mshape m=1, n=512, k=256, span=dense     ; 766: 0x4200080100000800
    sa.scale a=17387, amode=each, b=255, bmode=each ; 767: 0x4621F5800FF00000
    sa.mm c=17388, a=17383, b=991, wt=i8, acc=set ; 768: 0x4421F610F9C07BE0
    ev.sig event=208, count=1                   ; 769: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 770: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 771: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 772: 0xF00D300100000000
    ev.sig event=3, count=1                     ; 773: 0xF000300100000000
    ev.wait event=4, count=1                    ; 774: 0xF100400100000000
    ev.sig event=2, count=1                     ; 775: 0xF000200100000000

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
.debug first=39, count=4, op=0, name="tok"
.debug first=43, count=3, op=5, name="l0.q"
.debug first=46, count=3, op=6, name="l0.k"
.debug first=49, count=3, op=7, name="l0.v"
.debug first=52, count=3, op=9, name="l0.o"
.debug first=55, count=3, op=12, name="l0.fc1"
.debug first=58, count=3, op=14, name="l0.fc2"
.debug first=61, count=3, op=17, name="l1.q"
.debug first=64, count=3, op=18, name="l1.k"
.debug first=67, count=3, op=19, name="l1.v"
.debug first=70, count=3, op=21, name="l1.o"
.debug first=73, count=3, op=24, name="l1.fc1"
.debug first=76, count=3, op=26, name="l1.fc2"
.debug first=79, count=6, op=30, name="logits"
.debug first=85, count=2, op=1048576, name="tok"
.debug first=87, count=3, op=1048581, name="l0.q"
.debug first=90, count=3, op=1048582, name="l0.k"
.debug first=93, count=3, op=1048583, name="l0.v"
.debug first=96, count=3, op=1048585, name="l0.o"
.debug first=99, count=3, op=1048588, name="l0.fc1"
.debug first=102, count=3, op=1048590, name="l0.fc2"
.debug first=105, count=3, op=1048593, name="l1.q"
.debug first=108, count=3, op=1048594, name="l1.k"
.debug first=111, count=3, op=1048595, name="l1.v"
.debug first=114, count=3, op=1048597, name="l1.o"
.debug first=117, count=3, op=1048600, name="l1.fc1"
.debug first=120, count=3, op=1048602, name="l1.fc2"
.debug first=123, count=6, op=1048605, name="logits"
.entry prefill
    dma.tok first=0, count=32                   ; 0: 0x6500000020000000
    dma.row sram=17375, table=1280, len=8, index=token ; 1: 0x6221EF8001400010
    ev.sig event=16, count=1                    ; 2: 0xF001000100000000
    dma.ld sram=991, lpddr=0, len=32            ; 3: 0x6001EF8000000020
    ev.sig event=144, count=1                   ; 4: 0xF009000100000000
    ev.wait event=208, count=1                  ; 5: 0xF10D000100000000
    dma.ld sram=991, lpddr=32, len=32           ; 6: 0x6001EF8000080020
    ev.sig event=144, count=1                   ; 7: 0xF009000100000000
    ev.wait event=208, count=1                  ; 8: 0xF10D000100000000
    dma.ld sram=991, lpddr=64, len=32           ; 9: 0x6001EF8000100020
    ev.sig event=144, count=1                   ; 10: 0xF009000100000000
    ev.wait event=208, count=1                  ; 11: 0xF10D000100000000
    dma.ld sram=991, lpddr=96, len=32           ; 12: 0x6001EF8000180020
    ev.sig event=144, count=1                   ; 13: 0xF009000100000000
    ev.wait event=208, count=1                  ; 14: 0xF10D000100000000
    dma.ld sram=991, lpddr=128, len=128         ; 15: 0x6001EF8000200080
    ev.sig event=144, count=1                   ; 16: 0xF009000100000000
    ev.wait event=208, count=1                  ; 17: 0xF10D000100000000
    dma.ld sram=991, lpddr=256, len=128         ; 18: 0x6001EF8000400080
    ev.sig event=144, count=1                   ; 19: 0xF009000100000000
    ev.wait event=208, count=1                  ; 20: 0xF10D000100000000
    dma.ld sram=991, lpddr=384, len=32          ; 21: 0x6001EF8000600020
    ev.sig event=144, count=1                   ; 22: 0xF009000100000000
    ev.wait event=208, count=1                  ; 23: 0xF10D000100000000
    dma.ld sram=991, lpddr=416, len=32          ; 24: 0x6001EF8000680020
    ev.sig event=144, count=1                   ; 25: 0xF009000100000000
    ev.wait event=208, count=1                  ; 26: 0xF10D000100000000
    dma.ld sram=991, lpddr=448, len=32          ; 27: 0x6001EF8000700020
    ev.sig event=144, count=1                   ; 28: 0xF009000100000000
    ev.wait event=208, count=1                  ; 29: 0xF10D000100000000
    dma.ld sram=991, lpddr=480, len=32          ; 30: 0x6001EF8000780020
    ev.sig event=144, count=1                   ; 31: 0xF009000100000000
    ev.wait event=208, count=1                  ; 32: 0xF10D000100000000
    dma.ld sram=991, lpddr=512, len=128         ; 33: 0x6001EF8000800080
    ev.sig event=144, count=1                   ; 34: 0xF009000100000000
    ev.wait event=208, count=1                  ; 35: 0xF10D000100000000
    dma.ld sram=991, lpddr=640, len=128         ; 36: 0x6001EF8000A00080
    ev.sig event=144, count=1                   ; 37: 0xF009000100000000
    ev.wait event=208, count=1                  ; 38: 0xF10D000100000000
    ev.wait event=80, count=1                   ; 39: 0xF105000100000000
    dma.tok first=32, count=8                   ; 40: 0x6500200008000000
    dma.row sram=17375, table=1280, len=8, index=token ; 41: 0x6221EF8001400010
    ev.sig event=16, count=1                    ; 42: 0xF001000100000000
    dma.ld sram=991, lpddr=0, len=32            ; 43: 0x6001EF8000000020
    ev.sig event=144, count=1                   ; 44: 0xF009000100000000
    ev.wait event=208, count=1                  ; 45: 0xF10D000100000000
    dma.ld sram=991, lpddr=32, len=32           ; 46: 0x6001EF8000080020
    ev.sig event=144, count=1                   ; 47: 0xF009000100000000
    ev.wait event=208, count=1                  ; 48: 0xF10D000100000000
    dma.ld sram=991, lpddr=64, len=32           ; 49: 0x6001EF8000100020
    ev.sig event=144, count=1                   ; 50: 0xF009000100000000
    ev.wait event=208, count=1                  ; 51: 0xF10D000100000000
    dma.ld sram=991, lpddr=96, len=32           ; 52: 0x6001EF8000180020
    ev.sig event=144, count=1                   ; 53: 0xF009000100000000
    ev.wait event=208, count=1                  ; 54: 0xF10D000100000000
    dma.ld sram=991, lpddr=128, len=128         ; 55: 0x6001EF8000200080
    ev.sig event=144, count=1                   ; 56: 0xF009000100000000
    ev.wait event=208, count=1                  ; 57: 0xF10D000100000000
    dma.ld sram=991, lpddr=256, len=128         ; 58: 0x6001EF8000400080
    ev.sig event=144, count=1                   ; 59: 0xF009000100000000
    ev.wait event=208, count=1                  ; 60: 0xF10D000100000000
    dma.ld sram=991, lpddr=384, len=32          ; 61: 0x6001EF8000600020
    ev.sig event=144, count=1                   ; 62: 0xF009000100000000
    ev.wait event=208, count=1                  ; 63: 0xF10D000100000000
    dma.ld sram=991, lpddr=416, len=32          ; 64: 0x6001EF8000680020
    ev.sig event=144, count=1                   ; 65: 0xF009000100000000
    ev.wait event=208, count=1                  ; 66: 0xF10D000100000000
    dma.ld sram=991, lpddr=448, len=32          ; 67: 0x6001EF8000700020
    ev.sig event=144, count=1                   ; 68: 0xF009000100000000
    ev.wait event=208, count=1                  ; 69: 0xF10D000100000000
    dma.ld sram=991, lpddr=480, len=32          ; 70: 0x6001EF8000780020
    ev.sig event=144, count=1                   ; 71: 0xF009000100000000
    ev.wait event=208, count=1                  ; 72: 0xF10D000100000000
    dma.ld sram=991, lpddr=512, len=128         ; 73: 0x6001EF8000800080
    ev.sig event=144, count=1                   ; 74: 0xF009000100000000
    ev.wait event=208, count=1                  ; 75: 0xF10D000100000000
    dma.ld sram=991, lpddr=640, len=128         ; 76: 0x6001EF8000A00080
    ev.sig event=144, count=1                   ; 77: 0xF009000100000000
    ev.wait event=208, count=1                  ; 78: 0xF10D000100000000
    dma.ld sram=991, lpddr=768, len=512         ; 79: 0x6001EF8000C00200
    ev.sig event=144, count=1                   ; 80: 0xF009000100000000
    ev.wait event=3, count=1                    ; 81: 0xF100300100000000
    dma.st sram=17761, lpddr=6624, len=32       ; 82: 0x6122B08006780020
    ev.sig event=4, count=1                     ; 83: 0xF000400100000000
    ev.wait event=208, count=1                  ; 84: 0xF10D000100000000
.entry decode
    dma.row sram=17375, table=1280, len=8, index=token ; 85: 0x6221EF8001400010
    ev.sig event=16, count=1                    ; 86: 0xF001000100000000
    dma.ld sram=991, lpddr=0, len=32            ; 87: 0x6001EF8000000020
    ev.sig event=144, count=1                   ; 88: 0xF009000100000000
    ev.wait event=208, count=1                  ; 89: 0xF10D000100000000
    dma.ld sram=991, lpddr=32, len=32           ; 90: 0x6001EF8000080020
    ev.sig event=144, count=1                   ; 91: 0xF009000100000000
    ev.wait event=208, count=1                  ; 92: 0xF10D000100000000
    dma.ld sram=991, lpddr=64, len=32           ; 93: 0x6001EF8000100020
    ev.sig event=144, count=1                   ; 94: 0xF009000100000000
    ev.wait event=208, count=1                  ; 95: 0xF10D000100000000
    dma.ld sram=991, lpddr=96, len=32           ; 96: 0x6001EF8000180020
    ev.sig event=144, count=1                   ; 97: 0xF009000100000000
    ev.wait event=208, count=1                  ; 98: 0xF10D000100000000
    dma.ld sram=991, lpddr=128, len=128         ; 99: 0x6001EF8000200080
    ev.sig event=144, count=1                   ; 100: 0xF009000100000000
    ev.wait event=208, count=1                  ; 101: 0xF10D000100000000
    dma.ld sram=991, lpddr=256, len=128         ; 102: 0x6001EF8000400080
    ev.sig event=144, count=1                   ; 103: 0xF009000100000000
    ev.wait event=208, count=1                  ; 104: 0xF10D000100000000
    dma.ld sram=991, lpddr=384, len=32          ; 105: 0x6001EF8000600020
    ev.sig event=144, count=1                   ; 106: 0xF009000100000000
    ev.wait event=208, count=1                  ; 107: 0xF10D000100000000
    dma.ld sram=991, lpddr=416, len=32          ; 108: 0x6001EF8000680020
    ev.sig event=144, count=1                   ; 109: 0xF009000100000000
    ev.wait event=208, count=1                  ; 110: 0xF10D000100000000
    dma.ld sram=991, lpddr=448, len=32          ; 111: 0x6001EF8000700020
    ev.sig event=144, count=1                   ; 112: 0xF009000100000000
    ev.wait event=208, count=1                  ; 113: 0xF10D000100000000
    dma.ld sram=991, lpddr=480, len=32          ; 114: 0x6001EF8000780020
    ev.sig event=144, count=1                   ; 115: 0xF009000100000000
    ev.wait event=208, count=1                  ; 116: 0xF10D000100000000
    dma.ld sram=991, lpddr=512, len=128         ; 117: 0x6001EF8000800080
    ev.sig event=144, count=1                   ; 118: 0xF009000100000000
    ev.wait event=208, count=1                  ; 119: 0xF10D000100000000
    dma.ld sram=991, lpddr=640, len=128         ; 120: 0x6001EF8000A00080
    ev.sig event=144, count=1                   ; 121: 0xF009000100000000
    ev.wait event=208, count=1                  ; 122: 0xF10D000100000000
    dma.ld sram=991, lpddr=768, len=512         ; 123: 0x6001EF8000C00200
    ev.sig event=144, count=1                   ; 124: 0xF009000100000000
    ev.wait event=3, count=1                    ; 125: 0xF100300100000000
    dma.st sram=17388, lpddr=6656, len=32       ; 126: 0x6121F60006800020
    ev.sig event=4, count=1                     ; 127: 0xF000400100000000
    ev.wait event=208, count=1                  ; 128: 0xF10D000100000000

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
.debug first=39, count=4, op=2, name="pos"
.debug first=43, count=3, op=5, name="l0.q"
.debug first=46, count=3, op=6, name="l0.k"
.debug first=49, count=3, op=7, name="l0.v"
.debug first=52, count=3, op=9, name="l0.o"
.debug first=55, count=3, op=12, name="l0.fc1"
.debug first=58, count=3, op=14, name="l0.fc2"
.debug first=61, count=3, op=17, name="l1.q"
.debug first=64, count=3, op=18, name="l1.k"
.debug first=67, count=3, op=19, name="l1.v"
.debug first=70, count=3, op=21, name="l1.o"
.debug first=73, count=3, op=24, name="l1.fc1"
.debug first=76, count=3, op=26, name="l1.fc2"
.debug first=79, count=3, op=30, name="logits"
.debug first=82, count=2, op=1048578, name="pos"
.debug first=84, count=3, op=1048581, name="l0.q"
.debug first=87, count=3, op=1048582, name="l0.k"
.debug first=90, count=3, op=1048583, name="l0.v"
.debug first=93, count=3, op=1048585, name="l0.o"
.debug first=96, count=3, op=1048588, name="l0.fc1"
.debug first=99, count=3, op=1048590, name="l0.fc2"
.debug first=102, count=3, op=1048593, name="l1.q"
.debug first=105, count=3, op=1048594, name="l1.k"
.debug first=108, count=3, op=1048595, name="l1.v"
.debug first=111, count=3, op=1048597, name="l1.o"
.debug first=114, count=3, op=1048600, name="l1.fc1"
.debug first=117, count=3, op=1048602, name="l1.fc2"
.debug first=120, count=3, op=1048605, name="logits"
.entry prefill
    dma.tok first=0, count=32                   ; 0: 0x6500000020000000
    dma.row sram=17631, table=1280, len=8, index=position ; 1: 0x62226F8001400011
    ev.sig event=17, count=1                    ; 2: 0xF001100100000000
    dma.ld sram=1023, lpddr=0, len=32           ; 3: 0x6001FF8000000020
    ev.sig event=145, count=1                   ; 4: 0xF009100100000000
    ev.wait event=209, count=1                  ; 5: 0xF10D100100000000
    dma.ld sram=1023, lpddr=32, len=32          ; 6: 0x6001FF8000080020
    ev.sig event=145, count=1                   ; 7: 0xF009100100000000
    ev.wait event=209, count=1                  ; 8: 0xF10D100100000000
    dma.ld sram=1023, lpddr=64, len=32          ; 9: 0x6001FF8000100020
    ev.sig event=145, count=1                   ; 10: 0xF009100100000000
    ev.wait event=209, count=1                  ; 11: 0xF10D100100000000
    dma.ld sram=1023, lpddr=96, len=32          ; 12: 0x6001FF8000180020
    ev.sig event=145, count=1                   ; 13: 0xF009100100000000
    ev.wait event=209, count=1                  ; 14: 0xF10D100100000000
    dma.ld sram=1119, lpddr=128, len=128        ; 15: 0x60022F8000200080
    ev.sig event=145, count=1                   ; 16: 0xF009100100000000
    ev.wait event=209, count=1                  ; 17: 0xF10D100100000000
    dma.ld sram=1119, lpddr=256, len=128        ; 18: 0x60022F8000400080
    ev.sig event=145, count=1                   ; 19: 0xF009100100000000
    ev.wait event=209, count=1                  ; 20: 0xF10D100100000000
    dma.ld sram=1023, lpddr=384, len=32         ; 21: 0x6001FF8000600020
    ev.sig event=145, count=1                   ; 22: 0xF009100100000000
    ev.wait event=209, count=1                  ; 23: 0xF10D100100000000
    dma.ld sram=1023, lpddr=416, len=32         ; 24: 0x6001FF8000680020
    ev.sig event=145, count=1                   ; 25: 0xF009100100000000
    ev.wait event=209, count=1                  ; 26: 0xF10D100100000000
    dma.ld sram=1023, lpddr=448, len=32         ; 27: 0x6001FF8000700020
    ev.sig event=145, count=1                   ; 28: 0xF009100100000000
    ev.wait event=209, count=1                  ; 29: 0xF10D100100000000
    dma.ld sram=1023, lpddr=480, len=32         ; 30: 0x6001FF8000780020
    ev.sig event=145, count=1                   ; 31: 0xF009100100000000
    ev.wait event=209, count=1                  ; 32: 0xF10D100100000000
    dma.ld sram=1119, lpddr=512, len=128        ; 33: 0x60022F8000800080
    ev.sig event=145, count=1                   ; 34: 0xF009100100000000
    ev.wait event=209, count=1                  ; 35: 0xF10D100100000000
    dma.ld sram=1119, lpddr=640, len=128        ; 36: 0x60022F8000A00080
    ev.sig event=145, count=1                   ; 37: 0xF009100100000000
    ev.wait event=209, count=1                  ; 38: 0xF10D100100000000
    ev.wait event=81, count=1                   ; 39: 0xF105100100000000
    dma.tok first=32, count=8                   ; 40: 0x6500200008000000
    dma.row sram=17631, table=1280, len=8, index=position ; 41: 0x62226F8001400011
    ev.sig event=17, count=1                    ; 42: 0xF001100100000000
    dma.ld sram=1023, lpddr=0, len=32           ; 43: 0x6001FF8000000020
    ev.sig event=145, count=1                   ; 44: 0xF009100100000000
    ev.wait event=209, count=1                  ; 45: 0xF10D100100000000
    dma.ld sram=1023, lpddr=32, len=32          ; 46: 0x6001FF8000080020
    ev.sig event=145, count=1                   ; 47: 0xF009100100000000
    ev.wait event=209, count=1                  ; 48: 0xF10D100100000000
    dma.ld sram=1023, lpddr=64, len=32          ; 49: 0x6001FF8000100020
    ev.sig event=145, count=1                   ; 50: 0xF009100100000000
    ev.wait event=209, count=1                  ; 51: 0xF10D100100000000
    dma.ld sram=1023, lpddr=96, len=32          ; 52: 0x6001FF8000180020
    ev.sig event=145, count=1                   ; 53: 0xF009100100000000
    ev.wait event=209, count=1                  ; 54: 0xF10D100100000000
    dma.ld sram=1119, lpddr=128, len=128        ; 55: 0x60022F8000200080
    ev.sig event=145, count=1                   ; 56: 0xF009100100000000
    ev.wait event=209, count=1                  ; 57: 0xF10D100100000000
    dma.ld sram=1119, lpddr=256, len=128        ; 58: 0x60022F8000400080
    ev.sig event=145, count=1                   ; 59: 0xF009100100000000
    ev.wait event=209, count=1                  ; 60: 0xF10D100100000000
    dma.ld sram=1023, lpddr=384, len=32         ; 61: 0x6001FF8000600020
    ev.sig event=145, count=1                   ; 62: 0xF009100100000000
    ev.wait event=209, count=1                  ; 63: 0xF10D100100000000
    dma.ld sram=1023, lpddr=416, len=32         ; 64: 0x6001FF8000680020
    ev.sig event=145, count=1                   ; 65: 0xF009100100000000
    ev.wait event=209, count=1                  ; 66: 0xF10D100100000000
    dma.ld sram=1023, lpddr=448, len=32         ; 67: 0x6001FF8000700020
    ev.sig event=145, count=1                   ; 68: 0xF009100100000000
    ev.wait event=209, count=1                  ; 69: 0xF10D100100000000
    dma.ld sram=1023, lpddr=480, len=32         ; 70: 0x6001FF8000780020
    ev.sig event=145, count=1                   ; 71: 0xF009100100000000
    ev.wait event=209, count=1                  ; 72: 0xF10D100100000000
    dma.ld sram=1119, lpddr=512, len=128        ; 73: 0x60022F8000800080
    ev.sig event=145, count=1                   ; 74: 0xF009100100000000
    ev.wait event=209, count=1                  ; 75: 0xF10D100100000000
    dma.ld sram=1119, lpddr=640, len=128        ; 76: 0x60022F8000A00080
    ev.sig event=145, count=1                   ; 77: 0xF009100100000000
    ev.wait event=209, count=1                  ; 78: 0xF10D100100000000
    dma.ld sram=1503, lpddr=768, len=512        ; 79: 0x6002EF8000C00200
    ev.sig event=145, count=1                   ; 80: 0xF009100100000000
    ev.wait event=209, count=1                  ; 81: 0xF10D100100000000
.entry decode
    dma.row sram=17383, table=1280, len=8, index=position ; 82: 0x6221F38001400011
    ev.sig event=17, count=1                    ; 83: 0xF001100100000000
    dma.ld sram=1023, lpddr=0, len=32           ; 84: 0x6001FF8000000020
    ev.sig event=145, count=1                   ; 85: 0xF009100100000000
    ev.wait event=209, count=1                  ; 86: 0xF10D100100000000
    dma.ld sram=1023, lpddr=32, len=32          ; 87: 0x6001FF8000080020
    ev.sig event=145, count=1                   ; 88: 0xF009100100000000
    ev.wait event=209, count=1                  ; 89: 0xF10D100100000000
    dma.ld sram=1023, lpddr=64, len=32          ; 90: 0x6001FF8000100020
    ev.sig event=145, count=1                   ; 91: 0xF009100100000000
    ev.wait event=209, count=1                  ; 92: 0xF10D100100000000
    dma.ld sram=1023, lpddr=96, len=32          ; 93: 0x6001FF8000180020
    ev.sig event=145, count=1                   ; 94: 0xF009100100000000
    ev.wait event=209, count=1                  ; 95: 0xF10D100100000000
    dma.ld sram=1119, lpddr=128, len=128        ; 96: 0x60022F8000200080
    ev.sig event=145, count=1                   ; 97: 0xF009100100000000
    ev.wait event=209, count=1                  ; 98: 0xF10D100100000000
    dma.ld sram=1119, lpddr=256, len=128        ; 99: 0x60022F8000400080
    ev.sig event=145, count=1                   ; 100: 0xF009100100000000
    ev.wait event=209, count=1                  ; 101: 0xF10D100100000000
    dma.ld sram=1023, lpddr=384, len=32         ; 102: 0x6001FF8000600020
    ev.sig event=145, count=1                   ; 103: 0xF009100100000000
    ev.wait event=209, count=1                  ; 104: 0xF10D100100000000
    dma.ld sram=1023, lpddr=416, len=32         ; 105: 0x6001FF8000680020
    ev.sig event=145, count=1                   ; 106: 0xF009100100000000
    ev.wait event=209, count=1                  ; 107: 0xF10D100100000000
    dma.ld sram=1023, lpddr=448, len=32         ; 108: 0x6001FF8000700020
    ev.sig event=145, count=1                   ; 109: 0xF009100100000000
    ev.wait event=209, count=1                  ; 110: 0xF10D100100000000
    dma.ld sram=1023, lpddr=480, len=32         ; 111: 0x6001FF8000780020
    ev.sig event=145, count=1                   ; 112: 0xF009100100000000
    ev.wait event=209, count=1                  ; 113: 0xF10D100100000000
    dma.ld sram=1119, lpddr=512, len=128        ; 114: 0x60022F8000800080
    ev.sig event=145, count=1                   ; 115: 0xF009100100000000
    ev.wait event=209, count=1                  ; 116: 0xF10D100100000000
    dma.ld sram=1119, lpddr=640, len=128        ; 117: 0x60022F8000A00080
    ev.sig event=145, count=1                   ; 118: 0xF009100100000000
    ev.wait event=209, count=1                  ; 119: 0xF10D100100000000
    dma.ld sram=1503, lpddr=768, len=512        ; 120: 0x6002EF8000C00200
    ev.sig event=145, count=1                   ; 121: 0xF009100100000000
    ev.wait event=209, count=1                  ; 122: 0xF10D100100000000

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
    dma.ld sram=1055, lpddr=0, len=32           ; 0: 0x60020F8000000020
    ev.sig event=146, count=1                   ; 1: 0xF009200100000000
    ev.wait event=210, count=1                  ; 2: 0xF10D200100000000
    dma.ld sram=1055, lpddr=32, len=32          ; 3: 0x60020F8000080020
    ev.sig event=146, count=1                   ; 4: 0xF009200100000000
    ev.wait event=210, count=1                  ; 5: 0xF10D200100000000
    dma.ld sram=1055, lpddr=64, len=32          ; 6: 0x60020F8000100020
    ev.sig event=146, count=1                   ; 7: 0xF009200100000000
    ev.wait event=210, count=1                  ; 8: 0xF10D200100000000
    dma.ld sram=1055, lpddr=96, len=32          ; 9: 0x60020F8000180020
    ev.sig event=146, count=1                   ; 10: 0xF009200100000000
    ev.wait event=210, count=1                  ; 11: 0xF10D200100000000
    dma.ld sram=1247, lpddr=128, len=128        ; 12: 0x60026F8000200080
    ev.sig event=146, count=1                   ; 13: 0xF009200100000000
    ev.wait event=210, count=1                  ; 14: 0xF10D200100000000
    dma.ld sram=1247, lpddr=256, len=128        ; 15: 0x60026F8000400080
    ev.sig event=146, count=1                   ; 16: 0xF009200100000000
    ev.wait event=210, count=1                  ; 17: 0xF10D200100000000
    dma.ld sram=1055, lpddr=384, len=32         ; 18: 0x60020F8000600020
    ev.sig event=146, count=1                   ; 19: 0xF009200100000000
    ev.wait event=210, count=1                  ; 20: 0xF10D200100000000
    dma.ld sram=1055, lpddr=416, len=32         ; 21: 0x60020F8000680020
    ev.sig event=146, count=1                   ; 22: 0xF009200100000000
    ev.wait event=210, count=1                  ; 23: 0xF10D200100000000
    dma.ld sram=1055, lpddr=448, len=32         ; 24: 0x60020F8000700020
    ev.sig event=146, count=1                   ; 25: 0xF009200100000000
    ev.wait event=210, count=1                  ; 26: 0xF10D200100000000
    dma.ld sram=1055, lpddr=480, len=32         ; 27: 0x60020F8000780020
    ev.sig event=146, count=1                   ; 28: 0xF009200100000000
    ev.wait event=210, count=1                  ; 29: 0xF10D200100000000
    dma.ld sram=1247, lpddr=512, len=128        ; 30: 0x60026F8000800080
    ev.sig event=146, count=1                   ; 31: 0xF009200100000000
    ev.wait event=210, count=1                  ; 32: 0xF10D200100000000
    dma.ld sram=1247, lpddr=640, len=128        ; 33: 0x60026F8000A00080
    ev.sig event=146, count=1                   ; 34: 0xF009200100000000
    ev.wait event=210, count=1                  ; 35: 0xF10D200100000000
    dma.ld sram=1055, lpddr=0, len=32           ; 36: 0x60020F8000000020
    ev.sig event=146, count=1                   ; 37: 0xF009200100000000
    ev.wait event=210, count=1                  ; 38: 0xF10D200100000000
    dma.ld sram=1055, lpddr=32, len=32          ; 39: 0x60020F8000080020
    ev.sig event=146, count=1                   ; 40: 0xF009200100000000
    ev.wait event=210, count=1                  ; 41: 0xF10D200100000000
    dma.ld sram=1055, lpddr=64, len=32          ; 42: 0x60020F8000100020
    ev.sig event=146, count=1                   ; 43: 0xF009200100000000
    ev.wait event=210, count=1                  ; 44: 0xF10D200100000000
    dma.ld sram=1055, lpddr=96, len=32          ; 45: 0x60020F8000180020
    ev.sig event=146, count=1                   ; 46: 0xF009200100000000
    ev.wait event=210, count=1                  ; 47: 0xF10D200100000000
    dma.ld sram=1247, lpddr=128, len=128        ; 48: 0x60026F8000200080
    ev.sig event=146, count=1                   ; 49: 0xF009200100000000
    ev.wait event=210, count=1                  ; 50: 0xF10D200100000000
    dma.ld sram=1247, lpddr=256, len=128        ; 51: 0x60026F8000400080
    ev.sig event=146, count=1                   ; 52: 0xF009200100000000
    ev.wait event=210, count=1                  ; 53: 0xF10D200100000000
    dma.ld sram=1055, lpddr=384, len=32         ; 54: 0x60020F8000600020
    ev.sig event=146, count=1                   ; 55: 0xF009200100000000
    ev.wait event=210, count=1                  ; 56: 0xF10D200100000000
    dma.ld sram=1055, lpddr=416, len=32         ; 57: 0x60020F8000680020
    ev.sig event=146, count=1                   ; 58: 0xF009200100000000
    ev.wait event=210, count=1                  ; 59: 0xF10D200100000000
    dma.ld sram=1055, lpddr=448, len=32         ; 60: 0x60020F8000700020
    ev.sig event=146, count=1                   ; 61: 0xF009200100000000
    ev.wait event=210, count=1                  ; 62: 0xF10D200100000000
    dma.ld sram=1055, lpddr=480, len=32         ; 63: 0x60020F8000780020
    ev.sig event=146, count=1                   ; 64: 0xF009200100000000
    ev.wait event=210, count=1                  ; 65: 0xF10D200100000000
    dma.ld sram=1247, lpddr=512, len=128        ; 66: 0x60026F8000800080
    ev.sig event=146, count=1                   ; 67: 0xF009200100000000
    ev.wait event=210, count=1                  ; 68: 0xF10D200100000000
    dma.ld sram=1247, lpddr=640, len=128        ; 69: 0x60026F8000A00080
    ev.sig event=146, count=1                   ; 70: 0xF009200100000000
    ev.wait event=210, count=1                  ; 71: 0xF10D200100000000
    dma.ld sram=2015, lpddr=768, len=512        ; 72: 0x6003EF8000C00200
    ev.sig event=146, count=1                   ; 73: 0xF009200100000000
    ev.wait event=210, count=1                  ; 74: 0xF10D200100000000
.entry decode
    dma.ld sram=1055, lpddr=0, len=32           ; 75: 0x60020F8000000020
    ev.sig event=146, count=1                   ; 76: 0xF009200100000000
    ev.wait event=210, count=1                  ; 77: 0xF10D200100000000
    dma.ld sram=1055, lpddr=32, len=32          ; 78: 0x60020F8000080020
    ev.sig event=146, count=1                   ; 79: 0xF009200100000000
    ev.wait event=210, count=1                  ; 80: 0xF10D200100000000
    dma.ld sram=1055, lpddr=64, len=32          ; 81: 0x60020F8000100020
    ev.sig event=146, count=1                   ; 82: 0xF009200100000000
    ev.wait event=210, count=1                  ; 83: 0xF10D200100000000
    dma.ld sram=1055, lpddr=96, len=32          ; 84: 0x60020F8000180020
    ev.sig event=146, count=1                   ; 85: 0xF009200100000000
    ev.wait event=210, count=1                  ; 86: 0xF10D200100000000
    dma.ld sram=1247, lpddr=128, len=128        ; 87: 0x60026F8000200080
    ev.sig event=146, count=1                   ; 88: 0xF009200100000000
    ev.wait event=210, count=1                  ; 89: 0xF10D200100000000
    dma.ld sram=1247, lpddr=256, len=128        ; 90: 0x60026F8000400080
    ev.sig event=146, count=1                   ; 91: 0xF009200100000000
    ev.wait event=210, count=1                  ; 92: 0xF10D200100000000
    dma.ld sram=1055, lpddr=384, len=32         ; 93: 0x60020F8000600020
    ev.sig event=146, count=1                   ; 94: 0xF009200100000000
    ev.wait event=210, count=1                  ; 95: 0xF10D200100000000
    dma.ld sram=1055, lpddr=416, len=32         ; 96: 0x60020F8000680020
    ev.sig event=146, count=1                   ; 97: 0xF009200100000000
    ev.wait event=210, count=1                  ; 98: 0xF10D200100000000
    dma.ld sram=1055, lpddr=448, len=32         ; 99: 0x60020F8000700020
    ev.sig event=146, count=1                   ; 100: 0xF009200100000000
    ev.wait event=210, count=1                  ; 101: 0xF10D200100000000
    dma.ld sram=1055, lpddr=480, len=32         ; 102: 0x60020F8000780020
    ev.sig event=146, count=1                   ; 103: 0xF009200100000000
    ev.wait event=210, count=1                  ; 104: 0xF10D200100000000
    dma.ld sram=1247, lpddr=512, len=128        ; 105: 0x60026F8000800080
    ev.sig event=146, count=1                   ; 106: 0xF009200100000000
    ev.wait event=210, count=1                  ; 107: 0xF10D200100000000
    dma.ld sram=1247, lpddr=640, len=128        ; 108: 0x60026F8000A00080
    ev.sig event=146, count=1                   ; 109: 0xF009200100000000
    ev.wait event=210, count=1                  ; 110: 0xF10D200100000000
    dma.ld sram=2015, lpddr=768, len=512        ; 111: 0x6003EF8000C00200
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
    dma.ld sram=1087, lpddr=0, len=32           ; 0: 0x60021F8000000020
    ev.sig event=147, count=1                   ; 1: 0xF009300100000000
    ev.wait event=211, count=1                  ; 2: 0xF10D300100000000
    dma.ld sram=1087, lpddr=32, len=32          ; 3: 0x60021F8000080020
    ev.sig event=147, count=1                   ; 4: 0xF009300100000000
    ev.wait event=211, count=1                  ; 5: 0xF10D300100000000
    dma.ld sram=1087, lpddr=64, len=32          ; 6: 0x60021F8000100020
    ev.sig event=147, count=1                   ; 7: 0xF009300100000000
    ev.wait event=211, count=1                  ; 8: 0xF10D300100000000
    dma.ld sram=1087, lpddr=96, len=32          ; 9: 0x60021F8000180020
    ev.sig event=147, count=1                   ; 10: 0xF009300100000000
    ev.wait event=211, count=1                  ; 11: 0xF10D300100000000
    dma.ld sram=1375, lpddr=128, len=128        ; 12: 0x6002AF8000200080
    ev.sig event=147, count=1                   ; 13: 0xF009300100000000
    ev.wait event=211, count=1                  ; 14: 0xF10D300100000000
    dma.ld sram=1375, lpddr=256, len=128        ; 15: 0x6002AF8000400080
    ev.sig event=147, count=1                   ; 16: 0xF009300100000000
    ev.wait event=211, count=1                  ; 17: 0xF10D300100000000
    dma.ld sram=1087, lpddr=384, len=32         ; 18: 0x60021F8000600020
    ev.sig event=147, count=1                   ; 19: 0xF009300100000000
    ev.wait event=211, count=1                  ; 20: 0xF10D300100000000
    dma.ld sram=1087, lpddr=416, len=32         ; 21: 0x60021F8000680020
    ev.sig event=147, count=1                   ; 22: 0xF009300100000000
    ev.wait event=211, count=1                  ; 23: 0xF10D300100000000
    dma.ld sram=1087, lpddr=448, len=32         ; 24: 0x60021F8000700020
    ev.sig event=147, count=1                   ; 25: 0xF009300100000000
    ev.wait event=211, count=1                  ; 26: 0xF10D300100000000
    dma.ld sram=1087, lpddr=480, len=32         ; 27: 0x60021F8000780020
    ev.sig event=147, count=1                   ; 28: 0xF009300100000000
    ev.wait event=211, count=1                  ; 29: 0xF10D300100000000
    dma.ld sram=1375, lpddr=512, len=128        ; 30: 0x6002AF8000800080
    ev.sig event=147, count=1                   ; 31: 0xF009300100000000
    ev.wait event=211, count=1                  ; 32: 0xF10D300100000000
    dma.ld sram=1375, lpddr=640, len=128        ; 33: 0x6002AF8000A00080
    ev.sig event=147, count=1                   ; 34: 0xF009300100000000
    ev.wait event=211, count=1                  ; 35: 0xF10D300100000000
    dma.ld sram=1087, lpddr=0, len=32           ; 36: 0x60021F8000000020
    ev.sig event=147, count=1                   ; 37: 0xF009300100000000
    ev.wait event=211, count=1                  ; 38: 0xF10D300100000000
    dma.ld sram=1087, lpddr=32, len=32          ; 39: 0x60021F8000080020
    ev.sig event=147, count=1                   ; 40: 0xF009300100000000
    ev.wait event=211, count=1                  ; 41: 0xF10D300100000000
    dma.ld sram=1087, lpddr=64, len=32          ; 42: 0x60021F8000100020
    ev.sig event=147, count=1                   ; 43: 0xF009300100000000
    ev.wait event=211, count=1                  ; 44: 0xF10D300100000000
    dma.ld sram=1087, lpddr=96, len=32          ; 45: 0x60021F8000180020
    ev.sig event=147, count=1                   ; 46: 0xF009300100000000
    ev.wait event=211, count=1                  ; 47: 0xF10D300100000000
    dma.ld sram=1375, lpddr=128, len=128        ; 48: 0x6002AF8000200080
    ev.sig event=147, count=1                   ; 49: 0xF009300100000000
    ev.wait event=211, count=1                  ; 50: 0xF10D300100000000
    dma.ld sram=1375, lpddr=256, len=128        ; 51: 0x6002AF8000400080
    ev.sig event=147, count=1                   ; 52: 0xF009300100000000
    ev.wait event=211, count=1                  ; 53: 0xF10D300100000000
    dma.ld sram=1087, lpddr=384, len=32         ; 54: 0x60021F8000600020
    ev.sig event=147, count=1                   ; 55: 0xF009300100000000
    ev.wait event=211, count=1                  ; 56: 0xF10D300100000000
    dma.ld sram=1087, lpddr=416, len=32         ; 57: 0x60021F8000680020
    ev.sig event=147, count=1                   ; 58: 0xF009300100000000
    ev.wait event=211, count=1                  ; 59: 0xF10D300100000000
    dma.ld sram=1087, lpddr=448, len=32         ; 60: 0x60021F8000700020
    ev.sig event=147, count=1                   ; 61: 0xF009300100000000
    ev.wait event=211, count=1                  ; 62: 0xF10D300100000000
    dma.ld sram=1087, lpddr=480, len=32         ; 63: 0x60021F8000780020
    ev.sig event=147, count=1                   ; 64: 0xF009300100000000
    ev.wait event=211, count=1                  ; 65: 0xF10D300100000000
    dma.ld sram=1375, lpddr=512, len=128        ; 66: 0x6002AF8000800080
    ev.sig event=147, count=1                   ; 67: 0xF009300100000000
    ev.wait event=211, count=1                  ; 68: 0xF10D300100000000
    dma.ld sram=1375, lpddr=640, len=128        ; 69: 0x6002AF8000A00080
    ev.sig event=147, count=1                   ; 70: 0xF009300100000000
    ev.wait event=211, count=1                  ; 71: 0xF10D300100000000
    dma.ld sram=2527, lpddr=768, len=512        ; 72: 0x6004EF8000C00200
    ev.sig event=147, count=1                   ; 73: 0xF009300100000000
    ev.wait event=211, count=1                  ; 74: 0xF10D300100000000
.entry decode
    dma.ld sram=1087, lpddr=0, len=32           ; 75: 0x60021F8000000020
    ev.sig event=147, count=1                   ; 76: 0xF009300100000000
    ev.wait event=211, count=1                  ; 77: 0xF10D300100000000
    dma.ld sram=1087, lpddr=32, len=32          ; 78: 0x60021F8000080020
    ev.sig event=147, count=1                   ; 79: 0xF009300100000000
    ev.wait event=211, count=1                  ; 80: 0xF10D300100000000
    dma.ld sram=1087, lpddr=64, len=32          ; 81: 0x60021F8000100020
    ev.sig event=147, count=1                   ; 82: 0xF009300100000000
    ev.wait event=211, count=1                  ; 83: 0xF10D300100000000
    dma.ld sram=1087, lpddr=96, len=32          ; 84: 0x60021F8000180020
    ev.sig event=147, count=1                   ; 85: 0xF009300100000000
    ev.wait event=211, count=1                  ; 86: 0xF10D300100000000
    dma.ld sram=1375, lpddr=128, len=128        ; 87: 0x6002AF8000200080
    ev.sig event=147, count=1                   ; 88: 0xF009300100000000
    ev.wait event=211, count=1                  ; 89: 0xF10D300100000000
    dma.ld sram=1375, lpddr=256, len=128        ; 90: 0x6002AF8000400080
    ev.sig event=147, count=1                   ; 91: 0xF009300100000000
    ev.wait event=211, count=1                  ; 92: 0xF10D300100000000
    dma.ld sram=1087, lpddr=384, len=32         ; 93: 0x60021F8000600020
    ev.sig event=147, count=1                   ; 94: 0xF009300100000000
    ev.wait event=211, count=1                  ; 95: 0xF10D300100000000
    dma.ld sram=1087, lpddr=416, len=32         ; 96: 0x60021F8000680020
    ev.sig event=147, count=1                   ; 97: 0xF009300100000000
    ev.wait event=211, count=1                  ; 98: 0xF10D300100000000
    dma.ld sram=1087, lpddr=448, len=32         ; 99: 0x60021F8000700020
    ev.sig event=147, count=1                   ; 100: 0xF009300100000000
    ev.wait event=211, count=1                  ; 101: 0xF10D300100000000
    dma.ld sram=1087, lpddr=480, len=32         ; 102: 0x60021F8000780020
    ev.sig event=147, count=1                   ; 103: 0xF009300100000000
    ev.wait event=211, count=1                  ; 104: 0xF10D300100000000
    dma.ld sram=1375, lpddr=512, len=128        ; 105: 0x6002AF8000800080
    ev.sig event=147, count=1                   ; 106: 0xF009300100000000
    ev.wait event=211, count=1                  ; 107: 0xF10D300100000000
    dma.ld sram=1375, lpddr=640, len=128        ; 108: 0x6002AF8000A00080
    ev.sig event=147, count=1                   ; 109: 0xF009300100000000
    ev.wait event=211, count=1                  ; 110: 0xF10D300100000000
    dma.ld sram=2527, lpddr=768, len=512        ; 111: 0x6004EF8000C00200
    ev.sig event=147, count=1                   ; 112: 0xF009300100000000
    ev.wait event=211, count=1                  ; 113: 0xF10D300100000000
