; pimcc disassembly. Reassemble with: pimcc asm <this file> -o out.bin
.target "pimllm"
.target_sha256 "9fc5f3be348ada41aa6452d6ed65c0de7774146f5c48c986c48a18feb5377a2e"
.workload prompt=40, generated=4, positions=44, model="tiny-gpt2", programs="prefill,decode"
.region "transformer.wte.weight.ch0", weight, lpddr, channel=0, addr=0, size=32768
.region "transformer.wte.weight.ch1", weight, lpddr, channel=1, addr=0, size=32768
.region "transformer.wte.weight.ch2", weight, lpddr, channel=2, addr=0, size=32768
.region "transformer.wte.weight.ch3", weight, lpddr, channel=3, addr=0, size=32768
.region "transformer.wte.weight.rows", weight, lpddr, channel=0, addr=32768, size=262144
.region "transformer.wpe.weight.rows", weight, lpddr, channel=1, addr=32768, size=32768
.region "prefill.logits", activation, lpddr, channel=0, addr=294912, size=81920
.region "decode.logits", activation, lpddr, channel=0, addr=376832, size=2048
.region "sram.params", weight, sram, chip=0, addr=0, size=17600
.region "sram.kv", kv_cache, sram, chip=0, addr=17600, size=45056
.region "sram.weight_chunks", scratch, sram, chip=0, addr=62656, size=1048576
.region "sram.activations", activation, sram, chip=0, addr=1111232, size=196608

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
.debug first=50, count=8, op=14, name="l0.fc2"
.debug first=58, count=1, op=15, name="l0.out"
.debug first=59, count=1, op=16, name="l1.ln1"
.debug first=60, count=4, op=17, name="l1.q"
.debug first=64, count=4, op=18, name="l1.k"
.debug first=68, count=4, op=19, name="l1.v"
.debug first=72, count=19, op=20, name="l1.attn"
.debug first=91, count=5, op=21, name="l1.o"
.debug first=96, count=1, op=22, name="l1.h"
.debug first=97, count=1, op=23, name="l1.ln2"
.debug first=98, count=5, op=24, name="l1.fc1"
.debug first=103, count=1, op=25, name="l1.act"
.debug first=104, count=8, op=26, name="l1.fc2"
.debug first=112, count=1, op=27, name="l1.out"
.debug first=113, count=3, op=0, name="tok"
.debug first=116, count=2, op=2, name="pos"
.debug first=118, count=1, op=3, name="embed"
.debug first=119, count=1, op=4, name="l0.ln1"
.debug first=120, count=4, op=5, name="l0.q"
.debug first=124, count=4, op=6, name="l0.k"
.debug first=128, count=4, op=7, name="l0.v"
.debug first=132, count=19, op=8, name="l0.attn"
.debug first=151, count=5, op=9, name="l0.o"
.debug first=156, count=1, op=10, name="l0.h"
.debug first=157, count=1, op=11, name="l0.ln2"
.debug first=158, count=5, op=12, name="l0.fc1"
.debug first=163, count=1, op=13, name="l0.act"
.debug first=164, count=8, op=14, name="l0.fc2"
.debug first=172, count=1, op=15, name="l0.out"
.debug first=173, count=1, op=16, name="l1.ln1"
.debug first=174, count=4, op=17, name="l1.q"
.debug first=178, count=4, op=18, name="l1.k"
.debug first=182, count=4, op=19, name="l1.v"
.debug first=186, count=19, op=20, name="l1.attn"
.debug first=205, count=5, op=21, name="l1.o"
.debug first=210, count=1, op=22, name="l1.h"
.debug first=211, count=1, op=23, name="l1.ln2"
.debug first=212, count=5, op=24, name="l1.fc1"
.debug first=217, count=1, op=25, name="l1.act"
.debug first=218, count=8, op=26, name="l1.fc2"
.debug first=226, count=1, op=27, name="l1.out"
.debug first=227, count=1, op=28, name="last"
.debug first=228, count=1, op=29, name="norm"
.debug first=229, count=3, op=30, name="logits"
.debug first=232, count=1, op=1048576, name="tok"
.debug first=233, count=1, op=1048578, name="pos"
.debug first=234, count=2, op=1048579, name="embed"
.debug first=236, count=1, op=1048580, name="l0.ln1"
.debug first=237, count=4, op=1048581, name="l0.q"
.debug first=241, count=4, op=1048582, name="l0.k"
.debug first=245, count=4, op=1048583, name="l0.v"
.debug first=249, count=19, op=1048584, name="l0.attn"
.debug first=268, count=5, op=1048585, name="l0.o"
.debug first=273, count=1, op=1048586, name="l0.h"
.debug first=274, count=1, op=1048587, name="l0.ln2"
.debug first=275, count=5, op=1048588, name="l0.fc1"
.debug first=280, count=1, op=1048589, name="l0.act"
.debug first=281, count=8, op=1048590, name="l0.fc2"
.debug first=289, count=1, op=1048591, name="l0.out"
.debug first=290, count=1, op=1048592, name="l1.ln1"
.debug first=291, count=4, op=1048593, name="l1.q"
.debug first=295, count=4, op=1048594, name="l1.k"
.debug first=299, count=4, op=1048595, name="l1.v"
.debug first=303, count=19, op=1048596, name="l1.attn"
.debug first=322, count=5, op=1048597, name="l1.o"
.debug first=327, count=1, op=1048598, name="l1.h"
.debug first=328, count=1, op=1048599, name="l1.ln2"
.debug first=329, count=5, op=1048600, name="l1.fc1"
.debug first=334, count=1, op=1048601, name="l1.act"
.debug first=335, count=8, op=1048602, name="l1.fc2"
.debug first=343, count=1, op=1048603, name="l1.out"
.debug first=344, count=1, op=1048604, name="norm"
.debug first=345, count=3, op=1048605, name="logits"
.entry prefill
    pp.tok first=0, count=32                    ; 0: 0x2800000020000000
    ev.wait event=16, count=1                   ; 1: 0xF101000100000000
    ev.wait event=17, count=1                   ; 2: 0xF101100100000000
    pp.len len=256, group=1, stride=0           ; 3: 0x2000010000800000
    pp.add dst=17875, a=17363, b=17619, dt=fp16, rt=fp16 ; 4: 0x2322E990F4C89A70
    pp.norm dst=17363, src=17875, params=0, kind=layer, dt=fp16 ; 5: 0x2121E99174C00008
    pp.quant dst=17619, src=17363, scale=17747, dt=fp16 ; 6: 0x26226990F4C8AA70
    xb.mvm xbar=0, tiles=1, rows=256, src=17619, acc=set ; 7: 0x100000001801134C
    xb.st dst=18131, scale=17747, len=256, dt=fp16 ; 8: 0x1123699154C04020
    pp.add dst=18131, a=18131, b=17, dt=fp16, rt=fp16 ; 9: 0x23236991B4C00230
    pp.quant dst=17619, src=17363, scale=17747, dt=fp16 ; 10: 0x26226990F4C8AA70
    xb.mvm xbar=1, tiles=1, rows=256, src=17619, acc=set ; 11: 0x100000401801134C
    xb.st dst=18387, scale=17747, len=256, dt=fp16 ; 12: 0x1123E99154C04020
    pp.add dst=18387, a=18387, b=25, dt=fp16, rt=fp16 ; 13: 0x2323E991F4C00330
    pp.quant dst=17619, src=17363, scale=17747, dt=fp16 ; 14: 0x26226990F4C8AA70
    xb.mvm xbar=2, tiles=1, rows=256, src=17619, acc=set ; 15: 0x100000801801134C
    xb.st dst=18643, scale=17747, len=256, dt=fp16 ; 16: 0x1124699154C04020
    pp.add dst=18643, a=18643, b=33, dt=fp16, rt=fp16 ; 17: 0x2324699234C00430
    pp.quant dst=17363, src=18131, scale=17491, dt=fp16 ; 18: 0x2621E991B4C88A70
    pp.quant dst=17493, src=18387, scale=17621, dt=fp16 ; 19: 0x26222A91F4C89AB0
    pp.quant dst=17623, src=18643, scale=17751, dt=fp16 ; 20: 0x26226B9234C8AAF0
    pp.srow dst=41, src=17621                   ; 21: 0x2A00149135400000
    pp.srow dst=44, src=17751                   ; 22: 0x2A00161155C00000
    pp.len len=64, group=1, stride=256          ; 23: 0x2000004000808000
    pp.qrow dst=275, src=17493                  ; 24: 0x2700899115400000
    pp.qrow dst=451, src=17623                  ; 25: 0x2700E19135C00000
    ev.sig event=1, count=1                     ; 26: 0xF000100100000000
    pp.qrow dst=319, src=17494                  ; 27: 0x27009F9115800000
    pp.qrow dst=495, src=17624                  ; 28: 0x2700F79136000000
    ev.sig event=1, count=1                     ; 29: 0xF000100100000000
    pp.qrow dst=363, src=17495                  ; 30: 0x2700B59115C00000
    pp.qrow dst=539, src=17625                  ; 31: 0x27010D9136400000
    ev.sig event=1, count=1                     ; 32: 0xF000100100000000
    pp.qrow dst=407, src=17496                  ; 33: 0x2700CB9116000000
    pp.qrow dst=583, src=17626                  ; 34: 0x2701239136800000
    ev.sig event=1, count=1                     ; 35: 0xF000100100000000
    ev.wait event=2, count=1                    ; 36: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 37: 0x2000010000800000
    pp.quant dst=17363, src=18899, scale=17491, dt=fp32 ; 38: 0x2621E99274C88A78
    xb.mvm xbar=3, tiles=1, rows=256, src=17363, acc=set ; 39: 0x100000C018010F4C
    xb.st dst=17493, scale=17491, len=256, dt=fp16 ; 40: 0x11222A9114C04020
    pp.add dst=17493, a=17493, b=48, dt=fp16, rt=fp16 ; 41: 0x23222A9115400610
    pp.add dst=18131, a=17875, b=17493, dt=fp16, rt=fp16 ; 42: 0x2323699174C88AB0
    pp.norm dst=17363, src=18131, params=56, kind=layer, dt=fp16 ; 43: 0x2121E991B4C00708
    pp.quant dst=17619, src=17363, scale=17747, dt=fp16 ; 44: 0x26226990F4C8AA70
    xb.mvm xbar=4, tiles=4, rows=256, src=17619, acc=set ; 45: 0x100001004801134C
    pp.len len=1024, group=1, stride=0          ; 46: 0x2000040000800000
    xb.st dst=18387, scale=17747, len=1024, dt=fp16 ; 47: 0x1123E99154C10020
    pp.add dst=18387, a=18387, b=73, dt=fp16, rt=fp16 ; 48: 0x2323E991F4C00930
    pp.act dst=19411, src=18387, fn=gelu, dt=fp16 ; 49: 0x2225E991F4C80000
    pp.quant dst=17363, src=19411, scale=17875, dt=fp16 ; 50: 0x2621E992F4C8BA70
    xb.mvm xbar=8, tiles=1, rows=256, src=17363, acc=set ; 51: 0x1000020018010F4C
    xb.mvm xbar=9, tiles=1, rows=256, src=17367, acc=acc ; 52: 0x1000024018010F5E
    xb.mvm xbar=10, tiles=1, rows=256, src=17371, acc=acc ; 53: 0x1000028018010F6E
    xb.mvm xbar=11, tiles=1, rows=256, src=17375, acc=acc ; 54: 0x100002C018010F7E
    pp.len len=256, group=1, stride=0           ; 55: 0x2000010000800000
    xb.st dst=18387, scale=17875, len=256, dt=fp16 ; 56: 0x1123E99174C04020
    pp.add dst=18387, a=18387, b=105, dt=fp16, rt=fp16 ; 57: 0x2323E991F4C00D30
    pp.add dst=17363, a=18131, b=18387, dt=fp16, rt=fp16 ; 58: 0x2321E991B4C8FA70
    pp.norm dst=17619, src=17363, params=113, kind=layer, dt=fp16 ; 59: 0x21226990F4C00E28
    pp.quant dst=17875, src=17619, scale=18003, dt=fp16 ; 60: 0x2622E99134C8CA70
    xb.mvm xbar=12, tiles=1, rows=256, src=17875, acc=set ; 61: 0x100003001801174C
    xb.st dst=18005, scale=18003, len=256, dt=fp16 ; 62: 0x11232A9194C04020
    pp.add dst=18005, a=18005, b=130, dt=fp16, rt=fp16 ; 63: 0x23232A9195401050
    pp.quant dst=17875, src=17619, scale=18003, dt=fp16 ; 64: 0x2622E99134C8CA70
    xb.mvm xbar=13, tiles=1, rows=256, src=17875, acc=set ; 65: 0x100003401801174C
    xb.st dst=18261, scale=18003, len=256, dt=fp16 ; 66: 0x1123AA9194C04020
    pp.add dst=18261, a=18261, b=138, dt=fp16, rt=fp16 ; 67: 0x2323AA91D5401150
    pp.quant dst=17875, src=17619, scale=18003, dt=fp16 ; 68: 0x2622E99134C8CA70
    xb.mvm xbar=14, tiles=1, rows=256, src=17875, acc=set ; 69: 0x100003801801174C
    xb.st dst=18517, scale=18003, len=256, dt=fp16 ; 70: 0x11242A9194C04020
    pp.add dst=18517, a=18517, b=146, dt=fp16, rt=fp16 ; 71: 0x23242A9215401250
    pp.quant dst=17619, src=18005, scale=17747, dt=fp16 ; 72: 0x262269919548AA70
    pp.quant dst=17749, src=18261, scale=17877, dt=fp16 ; 73: 0x2622AA91D548BAB0
    pp.quant dst=18773, src=18517, scale=17879, dt=fp16 ; 74: 0x2624AA921548BAF0
    pp.srow dst=154, src=17877                  ; 75: 0x2A004D1175400000
    pp.srow dst=157, src=17879                  ; 76: 0x2A004E9175C00000
    pp.len len=64, group=1, stride=256          ; 77: 0x2000004000808000
    pp.qrow dst=627, src=17749                  ; 78: 0x2701399155400000
    pp.qrow dst=803, src=18773                  ; 79: 0x2701919255400000
    ev.sig event=1, count=1                     ; 80: 0xF000100100000000
    pp.qrow dst=671, src=17750                  ; 81: 0x27014F9155800000
    pp.qrow dst=847, src=18774                  ; 82: 0x2701A79255800000
    ev.sig event=1, count=1                     ; 83: 0xF000100100000000
    pp.qrow dst=715, src=17751                  ; 84: 0x2701659155C00000
    pp.qrow dst=891, src=18775                  ; 85: 0x2701BD9255C00000
    ev.sig event=1, count=1                     ; 86: 0xF000100100000000
    pp.qrow dst=759, src=17752                  ; 87: 0x27017B9156000000
    pp.qrow dst=935, src=18776                  ; 88: 0x2701D39256000000
    ev.sig event=1, count=1                     ; 89: 0xF000100100000000
    ev.wait event=2, count=1                    ; 90: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 91: 0x2000010000800000
    pp.quant dst=17619, src=18901, scale=17747, dt=fp32 ; 92: 0x262269927548AA78
    xb.mvm xbar=15, tiles=1, rows=256, src=17619, acc=set ; 93: 0x100003C01801134C
    xb.st dst=17749, scale=17747, len=256, dt=fp16 ; 94: 0x1122AA9154C04020
    pp.add dst=17749, a=17749, b=161, dt=fp16, rt=fp16 ; 95: 0x2322AA9155401430
    pp.add dst=18005, a=17363, b=17749, dt=fp16, rt=fp16 ; 96: 0x23232A90F4C8AAB0
    pp.norm dst=17363, src=18005, params=169, kind=layer, dt=fp16 ; 97: 0x2121E99195401528
    pp.quant dst=17619, src=17363, scale=17747, dt=fp16 ; 98: 0x26226990F4C8AA70
    xb.mvm xbar=16, tiles=4, rows=256, src=17619, acc=set ; 99: 0x100004004801134C
    pp.len len=1024, group=1, stride=0          ; 100: 0x2000040000800000
    xb.st dst=18261, scale=17747, len=1024, dt=fp16 ; 101: 0x1123AA9154C10020
    pp.add dst=18261, a=18261, b=186, dt=fp16, rt=fp16 ; 102: 0x2323AA91D5401750
    pp.act dst=19285, src=18261, fn=gelu, dt=fp16 ; 103: 0x2225AA91D5480000
    pp.quant dst=17363, src=19285, scale=17875, dt=fp16 ; 104: 0x2621E992D548BA70
    xb.mvm xbar=20, tiles=1, rows=256, src=17363, acc=set ; 105: 0x1000050018010F4C
    xb.mvm xbar=21, tiles=1, rows=256, src=17367, acc=acc ; 106: 0x1000054018010F5E
    xb.mvm xbar=22, tiles=1, rows=256, src=17371, acc=acc ; 107: 0x1000058018010F6E
    xb.mvm xbar=23, tiles=1, rows=256, src=17375, acc=acc ; 108: 0x100005C018010F7E
    pp.len len=256, group=1, stride=0           ; 109: 0x2000010000800000
    xb.st dst=18261, scale=17875, len=256, dt=fp16 ; 110: 0x1123AA9174C04020
    pp.add dst=18261, a=18261, b=218, dt=fp16, rt=fp16 ; 111: 0x2323AA91D5401B50
    pp.add dst=17363, a=18005, b=18261, dt=fp16, rt=fp16 ; 112: 0x2321E9919548EAB0
    pp.tok first=32, count=8                    ; 113: 0x2800200008000000
    ev.sig event=80, count=1                    ; 114: 0xF005000100000000
    ev.wait event=16, count=1                   ; 115: 0xF101000100000000
    ev.sig event=81, count=1                    ; 116: 0xF005100100000000
    ev.wait event=17, count=1                   ; 117: 0xF101100100000000
    pp.add dst=17875, a=17363, b=17619, dt=fp16, rt=fp16 ; 118: 0x2322E990F4C89A70
    pp.norm dst=17363, src=17875, params=0, kind=layer, dt=fp16 ; 119: 0x2121E99174C00008
    pp.quant dst=17619, src=17363, scale=17747, dt=fp16 ; 120: 0x26226990F4C8AA70
    xb.mvm xbar=0, tiles=1, rows=256, src=17619, acc=set ; 121: 0x100000001801134C
    xb.st dst=18131, scale=17747, len=256, dt=fp16 ; 122: 0x1123699154C04020
    pp.add dst=18131, a=18131, b=17, dt=fp16, rt=fp16 ; 123: 0x23236991B4C00230
    pp.quant dst=17619, src=17363, scale=17747, dt=fp16 ; 124: 0x26226990F4C8AA70
    xb.mvm xbar=1, tiles=1, rows=256, src=17619, acc=set ; 125: 0x100000401801134C
    xb.st dst=18387, scale=17747, len=256, dt=fp16 ; 126: 0x1123E99154C04020
    pp.add dst=18387, a=18387, b=25, dt=fp16, rt=fp16 ; 127: 0x2323E991F4C00330
    pp.quant dst=17619, src=17363, scale=17747, dt=fp16 ; 128: 0x26226990F4C8AA70
    xb.mvm xbar=2, tiles=1, rows=256, src=17619, acc=set ; 129: 0x100000801801134C
    xb.st dst=18643, scale=17747, len=256, dt=fp16 ; 130: 0x1124699154C04020
    pp.add dst=18643, a=18643, b=33, dt=fp16, rt=fp16 ; 131: 0x2324699234C00430
    pp.quant dst=17363, src=18131, scale=17491, dt=fp16 ; 132: 0x2621E991B4C88A70
    pp.quant dst=17493, src=18387, scale=17621, dt=fp16 ; 133: 0x26222A91F4C89AB0
    pp.quant dst=17623, src=18643, scale=17751, dt=fp16 ; 134: 0x26226B9234C8AAF0
    pp.srow dst=41, src=17621                   ; 135: 0x2A00149135400000
    pp.srow dst=44, src=17751                   ; 136: 0x2A00161155C00000
    pp.len len=64, group=1, stride=256          ; 137: 0x2000004000808000
    pp.qrow dst=275, src=17493                  ; 138: 0x2700899115400000
    pp.qrow dst=451, src=17623                  ; 139: 0x2700E19135C00000
    ev.sig event=1, count=1                     ; 140: 0xF000100100000000
    pp.qrow dst=319, src=17494                  ; 141: 0x27009F9115800000
    pp.qrow dst=495, src=17624                  ; 142: 0x2700F79136000000
    ev.sig event=1, count=1                     ; 143: 0xF000100100000000
    pp.qrow dst=363, src=17495                  ; 144: 0x2700B59115C00000
    pp.qrow dst=539, src=17625                  ; 145: 0x27010D9136400000
    ev.sig event=1, count=1                     ; 146: 0xF000100100000000
    pp.qrow dst=407, src=17496                  ; 147: 0x2700CB9116000000
    pp.qrow dst=583, src=17626                  ; 148: 0x2701239136800000
    ev.sig event=1, count=1                     ; 149: 0xF000100100000000
    ev.wait event=2, count=1                    ; 150: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 151: 0x2000010000800000
    pp.quant dst=17363, src=18899, scale=17491, dt=fp32 ; 152: 0x2621E99274C88A78
    xb.mvm xbar=3, tiles=1, rows=256, src=17363, acc=set ; 153: 0x100000C018010F4C
    xb.st dst=17493, scale=17491, len=256, dt=fp16 ; 154: 0x11222A9114C04020
    pp.add dst=17493, a=17493, b=48, dt=fp16, rt=fp16 ; 155: 0x23222A9115400610
    pp.add dst=18131, a=17875, b=17493, dt=fp16, rt=fp16 ; 156: 0x2323699174C88AB0
    pp.norm dst=17363, src=18131, params=56, kind=layer, dt=fp16 ; 157: 0x2121E991B4C00708
    pp.quant dst=17619, src=17363, scale=17747, dt=fp16 ; 158: 0x26226990F4C8AA70
    xb.mvm xbar=4, tiles=4, rows=256, src=17619, acc=set ; 159: 0x100001004801134C
    pp.len len=1024, group=1, stride=0          ; 160: 0x2000040000800000
    xb.st dst=18387, scale=17747, len=1024, dt=fp16 ; 161: 0x1123E99154C10020
    pp.add dst=18387, a=18387, b=73, dt=fp16, rt=fp16 ; 162: 0x2323E991F4C00930
    pp.act dst=19411, src=18387, fn=gelu, dt=fp16 ; 163: 0x2225E991F4C80000
    pp.quant dst=17363, src=19411, scale=17875, dt=fp16 ; 164: 0x2621E992F4C8BA70
    xb.mvm xbar=8, tiles=1, rows=256, src=17363, acc=set ; 165: 0x1000020018010F4C
    xb.mvm xbar=9, tiles=1, rows=256, src=17367, acc=acc ; 166: 0x1000024018010F5E
    xb.mvm xbar=10, tiles=1, rows=256, src=17371, acc=acc ; 167: 0x1000028018010F6E
    xb.mvm xbar=11, tiles=1, rows=256, src=17375, acc=acc ; 168: 0x100002C018010F7E
    pp.len len=256, group=1, stride=0           ; 169: 0x2000010000800000
    xb.st dst=18387, scale=17875, len=256, dt=fp16 ; 170: 0x1123E99174C04020
    pp.add dst=18387, a=18387, b=105, dt=fp16, rt=fp16 ; 171: 0x2323E991F4C00D30
    pp.add dst=17363, a=18131, b=18387, dt=fp16, rt=fp16 ; 172: 0x2321E991B4C8FA70
    pp.norm dst=17619, src=17363, params=113, kind=layer, dt=fp16 ; 173: 0x21226990F4C00E28
    pp.quant dst=17875, src=17619, scale=18003, dt=fp16 ; 174: 0x2622E99134C8CA70
    xb.mvm xbar=12, tiles=1, rows=256, src=17875, acc=set ; 175: 0x100003001801174C
    xb.st dst=18005, scale=18003, len=256, dt=fp16 ; 176: 0x11232A9194C04020
    pp.add dst=18005, a=18005, b=130, dt=fp16, rt=fp16 ; 177: 0x23232A9195401050
    pp.quant dst=17875, src=17619, scale=18003, dt=fp16 ; 178: 0x2622E99134C8CA70
    xb.mvm xbar=13, tiles=1, rows=256, src=17875, acc=set ; 179: 0x100003401801174C
    xb.st dst=18261, scale=18003, len=256, dt=fp16 ; 180: 0x1123AA9194C04020
    pp.add dst=18261, a=18261, b=138, dt=fp16, rt=fp16 ; 181: 0x2323AA91D5401150
    pp.quant dst=17875, src=17619, scale=18003, dt=fp16 ; 182: 0x2622E99134C8CA70
    xb.mvm xbar=14, tiles=1, rows=256, src=17875, acc=set ; 183: 0x100003801801174C
    xb.st dst=18517, scale=18003, len=256, dt=fp16 ; 184: 0x11242A9194C04020
    pp.add dst=18517, a=18517, b=146, dt=fp16, rt=fp16 ; 185: 0x23242A9215401250
    pp.quant dst=17619, src=18005, scale=17747, dt=fp16 ; 186: 0x262269919548AA70
    pp.quant dst=17749, src=18261, scale=17877, dt=fp16 ; 187: 0x2622AA91D548BAB0
    pp.quant dst=18773, src=18517, scale=17879, dt=fp16 ; 188: 0x2624AA921548BAF0
    pp.srow dst=154, src=17877                  ; 189: 0x2A004D1175400000
    pp.srow dst=157, src=17879                  ; 190: 0x2A004E9175C00000
    pp.len len=64, group=1, stride=256          ; 191: 0x2000004000808000
    pp.qrow dst=627, src=17749                  ; 192: 0x2701399155400000
    pp.qrow dst=803, src=18773                  ; 193: 0x2701919255400000
    ev.sig event=1, count=1                     ; 194: 0xF000100100000000
    pp.qrow dst=671, src=17750                  ; 195: 0x27014F9155800000
    pp.qrow dst=847, src=18774                  ; 196: 0x2701A79255800000
    ev.sig event=1, count=1                     ; 197: 0xF000100100000000
    pp.qrow dst=715, src=17751                  ; 198: 0x2701659155C00000
    pp.qrow dst=891, src=18775                  ; 199: 0x2701BD9255C00000
    ev.sig event=1, count=1                     ; 200: 0xF000100100000000
    pp.qrow dst=759, src=17752                  ; 201: 0x27017B9156000000
    pp.qrow dst=935, src=18776                  ; 202: 0x2701D39256000000
    ev.sig event=1, count=1                     ; 203: 0xF000100100000000
    ev.wait event=2, count=1                    ; 204: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 205: 0x2000010000800000
    pp.quant dst=17619, src=18901, scale=17747, dt=fp32 ; 206: 0x262269927548AA78
    xb.mvm xbar=15, tiles=1, rows=256, src=17619, acc=set ; 207: 0x100003C01801134C
    xb.st dst=17749, scale=17747, len=256, dt=fp16 ; 208: 0x1122AA9154C04020
    pp.add dst=17749, a=17749, b=161, dt=fp16, rt=fp16 ; 209: 0x2322AA9155401430
    pp.add dst=18005, a=17363, b=17749, dt=fp16, rt=fp16 ; 210: 0x23232A90F4C8AAB0
    pp.norm dst=17363, src=18005, params=169, kind=layer, dt=fp16 ; 211: 0x2121E99195401528
    pp.quant dst=17619, src=17363, scale=17747, dt=fp16 ; 212: 0x26226990F4C8AA70
    xb.mvm xbar=16, tiles=4, rows=256, src=17619, acc=set ; 213: 0x100004004801134C
    pp.len len=1024, group=1, stride=0          ; 214: 0x2000040000800000
    xb.st dst=18261, scale=17747, len=1024, dt=fp16 ; 215: 0x1123AA9154C10020
    pp.add dst=18261, a=18261, b=186, dt=fp16, rt=fp16 ; 216: 0x2323AA91D5401750
    pp.act dst=19285, src=18261, fn=gelu, dt=fp16 ; 217: 0x2225AA91D5480000
    pp.quant dst=17363, src=19285, scale=17875, dt=fp16 ; 218: 0x2621E992D548BA70
    xb.mvm xbar=20, tiles=1, rows=256, src=17363, acc=set ; 219: 0x1000050018010F4C
    xb.mvm xbar=21, tiles=1, rows=256, src=17367, acc=acc ; 220: 0x1000054018010F5E
    xb.mvm xbar=22, tiles=1, rows=256, src=17371, acc=acc ; 221: 0x1000058018010F6E
    xb.mvm xbar=23, tiles=1, rows=256, src=17375, acc=acc ; 222: 0x100005C018010F7E
    pp.len len=256, group=1, stride=0           ; 223: 0x2000010000800000
    xb.st dst=18261, scale=17875, len=256, dt=fp16 ; 224: 0x1123AA9174C04020
    pp.add dst=18261, a=18261, b=218, dt=fp16, rt=fp16 ; 225: 0x2323AA91D5401B50
    pp.add dst=17363, a=18005, b=18261, dt=fp16, rt=fp16 ; 226: 0x2321E9919548EAB0
    pp.tok first=39, count=1                    ; 227: 0x2800270001000000
    pp.norm dst=17619, src=17419, params=226, kind=layer, dt=fp16 ; 228: 0x2122699102C01C48
    pp.quant dst=17363, src=17619, scale=17491, dt=fp16 ; 229: 0x2621E99134C88A70
    ev.sig event=1, count=1                     ; 230: 0xF000100100000000
    ev.wait event=2, count=1                    ; 231: 0xF100200100000000
.entry decode
    ev.wait event=16, count=1                   ; 232: 0xF101000100000000
    ev.wait event=17, count=1                   ; 233: 0xF101100100000000
    pp.len len=256, group=1, stride=0           ; 234: 0x2000010000800000
    pp.add dst=17379, a=17363, b=17371, dt=fp16, rt=fp16 ; 235: 0x2321F190F4C87B70
    pp.norm dst=17363, src=17379, params=0, kind=layer, dt=fp16 ; 236: 0x2121E990F8C00008
    pp.quant dst=17371, src=17363, scale=17375, dt=fp16 ; 237: 0x2621ED90F4C87BF0
    xb.mvm xbar=0, tiles=1, rows=256, src=17371, acc=set ; 238: 0x1000000018010F6C
    xb.st dst=17387, scale=17375, len=256, dt=fp16 ; 239: 0x1121F590F7C04020
    pp.add dst=17387, a=17387, b=17, dt=fp16, rt=fp16 ; 240: 0x2321F590FAC00230
    pp.quant dst=17371, src=17363, scale=17375, dt=fp16 ; 241: 0x2621ED90F4C87BF0
    xb.mvm xbar=1, tiles=1, rows=256, src=17371, acc=set ; 242: 0x1000004018010F6C
    xb.st dst=17395, scale=17375, len=256, dt=fp16 ; 243: 0x1121F990F7C04020
    pp.add dst=17395, a=17395, b=25, dt=fp16, rt=fp16 ; 244: 0x2321F990FCC00330
    pp.quant dst=17371, src=17363, scale=17375, dt=fp16 ; 245: 0x2621ED90F4C87BF0
    xb.mvm xbar=2, tiles=1, rows=256, src=17371, acc=set ; 246: 0x1000008018010F6C
    xb.st dst=17403, scale=17375, len=256, dt=fp16 ; 247: 0x1121FD90F7C04020
    pp.add dst=17403, a=17403, b=33, dt=fp16, rt=fp16 ; 248: 0x2321FD90FEC00430
    pp.quant dst=17363, src=17387, scale=17367, dt=fp16 ; 249: 0x2621E990FAC87AF0
    pp.quant dst=17368, src=17395, scale=17372, dt=fp16 ; 250: 0x2621EC10FCC87B90
    pp.quant dst=17373, src=17403, scale=17377, dt=fp16 ; 251: 0x2621EE90FEC87C30
    pp.srow dst=41, src=17372                   ; 252: 0x2A001490F7000000
    pp.srow dst=44, src=17377                   ; 253: 0x2A001610F8400000
    pp.len len=64, group=1, stride=256          ; 254: 0x2000004000808000
    pp.qrow dst=275, src=17368                  ; 255: 0x27008990F6000000
    pp.qrow dst=451, src=17373                  ; 256: 0x2700E190F7400000
    ev.sig event=1, count=1                     ; 257: 0xF000100100000000
    pp.qrow dst=319, src=17369                  ; 258: 0x27009F90F6400000
    pp.qrow dst=495, src=17374                  ; 259: 0x2700F790F7800000
    ev.sig event=1, count=1                     ; 260: 0xF000100100000000
    pp.qrow dst=363, src=17370                  ; 261: 0x2700B590F6800000
    pp.qrow dst=539, src=17375                  ; 262: 0x27010D90F7C00000
    ev.sig event=1, count=1                     ; 263: 0xF000100100000000
    pp.qrow dst=407, src=17371                  ; 264: 0x2700CB90F6C00000
    pp.qrow dst=583, src=17376                  ; 265: 0x27012390F8000000
    ev.sig event=1, count=1                     ; 266: 0xF000100100000000
    ev.wait event=2, count=1                    ; 267: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 268: 0x2000010000800000
    pp.quant dst=17363, src=17415, scale=17367, dt=fp32 ; 269: 0x2621E99101C87AF8
    xb.mvm xbar=3, tiles=1, rows=256, src=17363, acc=set ; 270: 0x100000C018010F4C
    xb.st dst=17368, scale=17367, len=256, dt=fp16 ; 271: 0x1121EC10F5C04020
    pp.add dst=17368, a=17368, b=48, dt=fp16, rt=fp16 ; 272: 0x2321EC10F6000610
    pp.add dst=17387, a=17379, b=17368, dt=fp16, rt=fp16 ; 273: 0x2321F590F8C87B10
    pp.norm dst=17363, src=17387, params=56, kind=layer, dt=fp16 ; 274: 0x2121E990FAC00708
    pp.quant dst=17371, src=17363, scale=17375, dt=fp16 ; 275: 0x2621ED90F4C87BF0
    xb.mvm xbar=4, tiles=4, rows=256, src=17371, acc=set ; 276: 0x1000010048010F6C
    pp.len len=1024, group=1, stride=0          ; 277: 0x2000040000800000
    xb.st dst=17395, scale=17375, len=1024, dt=fp16 ; 278: 0x1121F990F7C10020
    pp.add dst=17395, a=17395, b=73, dt=fp16, rt=fp16 ; 279: 0x2321F990FCC00930
    pp.act dst=17427, src=17395, fn=gelu, dt=fp16 ; 280: 0x22220990FCC80000
    pp.quant dst=17363, src=17427, scale=17379, dt=fp16 ; 281: 0x2621E99104C87C70
    xb.mvm xbar=8, tiles=1, rows=256, src=17363, acc=set ; 282: 0x1000020018010F4C
    xb.mvm xbar=9, tiles=1, rows=256, src=17367, acc=acc ; 283: 0x1000024018010F5E
    xb.mvm xbar=10, tiles=1, rows=256, src=17371, acc=acc ; 284: 0x1000028018010F6E
    xb.mvm xbar=11, tiles=1, rows=256, src=17375, acc=acc ; 285: 0x100002C018010F7E
    pp.len len=256, group=1, stride=0           ; 286: 0x2000010000800000
    xb.st dst=17395, scale=17379, len=256, dt=fp16 ; 287: 0x1121F990F8C04020
    pp.add dst=17395, a=17395, b=105, dt=fp16, rt=fp16 ; 288: 0x2321F990FCC00D30
    pp.add dst=17363, a=17387, b=17395, dt=fp16, rt=fp16 ; 289: 0x2321E990FAC87E70
    pp.norm dst=17371, src=17363, params=113, kind=layer, dt=fp16 ; 290: 0x2121ED90F4C00E28
    pp.quant dst=17379, src=17371, scale=17383, dt=fp16 ; 291: 0x2621F190F6C87CF0
    xb.mvm xbar=12, tiles=1, rows=256, src=17379, acc=set ; 292: 0x1000030018010F8C
    xb.st dst=17384, scale=17383, len=256, dt=fp16 ; 293: 0x1121F410F9C04020
    pp.add dst=17384, a=17384, b=130, dt=fp16, rt=fp16 ; 294: 0x2321F410FA001050
    pp.quant dst=17379, src=17371, scale=17383, dt=fp16 ; 295: 0x2621F190F6C87CF0
    xb.mvm xbar=13, tiles=1, rows=256, src=17379, acc=set ; 296: 0x1000034018010F8C
    xb.st dst=17392, scale=17383, len=256, dt=fp16 ; 297: 0x1121F810F9C04020
    pp.add dst=17392, a=17392, b=138, dt=fp16, rt=fp16 ; 298: 0x2321F810FC001150
    pp.quant dst=17379, src=17371, scale=17383, dt=fp16 ; 299: 0x2621F190F6C87CF0
    xb.mvm xbar=14, tiles=1, rows=256, src=17379, acc=set ; 300: 0x1000038018010F8C
    xb.st dst=17400, scale=17383, len=256, dt=fp16 ; 301: 0x1121FC10F9C04020
    pp.add dst=17400, a=17400, b=146, dt=fp16, rt=fp16 ; 302: 0x2321FC10FE001250
    pp.quant dst=17371, src=17384, scale=17375, dt=fp16 ; 303: 0x2621ED90FA087BF0
    pp.quant dst=17376, src=17392, scale=17380, dt=fp16 ; 304: 0x2621F010FC087C90
    pp.quant dst=17408, src=17400, scale=17381, dt=fp16 ; 305: 0x26220010FE087CB0
    pp.srow dst=154, src=17380                  ; 306: 0x2A004D10F9000000
    pp.srow dst=157, src=17381                  ; 307: 0x2A004E90F9400000
    pp.len len=64, group=1, stride=256          ; 308: 0x2000004000808000
    pp.qrow dst=627, src=17376                  ; 309: 0x27013990F8000000
    pp.qrow dst=803, src=17408                  ; 310: 0x2701919100000000
    ev.sig event=1, count=1                     ; 311: 0xF000100100000000
    pp.qrow dst=671, src=17377                  ; 312: 0x27014F90F8400000
    pp.qrow dst=847, src=17409                  ; 313: 0x2701A79100400000
    ev.sig event=1, count=1                     ; 314: 0xF000100100000000
    pp.qrow dst=715, src=17378                  ; 315: 0x27016590F8800000
    pp.qrow dst=891, src=17410                  ; 316: 0x2701BD9100800000
    ev.sig event=1, count=1                     ; 317: 0xF000100100000000
    pp.qrow dst=759, src=17379                  ; 318: 0x27017B90F8C00000
    pp.qrow dst=935, src=17411                  ; 319: 0x2701D39100C00000
    ev.sig event=1, count=1                     ; 320: 0xF000100100000000
    ev.wait event=2, count=1                    ; 321: 0xF100200100000000
    pp.len len=256, group=1, stride=0           ; 322: 0x2000010000800000
    pp.quant dst=17371, src=17415, scale=17375, dt=fp32 ; 323: 0x2621ED9101C87BF8
    xb.mvm xbar=15, tiles=1, rows=256, src=17371, acc=set ; 324: 0x100003C018010F6C
    xb.st dst=17376, scale=17375, len=256, dt=fp16 ; 325: 0x1121F010F7C04020
    pp.add dst=17376, a=17376, b=161, dt=fp16, rt=fp16 ; 326: 0x2321F010F8001430
    pp.add dst=17384, a=17363, b=17376, dt=fp16, rt=fp16 ; 327: 0x2321F410F4C87C10
    pp.norm dst=17363, src=17384, params=169, kind=layer, dt=fp16 ; 328: 0x2121E990FA001528
    pp.quant dst=17371, src=17363, scale=17375, dt=fp16 ; 329: 0x2621ED90F4C87BF0
    xb.mvm xbar=16, tiles=4, rows=256, src=17371, acc=set ; 330: 0x1000040048010F6C
    pp.len len=1024, group=1, stride=0          ; 331: 0x2000040000800000
    xb.st dst=17392, scale=17375, len=1024, dt=fp16 ; 332: 0x1121F810F7C10020
    pp.add dst=17392, a=17392, b=186, dt=fp16, rt=fp16 ; 333: 0x2321F810FC001750
    pp.act dst=17424, src=17392, fn=gelu, dt=fp16 ; 334: 0x22220810FC080000
    pp.quant dst=17363, src=17424, scale=17379, dt=fp16 ; 335: 0x2621E99104087C70
    xb.mvm xbar=20, tiles=1, rows=256, src=17363, acc=set ; 336: 0x1000050018010F4C
    xb.mvm xbar=21, tiles=1, rows=256, src=17367, acc=acc ; 337: 0x1000054018010F5E
    xb.mvm xbar=22, tiles=1, rows=256, src=17371, acc=acc ; 338: 0x1000058018010F6E
    xb.mvm xbar=23, tiles=1, rows=256, src=17375, acc=acc ; 339: 0x100005C018010F7E
    pp.len len=256, group=1, stride=0           ; 340: 0x2000010000800000
    xb.st dst=17392, scale=17379, len=256, dt=fp16 ; 341: 0x1121F810F8C04020
    pp.add dst=17392, a=17392, b=218, dt=fp16, rt=fp16 ; 342: 0x2321F810FC001B50
    pp.add dst=17363, a=17384, b=17392, dt=fp16, rt=fp16 ; 343: 0x2321E990FA087E10
    pp.norm dst=17371, src=17363, params=226, kind=layer, dt=fp16 ; 344: 0x2121ED90F4C01C48
    pp.quant dst=17363, src=17371, scale=17367, dt=fp16 ; 345: 0x2621E990F6C87AF0
    ev.sig event=1, count=1                     ; 346: 0xF000100100000000
    ev.wait event=2, count=1                    ; 347: 0xF100200100000000

.systolic 0
.debug first=0, count=45, op=8, name="l0.attn"
.debug first=45, count=45, op=20, name="l1.attn"
.debug first=90, count=45, op=8, name="l0.attn"
.debug first=135, count=45, op=20, name="l1.attn"
.debug first=180, count=16, op=30, name="logits"
.debug first=196, count=38, op=1048584, name="l0.attn"
.debug first=234, count=37, op=1048596, name="l1.attn"
.debug first=271, count=16, op=1048605, name="logits"
.entry prefill
    ev.wait event=1, count=1                    ; 0: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 1: 0x4300000100004000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 2: 0x4201000010000201
    sa.scale a=17491, amode=each, b=41, bmode=each ; 3: 0x4622298002900000
    sa.mm c=17753, a=17363, b=275, wt=i8, acc=set ; 4: 0x4422AC90F4C02260
    sa.pscale v=44, p=17853, t=47               ; 5: 0x520016116F4005E0
    sa.msmx dst=17833, src=17753                ; 6: 0x5122D49156400000
    sa.stride c=256, a=0, b=64                  ; 7: 0x4301000000004000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 8: 0x4201000020000102
    sa.scale a=17853, amode=each, b=0, bmode=none ; 9: 0x4622DE8000080000
    sa.mm c=18899, a=17833, b=451, wt=i8, acc=set ; 10: 0x4424E9916A403860
    ev.wait event=1, count=1                    ; 11: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 12: 0x4300000100004000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 13: 0x4201000010000201
    sa.scale a=17491, amode=each, b=41, bmode=each ; 14: 0x4622298002900000
    sa.mm c=17753, a=17364, b=319, wt=i8, acc=set ; 15: 0x4422AC90F50027E0
    sa.pscale v=44, p=17853, t=47               ; 16: 0x520016116F4005E0
    sa.msmx dst=17833, src=17753                ; 17: 0x5122D49156400000
    sa.stride c=256, a=0, b=64                  ; 18: 0x4301000000004000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 19: 0x4201000020000102
    sa.scale a=17853, amode=each, b=0, bmode=none ; 20: 0x4622DE8000080000
    sa.mm c=18903, a=17833, b=495, wt=i8, acc=set ; 21: 0x4424EB916A403DE0
    ev.wait event=1, count=1                    ; 22: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 23: 0x4300000100004000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 24: 0x4201000010000201
    sa.scale a=17491, amode=each, b=41, bmode=each ; 25: 0x4622298002900000
    sa.mm c=17753, a=17365, b=363, wt=i8, acc=set ; 26: 0x4422AC90F5402D60
    sa.pscale v=44, p=17853, t=47               ; 27: 0x520016116F4005E0
    sa.msmx dst=17833, src=17753                ; 28: 0x5122D49156400000
    sa.stride c=256, a=0, b=64                  ; 29: 0x4301000000004000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 30: 0x4201000020000102
    sa.scale a=17853, amode=each, b=0, bmode=none ; 31: 0x4622DE8000080000
    sa.mm c=18907, a=17833, b=539, wt=i8, acc=set ; 32: 0x4424ED916A404360
    ev.wait event=1, count=1                    ; 33: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 34: 0x4300000100004000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 35: 0x4201000010000201
    sa.scale a=17491, amode=each, b=41, bmode=each ; 36: 0x4622298002900000
    sa.mm c=17753, a=17366, b=407, wt=i8, acc=set ; 37: 0x4422AC90F58032E0
    sa.pscale v=44, p=17853, t=47               ; 38: 0x520016116F4005E0
    sa.msmx dst=17833, src=17753                ; 39: 0x5122D49156400000
    sa.stride c=256, a=0, b=64                  ; 40: 0x4301000000004000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 41: 0x4201000020000102
    sa.scale a=17853, amode=each, b=0, bmode=none ; 42: 0x4622DE8000080000
    sa.mm c=18911, a=17833, b=583, wt=i8, acc=set ; 43: 0x4424EF916A4048E0
    ev.sig event=2, count=1                     ; 44: 0xF000200100000000
    ev.wait event=1, count=1                    ; 45: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 46: 0x4300000100004000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 47: 0x4201000010000201
    sa.scale a=17747, amode=each, b=154, bmode=each ; 48: 0x4622A98009A00000
    sa.mm c=17881, a=17619, b=627, wt=i8, acc=set ; 49: 0x4422EC9134C04E60
    sa.pscale v=157, p=17981, t=160             ; 50: 0x52004E918F401400
    sa.msmx dst=17961, src=17881                ; 51: 0x5123149176400000
    sa.stride c=256, a=0, b=64                  ; 52: 0x4301000000004000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 53: 0x4201000020000102
    sa.scale a=17981, amode=each, b=0, bmode=none ; 54: 0x46231E8000080000
    sa.mm c=18901, a=17961, b=803, wt=i8, acc=set ; 55: 0x4424EA918A406460
    ev.wait event=1, count=1                    ; 56: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 57: 0x4300000100004000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 58: 0x4201000010000201
    sa.scale a=17747, amode=each, b=154, bmode=each ; 59: 0x4622A98009A00000
    sa.mm c=17881, a=17620, b=671, wt=i8, acc=set ; 60: 0x4422EC91350053E0
    sa.pscale v=157, p=17981, t=160             ; 61: 0x52004E918F401400
    sa.msmx dst=17961, src=17881                ; 62: 0x5123149176400000
    sa.stride c=256, a=0, b=64                  ; 63: 0x4301000000004000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 64: 0x4201000020000102
    sa.scale a=17981, amode=each, b=0, bmode=none ; 65: 0x46231E8000080000
    sa.mm c=18905, a=17961, b=847, wt=i8, acc=set ; 66: 0x4424EC918A4069E0
    ev.wait event=1, count=1                    ; 67: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 68: 0x4300000100004000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 69: 0x4201000010000201
    sa.scale a=17747, amode=each, b=154, bmode=each ; 70: 0x4622A98009A00000
    sa.mm c=17881, a=17621, b=715, wt=i8, acc=set ; 71: 0x4422EC9135405960
    sa.pscale v=157, p=17981, t=160             ; 72: 0x52004E918F401400
    sa.msmx dst=17961, src=17881                ; 73: 0x5123149176400000
    sa.stride c=256, a=0, b=64                  ; 74: 0x4301000000004000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 75: 0x4201000020000102
    sa.scale a=17981, amode=each, b=0, bmode=none ; 76: 0x46231E8000080000
    sa.mm c=18909, a=17961, b=891, wt=i8, acc=set ; 77: 0x4424EE918A406F60
    ev.wait event=1, count=1                    ; 78: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 79: 0x4300000100004000
    sa.mshape m=32, n=32, k=64, span=causal_n   ; 80: 0x4201000010000201
    sa.scale a=17747, amode=each, b=154, bmode=each ; 81: 0x4622A98009A00000
    sa.mm c=17881, a=17622, b=759, wt=i8, acc=set ; 82: 0x4422EC9135805EE0
    sa.pscale v=157, p=17981, t=160             ; 83: 0x52004E918F401400
    sa.msmx dst=17961, src=17881                ; 84: 0x5123149176400000
    sa.stride c=256, a=0, b=64                  ; 85: 0x4301000000004000
    sa.mshape m=32, n=64, k=32, span=causal_k   ; 86: 0x4201000020000102
    sa.scale a=17981, amode=each, b=0, bmode=none ; 87: 0x46231E8000080000
    sa.mm c=18913, a=17961, b=935, wt=i8, acc=set ; 88: 0x4424F0918A4074E0
    ev.sig event=2, count=1                     ; 89: 0xF000200100000000
    ev.wait event=1, count=1                    ; 90: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 91: 0x4300000100004000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 92: 0x4200400014000201
    sa.scale a=17491, amode=each, b=41, bmode=each ; 93: 0x4622298002900000
    sa.mm c=17753, a=17363, b=275, wt=i8, acc=set ; 94: 0x4422AC90F4C02260
    sa.pscale v=44, p=17853, t=47               ; 95: 0x520016116F4005E0
    sa.msmx dst=17833, src=17753                ; 96: 0x5122D49156400000
    sa.stride c=256, a=0, b=64                  ; 97: 0x4301000000004000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 98: 0x4200400020000142
    sa.scale a=17853, amode=each, b=0, bmode=none ; 99: 0x4622DE8000080000
    sa.mm c=18899, a=17833, b=451, wt=i8, acc=set ; 100: 0x4424E9916A403860
    ev.wait event=1, count=1                    ; 101: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 102: 0x4300000100004000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 103: 0x4200400014000201
    sa.scale a=17491, amode=each, b=41, bmode=each ; 104: 0x4622298002900000
    sa.mm c=17753, a=17364, b=319, wt=i8, acc=set ; 105: 0x4422AC90F50027E0
    sa.pscale v=44, p=17853, t=47               ; 106: 0x520016116F4005E0
    sa.msmx dst=17833, src=17753                ; 107: 0x5122D49156400000
    sa.stride c=256, a=0, b=64                  ; 108: 0x4301000000004000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 109: 0x4200400020000142
    sa.scale a=17853, amode=each, b=0, bmode=none ; 110: 0x4622DE8000080000
    sa.mm c=18903, a=17833, b=495, wt=i8, acc=set ; 111: 0x4424EB916A403DE0
    ev.wait event=1, count=1                    ; 112: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 113: 0x4300000100004000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 114: 0x4200400014000201
    sa.scale a=17491, amode=each, b=41, bmode=each ; 115: 0x4622298002900000
    sa.mm c=17753, a=17365, b=363, wt=i8, acc=set ; 116: 0x4422AC90F5402D60
    sa.pscale v=44, p=17853, t=47               ; 117: 0x520016116F4005E0
    sa.msmx dst=17833, src=17753                ; 118: 0x5122D49156400000
    sa.stride c=256, a=0, b=64                  ; 119: 0x4301000000004000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 120: 0x4200400020000142
    sa.scale a=17853, amode=each, b=0, bmode=none ; 121: 0x4622DE8000080000
    sa.mm c=18907, a=17833, b=539, wt=i8, acc=set ; 122: 0x4424ED916A404360
    ev.wait event=1, count=1                    ; 123: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 124: 0x4300000100004000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 125: 0x4200400014000201
    sa.scale a=17491, amode=each, b=41, bmode=each ; 126: 0x4622298002900000
    sa.mm c=17753, a=17366, b=407, wt=i8, acc=set ; 127: 0x4422AC90F58032E0
    sa.pscale v=44, p=17853, t=47               ; 128: 0x520016116F4005E0
    sa.msmx dst=17833, src=17753                ; 129: 0x5122D49156400000
    sa.stride c=256, a=0, b=64                  ; 130: 0x4301000000004000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 131: 0x4200400020000142
    sa.scale a=17853, amode=each, b=0, bmode=none ; 132: 0x4622DE8000080000
    sa.mm c=18911, a=17833, b=583, wt=i8, acc=set ; 133: 0x4424EF916A4048E0
    ev.sig event=2, count=1                     ; 134: 0xF000200100000000
    ev.wait event=1, count=1                    ; 135: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 136: 0x4300000100004000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 137: 0x4200400014000201
    sa.scale a=17747, amode=each, b=154, bmode=each ; 138: 0x4622A98009A00000
    sa.mm c=17881, a=17619, b=627, wt=i8, acc=set ; 139: 0x4422EC9134C04E60
    sa.pscale v=157, p=17981, t=160             ; 140: 0x52004E918F401400
    sa.msmx dst=17961, src=17881                ; 141: 0x5123149176400000
    sa.stride c=256, a=0, b=64                  ; 142: 0x4301000000004000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 143: 0x4200400020000142
    sa.scale a=17981, amode=each, b=0, bmode=none ; 144: 0x46231E8000080000
    sa.mm c=18901, a=17961, b=803, wt=i8, acc=set ; 145: 0x4424EA918A406460
    ev.wait event=1, count=1                    ; 146: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 147: 0x4300000100004000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 148: 0x4200400014000201
    sa.scale a=17747, amode=each, b=154, bmode=each ; 149: 0x4622A98009A00000
    sa.mm c=17881, a=17620, b=671, wt=i8, acc=set ; 150: 0x4422EC91350053E0
    sa.pscale v=157, p=17981, t=160             ; 151: 0x52004E918F401400
    sa.msmx dst=17961, src=17881                ; 152: 0x5123149176400000
    sa.stride c=256, a=0, b=64                  ; 153: 0x4301000000004000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 154: 0x4200400020000142
    sa.scale a=17981, amode=each, b=0, bmode=none ; 155: 0x46231E8000080000
    sa.mm c=18905, a=17961, b=847, wt=i8, acc=set ; 156: 0x4424EC918A4069E0
    ev.wait event=1, count=1                    ; 157: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 158: 0x4300000100004000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 159: 0x4200400014000201
    sa.scale a=17747, amode=each, b=154, bmode=each ; 160: 0x4622A98009A00000
    sa.mm c=17881, a=17621, b=715, wt=i8, acc=set ; 161: 0x4422EC9135405960
    sa.pscale v=157, p=17981, t=160             ; 162: 0x52004E918F401400
    sa.msmx dst=17961, src=17881                ; 163: 0x5123149176400000
    sa.stride c=256, a=0, b=64                  ; 164: 0x4301000000004000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 165: 0x4200400020000142
    sa.scale a=17981, amode=each, b=0, bmode=none ; 166: 0x46231E8000080000
    sa.mm c=18909, a=17961, b=891, wt=i8, acc=set ; 167: 0x4424EE918A406F60
    ev.wait event=1, count=1                    ; 168: 0xF100100100000000
    sa.stride c=0, a=256, b=64                  ; 169: 0x4300000100004000
    sa.mshape m=8, n=40, k=64, span=causal_n    ; 170: 0x4200400014000201
    sa.scale a=17747, amode=each, b=154, bmode=each ; 171: 0x4622A98009A00000
    sa.mm c=17881, a=17622, b=759, wt=i8, acc=set ; 172: 0x4422EC9135805EE0
    sa.pscale v=157, p=17981, t=160             ; 173: 0x52004E918F401400
    sa.msmx dst=17961, src=17881                ; 174: 0x5123149176400000
    sa.stride c=256, a=0, b=64                  ; 175: 0x4301000000004000
    sa.mshape m=8, n=64, k=40, span=causal_k    ; 176: 0x4200400020000142
    sa.scale a=17981, amode=each, b=0, bmode=none ; 177: 0x46231E8000080000
    sa.mm c=18913, a=17961, b=935, wt=i8, acc=set ; 178: 0x4424F0918A4074E0
    ev.sig event=2, count=1                     ; 179: 0xF000200100000000
    ev.wait event=1, count=1                    ; 180: 0xF100100100000000
    sa.stride c=0, a=0, b=0                     ; 181: 0x4300000000000000
    ev.wait event=144, count=1                  ; 182: 0xF109000100000000
    ev.wait event=145, count=1                  ; 183: 0xF109100100000000
    ev.wait event=146, count=1                  ; 184: 0xF109200100000000
    ev.wait event=147, count=1                  ; 185: 0xF109300100000000
    sa.mshape m=1, n=512, k=256, span=dense     ; 186: 0x4200080100000800
    sa.scale a=17491, amode=each, b=243, bmode=each ; 187: 0x462229800F300000
    sa.mm c=17875, a=17363, b=979, wt=i8, acc=set ; 188: 0x4422E990F4C07A60
    ev.sig event=208, count=1                   ; 189: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 190: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 191: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 192: 0xF00D300100000000
    ev.sig event=3, count=1                     ; 193: 0xF000300100000000
    ev.wait event=4, count=1                    ; 194: 0xF100400100000000
    ev.sig event=2, count=1                     ; 195: 0xF000200100000000
.entry decode
    ev.wait event=1, count=1                    ; 196: 0xF100100100000000
    sa.stride c=0, a=0, b=64                    ; 197: 0x4300000000004000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 198: 0x4200080016000203
    sa.scale a=17367, amode=one, b=41, bmode=each ; 199: 0x4621EBA002900000
    sa.mm c=17411, a=17363, b=275, wt=i8, acc=set ; 200: 0x44220190F4C02260
    sa.pscale v=44, p=17414, t=47               ; 201: 0x52001611018005E0
    sa.msmx dst=17378, src=17411                ; 202: 0x5121F11100C00000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 203: 0x4200080020000164
    sa.scale a=17414, amode=each, b=0, bmode=none ; 204: 0x4622030000080000
    sa.mm c=17415, a=17378, b=451, wt=i8, acc=set ; 205: 0x44220390F8803860
    ev.wait event=1, count=1                    ; 206: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 207: 0x4200080016000203
    sa.scale a=17367, amode=one, b=41, bmode=each ; 208: 0x4621EBA002900000
    sa.mm c=17411, a=17364, b=319, wt=i8, acc=set ; 209: 0x44220190F50027E0
    sa.pscale v=44, p=17414, t=47               ; 210: 0x52001611018005E0
    sa.msmx dst=17378, src=17411                ; 211: 0x5121F11100C00000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 212: 0x4200080020000164
    sa.scale a=17414, amode=each, b=0, bmode=none ; 213: 0x4622030000080000
    sa.mm c=17419, a=17378, b=495, wt=i8, acc=set ; 214: 0x44220590F8803DE0
    ev.wait event=1, count=1                    ; 215: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 216: 0x4200080016000203
    sa.scale a=17367, amode=one, b=41, bmode=each ; 217: 0x4621EBA002900000
    sa.mm c=17411, a=17365, b=363, wt=i8, acc=set ; 218: 0x44220190F5402D60
    sa.pscale v=44, p=17414, t=47               ; 219: 0x52001611018005E0
    sa.msmx dst=17378, src=17411                ; 220: 0x5121F11100C00000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 221: 0x4200080020000164
    sa.scale a=17414, amode=each, b=0, bmode=none ; 222: 0x4622030000080000
    sa.mm c=17423, a=17378, b=539, wt=i8, acc=set ; 223: 0x44220790F8804360
    ev.wait event=1, count=1                    ; 224: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 225: 0x4200080016000203
    sa.scale a=17367, amode=one, b=41, bmode=each ; 226: 0x4621EBA002900000
    sa.mm c=17411, a=17366, b=407, wt=i8, acc=set ; 227: 0x44220190F58032E0
    sa.pscale v=44, p=17414, t=47               ; 228: 0x52001611018005E0
    sa.msmx dst=17378, src=17411                ; 229: 0x5121F11100C00000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 230: 0x4200080020000164
    sa.scale a=17414, amode=each, b=0, bmode=none ; 231: 0x4622030000080000
    sa.mm c=17427, a=17378, b=583, wt=i8, acc=set ; 232: 0x44220990F88048E0
    ev.sig event=2, count=1                     ; 233: 0xF000200100000000
    ev.wait event=1, count=1                    ; 234: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 235: 0x4200080016000203
    sa.scale a=17375, amode=one, b=154, bmode=each ; 236: 0x4621EFA009A00000
    sa.mm c=17412, a=17371, b=627, wt=i8, acc=set ; 237: 0x44220210F6C04E60
    sa.pscale v=157, p=17383, t=160             ; 238: 0x52004E90F9C01400
    sa.msmx dst=17382, src=17412                ; 239: 0x5121F31101000000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 240: 0x4200080020000164
    sa.scale a=17383, amode=each, b=0, bmode=none ; 241: 0x4621F38000080000
    sa.mm c=17415, a=17382, b=803, wt=i8, acc=set ; 242: 0x44220390F9806460
    ev.wait event=1, count=1                    ; 243: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 244: 0x4200080016000203
    sa.scale a=17375, amode=one, b=154, bmode=each ; 245: 0x4621EFA009A00000
    sa.mm c=17412, a=17372, b=671, wt=i8, acc=set ; 246: 0x44220210F70053E0
    sa.pscale v=157, p=17383, t=160             ; 247: 0x52004E90F9C01400
    sa.msmx dst=17382, src=17412                ; 248: 0x5121F31101000000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 249: 0x4200080020000164
    sa.scale a=17383, amode=each, b=0, bmode=none ; 250: 0x4621F38000080000
    sa.mm c=17419, a=17382, b=847, wt=i8, acc=set ; 251: 0x44220590F98069E0
    ev.wait event=1, count=1                    ; 252: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 253: 0x4200080016000203
    sa.scale a=17375, amode=one, b=154, bmode=each ; 254: 0x4621EFA009A00000
    sa.mm c=17412, a=17373, b=715, wt=i8, acc=set ; 255: 0x44220210F7405960
    sa.pscale v=157, p=17383, t=160             ; 256: 0x52004E90F9C01400
    sa.msmx dst=17382, src=17412                ; 257: 0x5121F31101000000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 258: 0x4200080020000164
    sa.scale a=17383, amode=each, b=0, bmode=none ; 259: 0x4621F38000080000
    sa.mm c=17423, a=17382, b=891, wt=i8, acc=set ; 260: 0x44220790F9806F60
    ev.wait event=1, count=1                    ; 261: 0xF100100100000000
    sa.mshape m=1, n=44, k=64, span=cache_n     ; 262: 0x4200080016000203
    sa.scale a=17375, amode=one, b=154, bmode=each ; 263: 0x4621EFA009A00000
    sa.mm c=17412, a=17374, b=759, wt=i8, acc=set ; 264: 0x44220210F7805EE0
    sa.pscale v=157, p=17383, t=160             ; 265: 0x52004E90F9C01400
    sa.msmx dst=17382, src=17412                ; 266: 0x5121F31101000000
    sa.mshape m=1, n=64, k=44, span=cache_k     ; 267: 0x4200080020000164
    sa.scale a=17383, amode=each, b=0, bmode=none ; 268: 0x4621F38000080000
    sa.mm c=17427, a=17382, b=935, wt=i8, acc=set ; 269: 0x44220990F98074E0
    ev.sig event=2, count=1                     ; 270: 0xF000200100000000
    ev.wait event=1, count=1                    ; 271: 0xF100100100000000
    sa.stride c=0, a=0, b=0                     ; 272: 0x4300000000000000
    ev.wait event=144, count=1                  ; 273: 0xF109000100000000
    ev.wait event=145, count=1                  ; 274: 0xF109100100000000
    ev.wait event=146, count=1                  ; 275: 0xF109200100000000
    ev.wait event=147, count=1                  ; 276: 0xF109300100000000
    sa.mshape m=1, n=512, k=256, span=dense     ; 277: 0x4200080100000800
    sa.scale a=17367, amode=each, b=243, bmode=each ; 278: 0x4621EB800F300000
    sa.mm c=17379, a=17363, b=979, wt=i8, acc=set ; 279: 0x4421F190F4C07A60
    ev.sig event=208, count=1                   ; 280: 0xF00D000100000000
    ev.sig event=209, count=1                   ; 281: 0xF00D100100000000
    ev.sig event=210, count=1                   ; 282: 0xF00D200100000000
    ev.sig event=211, count=1                   ; 283: 0xF00D300100000000
    ev.sig event=3, count=1                     ; 284: 0xF000300100000000
    ev.wait event=4, count=1                    ; 285: 0xF100400100000000
    ev.sig event=2, count=1                     ; 286: 0xF000200100000000

.lpddr_dma 0
.debug first=0, count=3, op=0, name="tok"
.debug first=3, count=4, op=0, name="tok"
.debug first=7, count=6, op=30, name="logits"
.debug first=13, count=2, op=1048576, name="tok"
.debug first=15, count=6, op=1048605, name="logits"
.entry prefill
    dma.tok first=0, count=32                   ; 0: 0x6500000020000000
    dma.row sram=17363, table=512, len=8, index=token ; 1: 0x6221E98000800010
    ev.sig event=16, count=1                    ; 2: 0xF001000100000000
    ev.wait event=80, count=1                   ; 3: 0xF105000100000000
    dma.tok first=32, count=8                   ; 4: 0x6500200008000000
    dma.row sram=17363, table=512, len=8, index=token ; 5: 0x6221E98000800010
    ev.sig event=16, count=1                    ; 6: 0xF001000100000000
    dma.ld sram=979, lpddr=0, len=512           ; 7: 0x6001E98000000200
    ev.sig event=144, count=1                   ; 8: 0xF009000100000000
    ev.wait event=3, count=1                    ; 9: 0xF100300100000000
    dma.st sram=17875, lpddr=5856, len=32       ; 10: 0x6122E98005B80020
    ev.sig event=4, count=1                     ; 11: 0xF000400100000000
    ev.wait event=208, count=1                  ; 12: 0xF10D000100000000
.entry decode
    dma.row sram=17363, table=512, len=8, index=token ; 13: 0x6221E98000800010
    ev.sig event=16, count=1                    ; 14: 0xF001000100000000
    dma.ld sram=979, lpddr=0, len=512           ; 15: 0x6001E98000000200
    ev.sig event=144, count=1                   ; 16: 0xF009000100000000
    ev.wait event=3, count=1                    ; 17: 0xF100300100000000
    dma.st sram=17379, lpddr=5888, len=32       ; 18: 0x6121F18005C00020
    ev.sig event=4, count=1                     ; 19: 0xF000400100000000
    ev.wait event=208, count=1                  ; 20: 0xF10D000100000000

.lpddr_dma 1
.debug first=0, count=3, op=2, name="pos"
.debug first=3, count=4, op=2, name="pos"
.debug first=7, count=3, op=30, name="logits"
.debug first=10, count=2, op=1048578, name="pos"
.debug first=12, count=3, op=1048605, name="logits"
.entry prefill
    dma.tok first=0, count=32                   ; 0: 0x6500000020000000
    dma.row sram=17619, table=512, len=8, index=position ; 1: 0x6222698000800011
    ev.sig event=17, count=1                    ; 2: 0xF001100100000000
    ev.wait event=81, count=1                   ; 3: 0xF105100100000000
    dma.tok first=32, count=8                   ; 4: 0x6500200008000000
    dma.row sram=17619, table=512, len=8, index=position ; 5: 0x6222698000800011
    ev.sig event=17, count=1                    ; 6: 0xF001100100000000
    dma.ld sram=1491, lpddr=0, len=512          ; 7: 0x6002E98000000200
    ev.sig event=145, count=1                   ; 8: 0xF009100100000000
    ev.wait event=209, count=1                  ; 9: 0xF10D100100000000
.entry decode
    dma.row sram=17371, table=512, len=8, index=position ; 10: 0x6221ED8000800011
    ev.sig event=17, count=1                    ; 11: 0xF001100100000000
    dma.ld sram=1491, lpddr=0, len=512          ; 12: 0x6002E98000000200
    ev.sig event=145, count=1                   ; 13: 0xF009100100000000
    ev.wait event=209, count=1                  ; 14: 0xF10D100100000000

.lpddr_dma 2
.debug first=0, count=3, op=30, name="logits"
.debug first=3, count=3, op=1048605, name="logits"
.entry prefill
    dma.ld sram=2003, lpddr=0, len=512          ; 0: 0x6003E98000000200
    ev.sig event=146, count=1                   ; 1: 0xF009200100000000
    ev.wait event=210, count=1                  ; 2: 0xF10D200100000000
.entry decode
    dma.ld sram=2003, lpddr=0, len=512          ; 3: 0x6003E98000000200
    ev.sig event=146, count=1                   ; 4: 0xF009200100000000
    ev.wait event=210, count=1                  ; 5: 0xF10D200100000000

.lpddr_dma 3
.debug first=0, count=3, op=30, name="logits"
.debug first=3, count=3, op=1048605, name="logits"
.entry prefill
    dma.ld sram=2515, lpddr=0, len=512          ; 0: 0x6004E98000000200
    ev.sig event=147, count=1                   ; 1: 0xF009300100000000
    ev.wait event=211, count=1                  ; 2: 0xF10D300100000000
.entry decode
    dma.ld sram=2515, lpddr=0, len=512          ; 3: 0x6004E98000000200
    ev.sig event=147, count=1                   ; 4: 0xF009300100000000
    ev.wait event=211, count=1                  ; 5: 0xF10D300100000000
