; pimcc disassembly. Reassemble with: pimcc asm <this file> -o out.bin
.target "hyflexpim"
.target_sha256 "6b69297c9cdbd51507fed6269d0dfd98a8f3e6b5fb26d025e9017ad4952d70c5"
.target_json "ewogICJmb3JtYXQiOiAicGltY2MtdGFyZ2V0LzEiLAogICJuYW1lIjogImh5ZmxleHBpbSIsCiAgImtpbmQiOiAiaHlmbGV4"
.target_json "cGltIiwKICAic3VtbWFyeSI6ICJIeUZsZXhQSU06IDI0IFBVcyBwZXIgY2hpcCwgZWFjaCAyNCBhbmFsb2cgU0xDL01MQyBS"
.target_json "UkFNIG1vZHVsZXMgKyA4IGRpZ2l0YWwgTk9SIFJSQU0gbW9kdWxlcyB3aXRoIFNGVXMsIDY1IG5tLCAxIEdIeiIsCiAgInN5"
.target_json "c3RlbSI6IHsKICAgICJjbG9jayI6IHsKICAgICAgInZhbHVlIjogMSwKICAgICAgInVuaXQiOiAiR0h6IiwKICAgICAgInNv"
.target_json "dXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIgKFNvbmcgZXQgYWwuIDIwMjUpLCBoYXJkd2FyZSB0YWJsZXM6IGFsbCB2YWx1ZXMg"
.target_json "c2NhbGVkIHRvIDY1IG5tLCAxIEdIeiIKICAgIH0sCiAgICAidGVjaG5vbG9neSI6IHsKICAgICAgInZhbHVlIjogNjUsCiAg"
.target_json "ICAgICJ1bml0IjogIm5tIiwKICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIGhhcmR3YXJlIHRhYmxlczogNjUg"
.target_json "bm0iCiAgICB9LAogICAgIm1heENoaXBzIjogewogICAgICAidmFsdWUiOiA4LAogICAgICAidW5pdCI6ICJjb3VudCIsCiAg"
.target_json "ICAgICJzb3VyY2UiOiAib3BlbiBwYXJhbWV0ZXIgKHBhcGVyOiBsYXllcnMgcGlwZWxpbmVkIG92ZXIgYXMgbWFueSBjaGlw"
.target_json "cyBhcyBuZWVkZWQsIG5vIGJvdW5kIHN0YXRlZCk6IDgsIHRoZSBhY2NlbGVyYXRvciBjb3VudCBvZiBvbmUgUENJZSBzZXJ2"
.target_json "ZXIgYm9hcmQgKGUuZy4gTlZJRElBIEhHWCA4LUdQVSBiYXNlYm9hcmRzLCA4IHggUENJZS9OVkxpbmsgZGV2aWNlcyBwZXIg"
.target_json "bm9kZSkiCiAgICB9CiAgfSwKICAicHJlY2lzaW9uIjogewogICAgIndlaWdodEJpdHMiOiB7CiAgICAgICJ2YWx1ZSI6IDgs"
.target_json "CiAgICAgICJ1bml0IjogImJpdCIsCiAgICAgICJzb3VyY2UiOiAiSHlGbGV4UElNIHBhcGVyLCBQcmVjaXNpb246IElOVDgg"
.target_json "Zm9yIGFsbCBsaW5lYXIgbGF5ZXJzIgogICAgfSwKICAgICJpbnB1dEJpdHMiOiB7CiAgICAgICJ2YWx1ZSI6IDgsCiAgICAg"
.target_json "ICJ1bml0IjogImJpdCIsCiAgICAgICJzb3VyY2UiOiAiSHlGbGV4UElNIHBhcGVyOiBpbnB1dHMgYXBwbGllZCBiaXQtc2Vy"
.target_json "aWFsbHkgb24gd29yZCBsaW5lcywgOCBjeWNsZXMgZm9yIElOVDgiCiAgICB9LAogICAgImt2Qml0cyI6IHsKICAgICAgInZh"
.target_json "bHVlIjogOCwKICAgICAgInVuaXQiOiAiYml0IiwKICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIFByZWNpc2lv"
.target_json "bjogSU5UOCBmb3IgUSwgSywgViBpbiBhdHRlbnRpb24iCiAgICB9LAogICAgInNmdUJpdHMiOiB7CiAgICAgICJ2YWx1ZSI6"
.target_json "IDE2LAogICAgICAidW5pdCI6ICJiaXQiLAogICAgICAic291cmNlIjogIkh5RmxleFBJTSBwYXBlciwgUHJlY2lzaW9uOiBG"
.target_json "UDE2IGZvciBub25saW5lYXIgb3BlcmF0aW9ucyAoU0ZVKSIKICAgIH0KICB9LAogICJjaGlwIjogewogICAgInB1cyI6IHsK"
.target_json "ICAgICAgInZhbHVlIjogMjQsCiAgICAgICJ1bml0IjogImNvdW50IiwKICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFw"
.target_json "ZXIsIEFyY2hpdGVjdHVyZTogMjQgcHJvY2Vzc2luZyB1bml0cyBwZXIgY2hpcCwgb25lIHRyYW5zZm9ybWVyIGxheWVyIHBl"
.target_json "ciBQVSIKICAgIH0sCiAgICAic2hhcmVkQnVzIjogewogICAgICAidmFsdWUiOiAxMjgsCiAgICAgICJ1bml0IjogIkdCL3Mi"
.target_json "LAogICAgICAic291cmNlIjogIkh5RmxleFBJTSBwYXBlciwgQXJjaGl0ZWN0dXJlOiBnbG9iYWwgYnVzIDEyOCBHQi9zIChw"
.target_json "YXJ0aWFsIHN1bXMgb2YgVFAgUFVzIHJlZHVjZWQgaW4gdGhlIFNGVSBvdmVyIGl0KSIKICAgIH0sCiAgICAiaW50ZXJQdSI6"
.target_json "IHsKICAgICAgInZhbHVlIjogMTAwMCwKICAgICAgInVuaXQiOiAiR0IvcyIsCiAgICAgICJzb3VyY2UiOiAiSHlGbGV4UElN"
.target_json "IHBhcGVyLCBBcmNoaXRlY3R1cmU6IGludGVyLVBVIG9uLWNoaXAgaW50ZXJjb25uZWN0IDEwMDAgR0IvcyIKICAgIH0sCiAg"
.target_json "ICAicGNpZSI6IHsKICAgICAgInZhbHVlIjogMTI4LAogICAgICAidW5pdCI6ICJHQi9zIiwKICAgICAgInNvdXJjZSI6ICJI"
.target_json "eUZsZXhQSU0gcGFwZXIsIEFyY2hpdGVjdHVyZTogY2hpcHMgcGlwZWxpbmVkIG92ZXIgUENJZSA2LjAgYXQgMTI4IEdCL3Mi"
.target_json "CiAgICB9CiAgfSwKICAicHUiOiB7CiAgICAiYW5hbG9nTW9kdWxlcyI6IHsKICAgICAgInZhbHVlIjogMjQsCiAgICAgICJ1"
.target_json "bml0IjogImNvdW50IiwKICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIEFyY2hpdGVjdHVyZTogMjQgYW5hbG9n"
.target_json "IFJSQU0gUElNIG1vZHVsZXMgcGVyIFBVIChsaW5lYXIgbGF5ZXJzKSIKICAgIH0sCiAgICAiZGlnaXRhbE1vZHVsZXMiOiB7"
.target_json "CiAgICAgICJ2YWx1ZSI6IDgsCiAgICAgICJ1bml0IjogImNvdW50IiwKICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFw"
.target_json "ZXIsIEFyY2hpdGVjdHVyZTogOCBkaWdpdGFsIFJSQU0gUElNIG1vZHVsZXMgcGVyIFBVIChhdHRlbnRpb24sIG5vbmxpbmVh"
.target_json "cikiCiAgICB9CiAgfSwKICAiYW5hbG9nIjogewogICAgImFycmF5cyI6IHsKICAgICAgInZhbHVlIjogNTEyLAogICAgICAi"
.target_json "dW5pdCI6ICJjb3VudCIsCiAgICAgICJzb3VyY2UiOiAiSHlGbGV4UElNIHBhcGVyLCBhbmFsb2cgbW9kdWxlIHRhYmxlOiA1"
.target_json "MTIgYXJyYXlzIgogICAgfSwKICAgICJyb3dzIjogewogICAgICAidmFsdWUiOiA2NCwKICAgICAgInVuaXQiOiAiY291bnQi"
.target_json "LAogICAgICAic291cmNlIjogIkh5RmxleFBJTSBwYXBlciwgYW5hbG9nIG1vZHVsZSB0YWJsZTogYXJyYXlzIG9mIDY0IHgg"
.target_json "MTI4IGNlbGxzIgogICAgfSwKICAgICJjb2x1bW5zIjogewogICAgICAidmFsdWUiOiAxMjgsCiAgICAgICJ1bml0IjogImNv"
.target_json "dW50IiwKICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIGFuYWxvZyBtb2R1bGUgdGFibGU6IGFycmF5cyBvZiA2"
.target_json "NCB4IDEyOCBjZWxscyIKICAgIH0sCiAgICAic2xjQml0c1BlckNlbGwiOiB7CiAgICAgICJ2YWx1ZSI6IDEsCiAgICAgICJ1"
.target_json "bml0IjogImJpdCIsCiAgICAgICJzb3VyY2UiOiAiSHlGbGV4UElNIHBhcGVyLCBhbmFsb2cgbW9kdWxlIHRhYmxlOiAxIGIg"
.target_json "cGVyIGNlbGwgKFNMQykiCiAgICB9LAogICAgIm1sY0JpdHNQZXJDZWxsIjogewogICAgICAidmFsdWUiOiAyLAogICAgICAi"
.target_json "dW5pdCI6ICJiaXQiLAogICAgICAic291cmNlIjogIkh5RmxleFBJTSBwYXBlciwgYW5hbG9nIG1vZHVsZSB0YWJsZTogMiBi"
.target_json "IHBlciBjZWxsIChNTEMpOyAzLTQgYiBNTEMgcmVqZWN0ZWQgZm9yIH43eCBCRVIiCiAgICB9LAogICAgImFycmF5Q3ljbGUi"
.target_json "OiB7CiAgICAgICJ2YWx1ZSI6IDEwMCwKICAgICAgInVuaXQiOiAibnMiLAogICAgICAic291cmNlIjogIkh5RmxleFBJTSBw"
.target_json "YXBlciwgYW5hbG9nIEdFTVY6IDEyOCBjb252ZXJzaW9ucyBhdCAxLjI4IEdTL3MgdGFrZSAxMDAgbnM7IDEwMCBucyBhcnJh"
.target_json "eSBjeWNsZSwgcGlwZWxpbmVkIHdpdGggdGhlIEFEQyIKICAgIH0sCiAgICAiYWRjQml0cyI6IHsKICAgICAgInZhbHVlIjog"
.target_json "NywKICAgICAgInVuaXQiOiAiYml0IiwKICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIGFuYWxvZyBtb2R1bGUg"
.target_json "dGFibGU6IDYtYiAvIDctYiByZWNvbmZpZ3VyYWJsZSBTQVIgQURDICh0aGUgNi1iIG1vZGUgc2tpcHMgdGhlIE1TQiBjb21w"
.target_json "YXJpc29uKSIKICAgIH0sCiAgICAiYWRjU2FtcGxlUmF0ZSI6IHsKICAgICAgInZhbHVlIjogMS4yOCwKICAgICAgInVuaXQi"
.target_json "OiAiR0h6IiwKICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIGFuYWxvZyBHRU1WOiBvbmUgc2hhcmVkIFNBUiBB"
.target_json "REMgcGVyIGFycmF5IGF0IDEuMjggR1MvcyIKICAgIH0sCiAgICAiYWRjcyI6IHsKICAgICAgInZhbHVlIjogNTEyLAogICAg"
.target_json "ICAidW5pdCI6ICJjb3VudCIsCiAgICAgICJzb3VyY2UiOiAiSHlGbGV4UElNIHBhcGVyLCBhbmFsb2cgbW9kdWxlIHRhYmxl"
.target_json "OiBBREMsIDUxMiBpbiB0b3RhbCAob25lIHBlciBhcnJheSkiCiAgICB9LAogICAgImlucHV0UmVnaXN0ZXIiOiB7CiAgICAg"
.target_json "ICJ2YWx1ZSI6IDY0LAogICAgICAidW5pdCI6ICJCIiwKICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIGFuYWxv"
.target_json "ZyBtb2R1bGUgdGFibGU6IGlucHV0IHJlZ2lzdGVyIDY0IEIgZWFjaCIKICAgIH0sCiAgICAib3V0cHV0UmVnaXN0ZXIiOiB7"
.target_json "CiAgICAgICJ2YWx1ZSI6IDEyOCwKICAgICAgInVuaXQiOiAiQiIsCiAgICAgICJzb3VyY2UiOiAiSHlGbGV4UElNIHBhcGVy"
.target_json "LCBhbmFsb2cgbW9kdWxlIHRhYmxlOiBvdXRwdXQgcmVnaXN0ZXIgMTI4IEIgZWFjaCIKICAgIH0sCiAgICAic2hpZnRBZGRz"
.target_json "IjogewogICAgICAidmFsdWUiOiA1MTIsCiAgICAgICJ1bml0IjogImNvdW50IiwKICAgICAgInNvdXJjZSI6ICJIeUZsZXhQ"
.target_json "SU0gcGFwZXIsIGFuYWxvZyBtb2R1bGUgdGFibGU6IHNoaWZ0LWFuZC1hZGQsIDUxMiIKICAgIH0sCiAgICAic2FtcGxlSG9s"
.target_json "ZHMiOiB7CiAgICAgICJ2YWx1ZSI6IDUxMiwKICAgICAgInVuaXQiOiAiY291bnQiLAogICAgICAic291cmNlIjogIkh5Rmxl"
.target_json "eFBJTSBwYXBlciwgYW5hbG9nIG1vZHVsZSB0YWJsZTogc2FtcGxlLWFuZC1ob2xkLCA1MTIiCiAgICB9LAogICAgImFyZWEi"
.target_json "OiB7CiAgICAgICJhcnJheXMiOiB7CiAgICAgICAgInZhbHVlIjogMC4wNDgsCiAgICAgICAgInVuaXQiOiAibW0yIiwKICAg"
.target_json "ICAgICAic291cmNlIjogIkh5RmxleFBJTSBwYXBlciwgYW5hbG9nIG1vZHVsZSB0YWJsZTogUlJBTSBhcnJheXMgMC4wNDgg"
.target_json "bW1eMiIKICAgICAgfSwKICAgICAgImlucHV0UmVnaXN0ZXIiOiB7CiAgICAgICAgInZhbHVlIjogMC4wMDA2NSwKICAgICAg"
.target_json "ICAidW5pdCI6ICJtbTIiLAogICAgICAgICJzb3VyY2UiOiAiSHlGbGV4UElNIHBhcGVyLCBhbmFsb2cgbW9kdWxlIHRhYmxl"
.target_json "OiBJUiAwLjAwMDY1IG1tXjIiCiAgICAgIH0sCiAgICAgICJvdXRwdXRSZWdpc3RlciI6IHsKICAgICAgICAidmFsdWUiOiAw"
.target_json "LjAwMTI5LAogICAgICAgICJ1bml0IjogIm1tMiIsCiAgICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIGFuYWxv"
.target_json "ZyBtb2R1bGUgdGFibGU6IE9SIDAuMDAxMjkgbW1eMiIKICAgICAgfSwKICAgICAgIndvcmRMaW5lRHJpdmVycyI6IHsKICAg"
.target_json "ICAgICAidmFsdWUiOiAwLjAyLAogICAgICAgICJ1bml0IjogIm1tMiIsCiAgICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0g"
.target_json "cGFwZXIsIGFuYWxvZyBtb2R1bGUgdGFibGU6IHdvcmQtbGluZSBkcml2ZXJzICgxLWJpdCwgNjQgeCA1MTIpIDAuMDIgbW1e"
.target_json "MiIKICAgICAgfSwKICAgICAgImFkYyI6IHsKICAgICAgICAidmFsdWUiOiAwLjMsCiAgICAgICAgInVuaXQiOiAibW0yIiwK"
.target_json "ICAgICAgICAic291cmNlIjogIkh5RmxleFBJTSBwYXBlciwgYW5hbG9nIG1vZHVsZSB0YWJsZTogQURDIDAuMzAgbW1eMiIK"
.target_json "ICAgICAgfSwKICAgICAgInNoaWZ0QWRkIjogewogICAgICAgICJ2YWx1ZSI6IDAuMSwKICAgICAgICAidW5pdCI6ICJtbTIi"
.target_json "LAogICAgICAgICJzb3VyY2UiOiAiSHlGbGV4UElNIHBhcGVyLCBhbmFsb2cgbW9kdWxlIHRhYmxlOiBTJkEgMC4xMCBtbV4y"
.target_json "IgogICAgICB9LAogICAgICAic2FtcGxlSG9sZCI6IHsKICAgICAgICAidmFsdWUiOiAwLjAwMDA2LAogICAgICAgICJ1bml0"
.target_json "IjogIm1tMiIsCiAgICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIGFuYWxvZyBtb2R1bGUgdGFibGU6IFMmSCA2"
.target_json "ZS01IG1tXjIiCiAgICAgIH0KICAgIH0sCiAgICAicG93ZXIiOiB7CiAgICAgICJhcnJheXMiOiB7CiAgICAgICAgInZhbHVl"
.target_json "IjogNjAuNzgsCiAgICAgICAgInVuaXQiOiAibVciLAogICAgICAgICJzb3VyY2UiOiAiSHlGbGV4UElNIHBhcGVyLCBhbmFs"
.target_json "b2cgbW9kdWxlIHRhYmxlOiBSUkFNIGFycmF5cyA2MC43OCBtVyIKICAgICAgfSwKICAgICAgImlucHV0UmVnaXN0ZXIiOiB7"
.target_json "CiAgICAgICAgInZhbHVlIjogMC4xMywKICAgICAgICAidW5pdCI6ICJtVyIsCiAgICAgICAgInNvdXJjZSI6ICJIeUZsZXhQ"
.target_json "SU0gcGFwZXIsIGFuYWxvZyBtb2R1bGUgdGFibGU6IElSIDAuMTMgbVciCiAgICAgIH0sCiAgICAgICJvdXRwdXRSZWdpc3Rl"
.target_json "ciI6IHsKICAgICAgICAidmFsdWUiOiAwLjUzLAogICAgICAgICJ1bml0IjogIm1XIiwKICAgICAgICAic291cmNlIjogIkh5"
.target_json "RmxleFBJTSBwYXBlciwgYW5hbG9nIG1vZHVsZSB0YWJsZTogT1IgMC41MyBtVyIKICAgICAgfSwKICAgICAgIndvcmRMaW5l"
.target_json "RHJpdmVycyI6IHsKICAgICAgICAidmFsdWUiOiAyOTcuNzEsCiAgICAgICAgInVuaXQiOiAibVciLAogICAgICAgICJzb3Vy"
.target_json "Y2UiOiAiSHlGbGV4UElNIHBhcGVyLCBhbmFsb2cgbW9kdWxlIHRhYmxlOiB3b3JkLWxpbmUgZHJpdmVycyAyOTcuNzEgbVci"
.target_json "CiAgICAgIH0sCiAgICAgICJhZGMiOiB7CiAgICAgICAgInZhbHVlIjogNTEyLAogICAgICAgICJ1bml0IjogIm1XIiwKICAg"
.target_json "ICAgICAic291cmNlIjogIkh5RmxleFBJTSBwYXBlciwgYW5hbG9nIG1vZHVsZSB0YWJsZTogQURDIDUxMi4wMCBtVyIKICAg"
.target_json "ICAgfSwKICAgICAgInNoaWZ0QWRkIjogewogICAgICAgICJ2YWx1ZSI6IDU5LjU0LAogICAgICAgICJ1bml0IjogIm1XIiwK"
.target_json "ICAgICAgICAic291cmNlIjogIkh5RmxleFBJTSBwYXBlciwgYW5hbG9nIG1vZHVsZSB0YWJsZTogUyZBIDU5LjU0IG1XIgog"
.target_json "ICAgICB9LAogICAgICAic2FtcGxlSG9sZCI6IHsKICAgICAgICAidmFsdWUiOiAwLjAwMDAxMiwKICAgICAgICAidW5pdCI6"
.target_json "ICJtVyIsCiAgICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIGFuYWxvZyBtb2R1bGUgdGFibGU6IFMmSCAxMmUt"
.target_json "NiBtVyIKICAgICAgfQogICAgfQogIH0sCiAgImRpZ2l0YWwiOiB7CiAgICAiYXJyYXlzIjogewogICAgICAidmFsdWUiOiAy"
.target_json "NTYsCiAgICAgICJ1bml0IjogImNvdW50IiwKICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIGRpZ2l0YWwgbW9k"
.target_json "dWxlIHRhYmxlOiAyNTYgYXJyYXlzIgogICAgfSwKICAgICJyb3dzIjogewogICAgICAidmFsdWUiOiAxMDI0LAogICAgICAi"
.target_json "dW5pdCI6ICJjb3VudCIsCiAgICAgICJzb3VyY2UiOiAiSHlGbGV4UElNIHBhcGVyLCBkaWdpdGFsIG1vZHVsZSB0YWJsZTog"
.target_json "YXJyYXlzIG9mIDEwMjQgeCAxMDI0IGNlbGxzLCAxIGIgcGVyIGNlbGwgKDEyOCBLQiBlYWNoKSIKICAgIH0sCiAgICAiY29s"
.target_json "dW1ucyI6IHsKICAgICAgInZhbHVlIjogMTAyNCwKICAgICAgInVuaXQiOiAiY291bnQiLAogICAgICAic291cmNlIjogIkh5"
.target_json "RmxleFBJTSBwYXBlciwgZGlnaXRhbCBtb2R1bGUgdGFibGU6IGFycmF5cyBvZiAxMDI0IHggMTAyNCBjZWxscyIKICAgIH0s"
.target_json "CiAgICAibm9yc1Blck11bHRpcGx5IjogewogICAgICAidmFsdWUiOiA2NCwKICAgICAgInVuaXQiOiAiY291bnQiLAogICAg"
.target_json "ICAic291cmNlIjogIkh5RmxleFBJTSBwYXBlciwgRGlnaXRhbCBQSU06IGFuIElOVDggeCBJTlQ4IG11bHRpcGx5IG5lZWRz"
.target_json "IDY0IE5PUiBvcGVyYXRpb25zIgogICAgfSwKICAgICJjb2x1bW5zUGVyTm9yIjogewogICAgICAidmFsdWUiOiAzLAogICAg"
.target_json "ICAidW5pdCI6ICJjb3VudCIsCiAgICAgICJzb3VyY2UiOiAiSHlGbGV4UElNIHBhcGVyLCBEaWdpdGFsIFBJTTogZWFjaCBO"
.target_json "T1IgdXNlcyAzIGNvbHVtbnMgKDIgb3BlcmFuZCBiaXRzLCAxIHJlc3VsdCkiCiAgICB9LAogICAgInJvd09wV3JpdGVDeWNs"
.target_json "ZXMiOiB7CiAgICAgICJ2YWx1ZSI6IDQsCiAgICAgICJ1bml0IjogImN5Y2xlIiwKICAgICAgInNvdXJjZSI6ICJIeUZsZXhQ"
.target_json "SU0gcGFwZXIsIERpZ2l0YWwgUElNOiBhIHJvdyBvcGVyYXRpb24gdGFrZXMgNSBjeWNsZXMsIDQgd3JpdGUiCiAgICB9LAog"
.target_json "ICAgInJvd09wUmVhZEN5Y2xlcyI6IHsKICAgICAgInZhbHVlIjogMSwKICAgICAgInVuaXQiOiAiY3ljbGUiLAogICAgICAi"
.target_json "c291cmNlIjogIkh5RmxleFBJTSBwYXBlciwgRGlnaXRhbCBQSU06IGEgcm93IG9wZXJhdGlvbiB0YWtlcyA1IGN5Y2xlcywg"
.target_json "MSByZWFkIgogICAgfSwKICAgICJpbnB1dFJlZ2lzdGVyIjogewogICAgICAidmFsdWUiOiAxLAogICAgICAidW5pdCI6ICJL"
.target_json "aUIiLAogICAgICAic291cmNlIjogIkh5RmxleFBJTSBwYXBlciwgZGlnaXRhbCBtb2R1bGUgdGFibGU6IElSIDEgS0IgZWFj"
.target_json "aCIKICAgIH0sCiAgICAib3V0cHV0UmVnaXN0ZXIiOiB7CiAgICAgICJ2YWx1ZSI6IDEsCiAgICAgICJ1bml0IjogIktpQiIs"
.target_json "CiAgICAgICJzb3VyY2UiOiAiSHlGbGV4UElNIHBhcGVyLCBkaWdpdGFsIG1vZHVsZSB0YWJsZTogT1IgMSBLQiBlYWNoIgog"
.target_json "ICAgfSwKICAgICJzaGlmdEFkZHMiOiB7CiAgICAgICJ2YWx1ZSI6IDEwMjQsCiAgICAgICJ1bml0IjogImNvdW50IiwKICAg"
.target_json "ICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIGRpZ2l0YWwgbW9kdWxlIHRhYmxlOiBTJkEgMTAyNCIKICAgIH0sCiAg"
.target_json "ICAic2FtcGxlSG9sZHMiOiB7CiAgICAgICJ2YWx1ZSI6IDEwMjQsCiAgICAgICJ1bml0IjogImNvdW50IiwKICAgICAgInNv"
.target_json "dXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIGRpZ2l0YWwgbW9kdWxlIHRhYmxlOiBTJkggMTAyNCIKICAgIH0sCiAgICAic2Z1"
.target_json "SW5wdXRzUGVyQ3ljbGUiOiB7CiAgICAgICJ2YWx1ZSI6IDI1NiwKICAgICAgInVuaXQiOiAiY291bnQiLAogICAgICAic291"
.target_json "cmNlIjogIkh5RmxleFBJTSBwYXBlciwgZGlnaXRhbCBtb2R1bGUgdGFibGU6IFNGVSB0YWtlcyAyNTYgaW5wdXRzIHBlciBj"
.target_json "eWNsZSwgRlAgKGJhbGFuY2UgcG9pbnQgMjU2IHggMTAyNCAvICg2NCB4IDMpIC8gNSA9IDI3MyBtdWx0aXBsaWVzIHBlciBj"
.target_json "eWNsZSkiCiAgICB9LAogICAgImFyZWEiOiB7CiAgICAgICJhcnJheXMiOiB7CiAgICAgICAgInZhbHVlIjogMi44NiwKICAg"
.target_json "ICAgICAidW5pdCI6ICJtbTIiLAogICAgICAgICJzb3VyY2UiOiAiSHlGbGV4UElNIHBhcGVyLCBkaWdpdGFsIG1vZHVsZSB0"
.target_json "YWJsZTogUlJBTSBhcnJheXMgMi44NiBtbV4yIgogICAgICB9LAogICAgICAiaW5wdXRSZWdpc3RlciI6IHsKICAgICAgICAi"
.target_json "dmFsdWUiOiAwLjAwMzEsCiAgICAgICAgInVuaXQiOiAibW0yIiwKICAgICAgICAic291cmNlIjogIkh5RmxleFBJTSBwYXBl"
.target_json "ciwgZGlnaXRhbCBtb2R1bGUgdGFibGU6IElSIDAuMDAzMSBtbV4yIgogICAgICB9LAogICAgICAib3V0cHV0UmVnaXN0ZXIi"
.target_json "OiB7CiAgICAgICAgInZhbHVlIjogMC4wMDMyLAogICAgICAgICJ1bml0IjogIm1tMiIsCiAgICAgICAgInNvdXJjZSI6ICJI"
.target_json "eUZsZXhQSU0gcGFwZXIsIGRpZ2l0YWwgbW9kdWxlIHRhYmxlOiBPUiAwLjAwMzIgbW1eMiIKICAgICAgfSwKICAgICAgIndv"
.target_json "cmRMaW5lRHJpdmVycyI6IHsKICAgICAgICAidmFsdWUiOiAwLjE0LAogICAgICAgICJ1bml0IjogIm1tMiIsCiAgICAgICAg"
.target_json "InNvdXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIGRpZ2l0YWwgbW9kdWxlIHRhYmxlOiB3b3JkLWxpbmUgZHJpdmVycyAoMS1i"
.target_json "aXQsIDEwMjQgeCAyNTYpIDAuMTQgbW1eMiIKICAgICAgfSwKICAgICAgInNoaWZ0QWRkIjogewogICAgICAgICJ2YWx1ZSI6"
.target_json "IDAuMjEsCiAgICAgICAgInVuaXQiOiAibW0yIiwKICAgICAgICAic291cmNlIjogIkh5RmxleFBJTSBwYXBlciwgZGlnaXRh"
.target_json "bCBtb2R1bGUgdGFibGU6IFMmQSAwLjIxIG1tXjIiCiAgICAgIH0sCiAgICAgICJzYW1wbGVIb2xkIjogewogICAgICAgICJ2"
.target_json "YWx1ZSI6IDAuMDAwMTMsCiAgICAgICAgInVuaXQiOiAibW0yIiwKICAgICAgICAic291cmNlIjogIkh5RmxleFBJTSBwYXBl"
.target_json "ciwgZGlnaXRhbCBtb2R1bGUgdGFibGU6IFMmSCAxM2UtNSBtbV4yIgogICAgICB9LAogICAgICAic2Z1IjogewogICAgICAg"
.target_json "ICJ2YWx1ZSI6IDQuNzksCiAgICAgICAgInVuaXQiOiAibW0yIiwKICAgICAgICAic291cmNlIjogIkh5RmxleFBJTSBwYXBl"
.target_json "ciwgZGlnaXRhbCBtb2R1bGUgdGFibGU6IFNGVSA0Ljc5IG1tXjIiCiAgICAgIH0KICAgIH0sCiAgICAicG93ZXIiOiB7CiAg"
.target_json "ICAgICJhcnJheXMiOiB7CiAgICAgICAgInZhbHVlIjogMzg5MC4wMiwKICAgICAgICAidW5pdCI6ICJtVyIsCiAgICAgICAg"
.target_json "InNvdXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIGRpZ2l0YWwgbW9kdWxlIHRhYmxlOiBSUkFNIGFycmF5cyAzLDg5MC4wMiBt"
.target_json "VyIKICAgICAgfSwKICAgICAgImlucHV0UmVnaXN0ZXIiOiB7CiAgICAgICAgInZhbHVlIjogMC43NiwKICAgICAgICAidW5p"
.target_json "dCI6ICJtVyIsCiAgICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIGRpZ2l0YWwgbW9kdWxlIHRhYmxlOiBJUiAw"
.target_json "Ljc2IG1XIgogICAgICB9LAogICAgICAib3V0cHV0UmVnaXN0ZXIiOiB7CiAgICAgICAgInZhbHVlIjogMS42NSwKICAgICAg"
.target_json "ICAidW5pdCI6ICJtVyIsCiAgICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIGRpZ2l0YWwgbW9kdWxlIHRhYmxl"
.target_json "OiBPUiAxLjY1IG1XIgogICAgICB9LAogICAgICAid29yZExpbmVEcml2ZXJzIjogewogICAgICAgICJ2YWx1ZSI6IDIzODEu"
.target_json "NjQsCiAgICAgICAgInVuaXQiOiAibVciLAogICAgICAgICJzb3VyY2UiOiAiSHlGbGV4UElNIHBhcGVyLCBkaWdpdGFsIG1v"
.target_json "ZHVsZSB0YWJsZTogd29yZC1saW5lIGRyaXZlcnMgMiwzODEuNjQgbVciCiAgICAgIH0sCiAgICAgICJzaGlmdEFkZCI6IHsK"
.target_json "ICAgICAgICAidmFsdWUiOiAxMTkuMDgsCiAgICAgICAgInVuaXQiOiAibVciLAogICAgICAgICJzb3VyY2UiOiAiSHlGbGV4"
.target_json "UElNIHBhcGVyLCBkaWdpdGFsIG1vZHVsZSB0YWJsZTogUyZBIDExOS4wOCBtVyIKICAgICAgfSwKICAgICAgInNhbXBsZUhv"
.target_json "bGQiOiB7CiAgICAgICAgInZhbHVlIjogMC4wMDAwMjMsCiAgICAgICAgInVuaXQiOiAibVciLAogICAgICAgICJzb3VyY2Ui"
.target_json "OiAiSHlGbGV4UElNIHBhcGVyLCBkaWdpdGFsIG1vZHVsZSB0YWJsZTogUyZIIDIzZS02IG1XIgogICAgICB9LAogICAgICAi"
.target_json "c2Z1IjogewogICAgICAgICJ2YWx1ZSI6IDEzOC44OSwKICAgICAgICAidW5pdCI6ICJtVyIsCiAgICAgICAgInNvdXJjZSI6"
.target_json "ICJIeUZsZXhQSU0gcGFwZXIsIGRpZ2l0YWwgbW9kdWxlIHRhYmxlOiBTRlUgMTM4Ljg5IG1XIgogICAgICB9CiAgICB9CiAg"
.target_json "fSwKICAiZW5lcmd5IjogewogICAgInNoYXJlZEJ1cyI6IHsKICAgICAgInZhbHVlIjogMC41LAogICAgICAidW5pdCI6ICJw"
.target_json "Si9iaXQiLAogICAgICAic291cmNlIjogIm9wZW4gcGFyYW1ldGVyICh0aGUgcGFwZXIgZ2l2ZXMgbm8gYnVzIGVuZXJneSk6"
.target_json "IGVzdGltYXRlIGZvciBhIGJ1cyBvZiBhIGZldyBtbSBhdCA2NSBubSwgdGhlIG9yZGVyIG9mIG1hZ25pdHVkZSBvZiBvbi1j"
.target_json "aGlwIHdpcmUgZW5lcmd5IGluIEtlY2tsZXIgZXQgYWwuLCBJRUVFIE1pY3JvIDIwMTEgKGFzIGhwaW0ncyBlbmVyZ3kubm9j"
.target_json "LmhvcCkiCiAgICB9LAogICAgImludGVyUHUiOiB7CiAgICAgICJ2YWx1ZSI6IDAuNSwKICAgICAgInVuaXQiOiAicEovYml0"
.target_json "IiwKICAgICAgInNvdXJjZSI6ICJvcGVuIHBhcmFtZXRlciAodGhlIHBhcGVyIGdpdmVzIG5vIGludGVyY29ubmVjdCBlbmVy"
.target_json "Z3kpOiB0aGUgc2FtZSBvbi1jaGlwIHdpcmUgZXN0aW1hdGUgYXMgZW5lcmd5LnNoYXJlZEJ1cyAoS2Vja2xlciBldCBhbC4s"
.target_json "IElFRUUgTWljcm8gMjAxMSkiCiAgICB9LAogICAgInBjaWUiOiB7CiAgICAgICJ2YWx1ZSI6IDUsCiAgICAgICJ1bml0Ijog"
.target_json "InBKL2JpdCIsCiAgICAgICJzb3VyY2UiOiAib3BlbiBwYXJhbWV0ZXIgKHRoZSBwYXBlciBnaXZlcyBubyBQQ0llIGVuZXJn"
.target_json "eSk6IGVzdGltYXRlIG9mIGEgUENJZSA2LjAgUEFNNCBTZXJEZXMgbGluaywgcHVibGlzaGVkIDY0LTExMiBHYi9zIFBBTTQg"
.target_json "dHJhbnNjZWl2ZXJzIGFyZSBpbiB0aGUgNC02IHBKL2JpdCByYW5nZSAoZS5nLiBJU1NDQyAyMDIxLTIwMjIgd2lyZWxpbmUg"
.target_json "c2Vzc2lvbnMpIgogICAgfQogIH0sCiAgImRldmljZSI6IHsKICAgICJyT24iOiB7CiAgICAgICJ2YWx1ZSI6IDYsCiAgICAg"
.target_json "ICJ1bml0IjogImtvaG0iLAogICAgICAic291cmNlIjogIkh5RmxleFBJTSBwYXBlciwgbm9pc2UgbW9kZWw6IFJfT04gNiBr"
.target_json "T2htIgogICAgfSwKICAgICJvbk9mZlJhdGlvIjogewogICAgICAidmFsdWUiOiAxNTAsCiAgICAgICJ1bml0IjogImZyYWN0"
.target_json "aW9uIiwKICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIG5vaXNlIG1vZGVsOiBvbi9vZmYgcmF0aW8gMTUwIgog"
.target_json "ICAgfSwKICAgICJtbGNCaXRFcnJvclJhdGUiOiB7CiAgICAgICJ2YWx1ZSI6IDQuMDQsCiAgICAgICJ1bml0IjogIiUiLAog"
.target_json "ICAgICAic291cmNlIjogIkh5RmxleFBJTSBwYXBlciwgbm9pc2UgbW9kZWw6IDQuMDQlIGJpdCBlcnJvciByYXRlIG1lYXN1"
.target_json "cmVkIG9uIDMgbWlsbGlvbiAyLWJpdCBNTEMgUlJBTSBjZWxscyBvbmUgZGF5IGFmdGVyIHByb2dyYW1taW5nIgogICAgfQog"
.target_json "IH0sCiAgInRvdGFscyI6IHsKICAgICJhbmFsb2dNb2R1bGVBcmVhIjogewogICAgICAidmFsdWUiOiAwLjQ3LAogICAgICAi"
.target_json "dW5pdCI6ICJtbTIiLAogICAgICAic291cmNlIjogIkh5RmxleFBJTSBwYXBlciwgYW5hbG9nIG1vZHVsZSB0YWJsZTogbW9k"
.target_json "dWxlIHN1bSAwLjQ3IG1tXjIiCiAgICB9LAogICAgImFuYWxvZ01vZHVsZVBvd2VyIjogewogICAgICAidmFsdWUiOiA5MzAu"
.target_json "NjksCiAgICAgICJ1bml0IjogIm1XIiwKICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIGFuYWxvZyBtb2R1bGUg"
.target_json "dGFibGU6IG1vZHVsZSBzdW0gOTMwLjY5IG1XIgogICAgfSwKICAgICJhbmFsb2dBcmVhIjogewogICAgICAidmFsdWUiOiAx"
.target_json "MS4yNCwKICAgICAgInVuaXQiOiAibW0yIiwKICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIGFuYWxvZyBtb2R1"
.target_json "bGUgdGFibGU6IGFsbCBhbmFsb2cgbW9kdWxlcyAoMjQpIDExLjI0IG1tXjIiCiAgICB9LAogICAgImFuYWxvZ1Bvd2VyIjog"
.target_json "ewogICAgICAidmFsdWUiOiAyMjMzNi41OSwKICAgICAgInVuaXQiOiAibVciLAogICAgICAic291cmNlIjogIkh5RmxleFBJ"
.target_json "TSBwYXBlciwgYW5hbG9nIG1vZHVsZSB0YWJsZTogYWxsIGFuYWxvZyBtb2R1bGVzICgyNCkgMjIsMzM2LjU5IG1XIgogICAg"
.target_json "fSwKICAgICJkaWdpdGFsTW9kdWxlQXJlYSI6IHsKICAgICAgInZhbHVlIjogOC4wMSwKICAgICAgInVuaXQiOiAibW0yIiwK"
.target_json "ICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFwZXIsIGRpZ2l0YWwgbW9kdWxlIHRhYmxlOiBtb2R1bGUgc3VtIDguMDEg"
.target_json "bW1eMiIKICAgIH0sCiAgICAiZGlnaXRhbE1vZHVsZVBvd2VyIjogewogICAgICAidmFsdWUiOiA2NTMyLjA1LAogICAgICAi"
.target_json "dW5pdCI6ICJtVyIsCiAgICAgICJzb3VyY2UiOiAiSHlGbGV4UElNIHBhcGVyLCBkaWdpdGFsIG1vZHVsZSB0YWJsZTogbW9k"
.target_json "dWxlIHN1bSA2LDUzMi4wNSBtVyIKICAgIH0sCiAgICAiZGlnaXRhbEFyZWEiOiB7CiAgICAgICJ2YWx1ZSI6IDY0LjA1LAog"
.target_json "ICAgICAidW5pdCI6ICJtbTIiLAogICAgICAic291cmNlIjogIkh5RmxleFBJTSBwYXBlciwgZGlnaXRhbCBtb2R1bGUgdGFi"
.target_json "bGU6IGFsbCBkaWdpdGFsIG1vZHVsZXMgKDgpIDY0LjA1IG1tXjIiCiAgICB9LAogICAgImRpZ2l0YWxQb3dlciI6IHsKICAg"
.target_json "ICAgInZhbHVlIjogNTIyNTYuNDEsCiAgICAgICJ1bml0IjogIm1XIiwKICAgICAgInNvdXJjZSI6ICJIeUZsZXhQSU0gcGFw"
.target_json "ZXIsIGRpZ2l0YWwgbW9kdWxlIHRhYmxlOiBhbGwgZGlnaXRhbCBtb2R1bGVzICg4KSA1MiwyNTYuNDEgbVciCiAgICB9CiAg"
.target_json "fQp9Cg=="
.workload prompt=4, generated=4, positions=8, model="tiny-gpt2", programs="prefill,decode"
.region "wte.weight.int8", weight, hfp_xbar, pu=22, module=0, array=0, size=16384
.region "h.0.c_attn.q.weight.svd_vt.int8", weight, hfp_xbar, pu=0, module=0, array=0, size=4096
.region "h.0.c_attn.q.weight.svd_u.int8", weight, hfp_xbar, pu=0, module=1, array=0, size=12288
.region "h.0.c_attn.k.weight.svd_vt.int8", weight, hfp_xbar, pu=0, module=2, array=0, size=4096
.region "h.0.c_attn.k.weight.svd_u.int8", weight, hfp_xbar, pu=0, module=3, array=0, size=12288
.region "h.0.c_attn.v.weight.svd_vt.int8", weight, hfp_xbar, pu=0, module=4, array=0, size=4096
.region "h.0.c_attn.v.weight.svd_u.int8", weight, hfp_xbar, pu=0, module=5, array=0, size=12288
.region "h.0.c_proj.weight.svd_vt.int8", weight, hfp_xbar, pu=0, module=6, array=0, size=4096
.region "h.0.c_proj.weight.svd_u.int8", weight, hfp_xbar, pu=0, module=7, array=0, size=12288
.region "h.0.c_fc.weight.svd_vt.int8", weight, hfp_xbar, pu=0, module=8, array=0, size=6144
.region "h.0.c_fc.weight.svd_u.int8", weight, hfp_xbar, pu=0, module=9, array=0, size=49152
.region "h.0.mlp_c_proj.weight.svd_vt.int8", weight, hfp_xbar, pu=0, module=10, array=0, size=24576
.region "h.0.mlp_c_proj.weight.svd_u.int8", weight, hfp_xbar, pu=0, module=11, array=0, size=12288
.region "h.1.c_attn.q.weight.svd_vt.int8", weight, hfp_xbar, pu=11, module=0, array=0, size=4096
.region "h.1.c_attn.q.weight.svd_u.int8", weight, hfp_xbar, pu=11, module=1, array=0, size=12288
.region "h.1.c_attn.k.weight.svd_vt.int8", weight, hfp_xbar, pu=11, module=2, array=0, size=4096
.region "h.1.c_attn.k.weight.svd_u.int8", weight, hfp_xbar, pu=11, module=3, array=0, size=12288
.region "h.1.c_attn.v.weight.svd_vt.int8", weight, hfp_xbar, pu=11, module=4, array=0, size=4096
.region "h.1.c_attn.v.weight.svd_u.int8", weight, hfp_xbar, pu=11, module=5, array=0, size=12288
.region "h.1.c_proj.weight.svd_vt.int8", weight, hfp_xbar, pu=11, module=6, array=0, size=4096
.region "h.1.c_proj.weight.svd_u.int8", weight, hfp_xbar, pu=11, module=7, array=0, size=12288
.region "h.1.c_fc.weight.svd_vt.int8", weight, hfp_xbar, pu=11, module=8, array=0, size=6144
.region "h.1.c_fc.weight.svd_u.int8", weight, hfp_xbar, pu=11, module=9, array=0, size=49152
.region "h.1.mlp_c_proj.weight.svd_vt.int8", weight, hfp_xbar, pu=11, module=10, array=0, size=24576
.region "h.1.mlp_c_proj.weight.svd_u.int8", weight, hfp_xbar, pu=11, module=11, array=0, size=12288
.region "h.0.ln_1.weight", weight, hfp_buf, pu=0, addr=0, size=128
.region "h.0.ln_1.bias", weight, hfp_buf, pu=0, addr=256, size=128
.region "h.0.c_attn.q.weight.svd_vt.scale", weight, hfp_buf, pu=0, addr=512, size=64
.region "h.0.c_attn.q.weight.svd_u.scale", weight, hfp_buf, pu=0, addr=768, size=128
.region "h.0.c_attn.q.bias", weight, hfp_buf, pu=0, addr=1024, size=128
.region "h.0.c_attn.k.weight.svd_vt.scale", weight, hfp_buf, pu=0, addr=1280, size=64
.region "h.0.c_attn.k.weight.svd_u.scale", weight, hfp_buf, pu=0, addr=1536, size=128
.region "h.0.c_attn.k.bias", weight, hfp_buf, pu=0, addr=1792, size=128
.region "h.0.c_attn.v.weight.svd_vt.scale", weight, hfp_buf, pu=0, addr=2048, size=64
.region "h.0.c_attn.v.weight.svd_u.scale", weight, hfp_buf, pu=0, addr=2304, size=128
.region "h.0.c_attn.v.bias", weight, hfp_buf, pu=0, addr=2560, size=128
.region "h.0.c_proj.weight.svd_vt.scale", weight, hfp_buf, pu=0, addr=2816, size=64
.region "h.0.c_proj.weight.svd_u.scale", weight, hfp_buf, pu=0, addr=3072, size=128
.region "h.0.c_proj.bias", weight, hfp_buf, pu=0, addr=3328, size=128
.region "h.0.ln_2.weight", weight, hfp_buf, pu=0, addr=3584, size=128
.region "h.0.ln_2.bias", weight, hfp_buf, pu=0, addr=3840, size=128
.region "h.0.c_fc.weight.svd_vt.scale", weight, hfp_buf, pu=0, addr=4096, size=102
.region "h.0.c_fc.weight.svd_u.scale", weight, hfp_buf, pu=0, addr=4352, size=512
.region "h.0.c_fc.bias", weight, hfp_buf, pu=0, addr=4864, size=512
.region "h.0.mlp_c_proj.weight.svd_vt.scale", weight, hfp_buf, pu=0, addr=5376, size=102
.region "h.0.mlp_c_proj.weight.svd_u.scale", weight, hfp_buf, pu=0, addr=5632, size=128
.region "h.0.mlp_c_proj.bias", weight, hfp_buf, pu=0, addr=5888, size=128
.region "h.1.ln_1.weight", weight, hfp_buf, pu=0, addr=6144, size=128
.region "h.1.ln_1.bias", weight, hfp_buf, pu=0, addr=6400, size=128
.region "h.1.c_attn.q.weight.svd_vt.scale", weight, hfp_buf, pu=11, addr=0, size=64
.region "h.1.c_attn.q.weight.svd_u.scale", weight, hfp_buf, pu=11, addr=256, size=128
.region "h.1.c_attn.q.bias", weight, hfp_buf, pu=11, addr=512, size=128
.region "h.1.c_attn.k.weight.svd_vt.scale", weight, hfp_buf, pu=11, addr=768, size=64
.region "h.1.c_attn.k.weight.svd_u.scale", weight, hfp_buf, pu=11, addr=1024, size=128
.region "h.1.c_attn.k.bias", weight, hfp_buf, pu=11, addr=1280, size=128
.region "h.1.c_attn.v.weight.svd_vt.scale", weight, hfp_buf, pu=11, addr=1536, size=64
.region "h.1.c_attn.v.weight.svd_u.scale", weight, hfp_buf, pu=11, addr=1792, size=128
.region "h.1.c_attn.v.bias", weight, hfp_buf, pu=11, addr=2048, size=128
.region "h.1.c_proj.weight.svd_vt.scale", weight, hfp_buf, pu=11, addr=2304, size=64
.region "h.1.c_proj.weight.svd_u.scale", weight, hfp_buf, pu=11, addr=2560, size=128
.region "h.1.c_proj.bias", weight, hfp_buf, pu=11, addr=2816, size=128
.region "h.1.ln_2.weight", weight, hfp_buf, pu=11, addr=3072, size=128
.region "h.1.ln_2.bias", weight, hfp_buf, pu=11, addr=3328, size=128
.region "h.1.c_fc.weight.svd_vt.scale", weight, hfp_buf, pu=11, addr=3584, size=102
.region "h.1.c_fc.weight.svd_u.scale", weight, hfp_buf, pu=11, addr=3840, size=512
.region "h.1.c_fc.bias", weight, hfp_buf, pu=11, addr=4352, size=512
.region "h.1.mlp_c_proj.weight.svd_vt.scale", weight, hfp_buf, pu=11, addr=4864, size=102
.region "h.1.mlp_c_proj.weight.svd_u.scale", weight, hfp_buf, pu=11, addr=5120, size=128
.region "h.1.mlp_c_proj.bias", weight, hfp_buf, pu=11, addr=5376, size=128
.region "ln_f.weight", weight, hfp_buf, pu=11, addr=5632, size=128
.region "ln_f.bias", weight, hfp_buf, pu=11, addr=5888, size=128
.region "wte.weight.scale", weight, hfp_buf, pu=22, addr=0, size=512
.region "wte.weight", weight, hfp_host, table=0, addr=0, size=32768
.region "wpe.weight", weight, hfp_host, table=1, addr=0, size=16384
.region "kv.layers.0.k", kv_cache, hfp_buf, pu=0, addr=16777216, size=2048
.region "kv.layers.0.v", kv_cache, hfp_buf, pu=0, addr=16779264, size=2048
.region "kv.layers.0.k.scale", kv_cache, hfp_buf, pu=0, addr=16781312, size=256
.region "kv.layers.0.v.scale", kv_cache, hfp_buf, pu=0, addr=16781568, size=256
.region "kv.layers.1.k", kv_cache, hfp_buf, pu=11, addr=16777216, size=2048
.region "kv.layers.1.v", kv_cache, hfp_buf, pu=11, addr=16779264, size=2048
.region "kv.layers.1.k.scale", kv_cache, hfp_buf, pu=11, addr=16781312, size=256
.region "kv.layers.1.v.scale", kv_cache, hfp_buf, pu=11, addr=16781568, size=256
.region "activations.pu0", activation, hfp_buf, pu=0, addr=6656, size=16896
.region "activations.pu11", activation, hfp_buf, pu=11, addr=6144, size=15872
.region "activations.pu22", activation, hfp_buf, pu=22, addr=512, size=2304

.hfp_analog 0
.entry prefill
    ev.wait event=1, count=1                    ; 0: 0xF100010010000000
    ag.shape in=64, out=32, bits=8, tokens=4    ; 1: 0x1000400008200040
    ag.split slc=2, axis=out, tile=0            ; 2: 0x1100010000000000
    ag.gemv module=0, first=0, last=1, src=30, dst=39, acc=set ; 3: 0x12000002003C004E
    ev.sig event=2, count=1                     ; 4: 0xF000020010000000
    ev.wait event=3, count=1                    ; 5: 0xF100030010000000
    ag.shape in=32, out=64, bits=8, tokens=4    ; 6: 0x1000200010200040
    ag.split slc=2, axis=in, tile=0             ; 7: 0x1100014000000000
    ag.gemv module=1, first=0, last=5, src=43, dst=48, acc=set ; 8: 0x1208000A00560060
    ev.sig event=4, count=1                     ; 9: 0xF000040010000000
    ev.wait event=5, count=1                    ; 10: 0xF100050010000000
    ag.shape in=64, out=32, bits=8, tokens=4    ; 11: 0x1000400008200040
    ag.split slc=2, axis=out, tile=0            ; 12: 0x1100010000000000
    ag.gemv module=2, first=0, last=1, src=30, dst=39, acc=set ; 13: 0x12100002003C004E
    ev.sig event=6, count=1                     ; 14: 0xF000060010000000
    ev.wait event=7, count=1                    ; 15: 0xF100070010000000
    ag.shape in=32, out=64, bits=8, tokens=4    ; 16: 0x1000200010200040
    ag.split slc=2, axis=in, tile=0             ; 17: 0x1100014000000000
    ag.gemv module=3, first=0, last=5, src=47, dst=52, acc=set ; 18: 0x1218000A005E0068
    ev.sig event=8, count=1                     ; 19: 0xF000080010000000
    ev.sig event=17, count=1                    ; 20: 0xF000110010000000
    ev.wait event=9, count=1                    ; 21: 0xF100090010000000
    ag.shape in=64, out=32, bits=8, tokens=4    ; 22: 0x1000400008200040
    ag.split slc=2, axis=out, tile=0            ; 23: 0x1100010000000000
    ag.gemv module=4, first=0, last=1, src=30, dst=39, acc=set ; 24: 0x12200002003C004E
    ev.sig event=10, count=1                    ; 25: 0xF0000A0010000000
    ev.wait event=11, count=1                   ; 26: 0xF1000B0010000000
    ag.shape in=32, out=64, bits=8, tokens=4    ; 27: 0x1000200010200040
    ag.split slc=2, axis=in, tile=0             ; 28: 0x1100014000000000
    ag.gemv module=5, first=0, last=5, src=30, dst=39, acc=set ; 29: 0x1228000A003C004E
    ev.sig event=12, count=1                    ; 30: 0xF0000C0010000000
    ev.wait event=19, count=1                   ; 31: 0xF100130010000000
    ev.wait event=20, count=1                   ; 32: 0xF100140010000000
    ag.shape in=64, out=32, bits=8, tokens=4    ; 33: 0x1000400008200040
    ag.split slc=2, axis=out, tile=0            ; 34: 0x1100010000000000
    ag.gemv module=6, first=0, last=1, src=26, dst=38, acc=set ; 35: 0x123000020034004C
    ev.sig event=21, count=1                    ; 36: 0xF000150010000000
    ev.wait event=22, count=1                   ; 37: 0xF100160010000000
    ev.wait event=23, count=1                   ; 38: 0xF100170010000000
    ag.shape in=32, out=64, bits=8, tokens=4    ; 39: 0x1000200010200040
    ag.split slc=2, axis=in, tile=0             ; 40: 0x1100014000000000
    ag.gemv module=7, first=0, last=5, src=30, dst=39, acc=set ; 41: 0x1238000A003C004E
    ev.sig event=24, count=1                    ; 42: 0xF000180010000000
    ev.wait event=25, count=1                   ; 43: 0xF100190010000000
    ev.wait event=26, count=1                   ; 44: 0xF1001A0010000000
    ag.shape in=64, out=51, bits=8, tokens=4    ; 45: 0x100040000CE00040
    ag.split slc=3, axis=out, tile=0            ; 46: 0x1100018000000000
    ag.gemv module=8, first=0, last=2, src=34, dst=39, acc=set ; 47: 0x124000040044004E
    ev.sig event=27, count=1                    ; 48: 0xF0001B0010000000
    ev.wait event=28, count=1                   ; 49: 0xF1001C0010000000
    ag.shape in=51, out=256, bits=8, tokens=4   ; 50: 0x1000330040200040
    ag.split slc=3, axis=in, tile=0             ; 51: 0x110001C000000000
    ag.gemv module=9, first=0, last=23, src=34, dst=39, acc=set ; 52: 0x1248002E0044004E
    ev.sig event=29, count=1                    ; 53: 0xF0001D0010000000
    ev.wait event=30, count=1                   ; 54: 0xF1001E0010000000
    ag.shape in=256, out=51, bits=8, tokens=4   ; 55: 0x100100000CE00040
    ag.split slc=3, axis=out, tile=0            ; 56: 0x1100018000000000
    ag.gemv module=10, first=0, last=11, src=38, dst=43, acc=set ; 57: 0x12500016004C0056
    ev.sig event=31, count=1                    ; 58: 0xF0001F0010000000
    ev.wait event=32, count=1                   ; 59: 0xF100200010000000
    ag.shape in=51, out=64, bits=8, tokens=4    ; 60: 0x1000330010200040
    ag.split slc=3, axis=in, tile=0             ; 61: 0x110001C000000000
    ag.gemv module=11, first=0, last=5, src=34, dst=39, acc=set ; 62: 0x1258000A0044004E
    ev.sig event=33, count=1                    ; 63: 0xF000210010000000
.entry decode
    ev.wait event=1, count=1                    ; 64: 0xF100010010000000
    ag.shape in=64, out=32, bits=8, tokens=1    ; 65: 0x1000400008200010
    ag.split slc=2, axis=out, tile=0            ; 66: 0x1100010000000000
    ag.gemv module=0, first=0, last=1, src=27, dst=30, acc=set ; 67: 0x120000020036003C
    ev.sig event=2, count=1                     ; 68: 0xF000020010000000
    ev.wait event=3, count=1                    ; 69: 0xF100030010000000
    ag.shape in=32, out=64, bits=8, tokens=1    ; 70: 0x1000200010200010
    ag.split slc=2, axis=in, tile=0             ; 71: 0x1100014000000000
    ag.gemv module=1, first=0, last=5, src=31, dst=33, acc=set ; 72: 0x1208000A003E0042
    ev.sig event=4, count=1                     ; 73: 0xF000040010000000
    ev.wait event=5, count=1                    ; 74: 0xF100050010000000
    ag.shape in=64, out=32, bits=8, tokens=1    ; 75: 0x1000400008200010
    ag.split slc=2, axis=out, tile=0            ; 76: 0x1100010000000000
    ag.gemv module=2, first=0, last=1, src=27, dst=30, acc=set ; 77: 0x121000020036003C
    ev.sig event=6, count=1                     ; 78: 0xF000060010000000
    ev.wait event=7, count=1                    ; 79: 0xF100070010000000
    ag.shape in=32, out=64, bits=8, tokens=1    ; 80: 0x1000200010200010
    ag.split slc=2, axis=in, tile=0             ; 81: 0x1100014000000000
    ag.gemv module=3, first=0, last=5, src=32, dst=34, acc=set ; 82: 0x1218000A00400044
    ev.sig event=8, count=1                     ; 83: 0xF000080010000000
    ev.wait event=9, count=1                    ; 84: 0xF100090010000000
    ag.shape in=64, out=32, bits=8, tokens=1    ; 85: 0x1000400008200010
    ag.split slc=2, axis=out, tile=0            ; 86: 0x1100010000000000
    ag.gemv module=4, first=0, last=1, src=27, dst=30, acc=set ; 87: 0x122000020036003C
    ev.sig event=10, count=1                    ; 88: 0xF0000A0010000000
    ev.wait event=11, count=1                   ; 89: 0xF1000B0010000000
    ag.shape in=32, out=64, bits=8, tokens=1    ; 90: 0x1000200010200010
    ag.split slc=2, axis=in, tile=0             ; 91: 0x1100014000000000
    ag.gemv module=5, first=0, last=5, src=27, dst=30, acc=set ; 92: 0x1228000A0036003C
    ev.sig event=12, count=1                    ; 93: 0xF0000C0010000000
    ev.wait event=18, count=1                   ; 94: 0xF100120010000000
    ev.wait event=19, count=1                   ; 95: 0xF100130010000000
    ag.shape in=64, out=32, bits=8, tokens=1    ; 96: 0x1000400008200010
    ag.split slc=2, axis=out, tile=0            ; 97: 0x1100010000000000
    ag.gemv module=6, first=0, last=1, src=26, dst=29, acc=set ; 98: 0x123000020034003A
    ev.sig event=20, count=1                    ; 99: 0xF000140010000000
    ev.wait event=21, count=1                   ; 100: 0xF100150010000000
    ev.wait event=22, count=1                   ; 101: 0xF100160010000000
    ag.shape in=32, out=64, bits=8, tokens=1    ; 102: 0x1000200010200010
    ag.split slc=2, axis=in, tile=0             ; 103: 0x1100014000000000
    ag.gemv module=7, first=0, last=5, src=27, dst=30, acc=set ; 104: 0x1238000A0036003C
    ev.sig event=23, count=1                    ; 105: 0xF000170010000000
    ev.wait event=24, count=1                   ; 106: 0xF100180010000000
    ev.wait event=25, count=1                   ; 107: 0xF100190010000000
    ag.shape in=64, out=51, bits=8, tokens=1    ; 108: 0x100040000CE00010
    ag.split slc=3, axis=out, tile=0            ; 109: 0x1100018000000000
    ag.gemv module=8, first=0, last=2, src=28, dst=30, acc=set ; 110: 0x124000040038003C
    ev.sig event=26, count=1                    ; 111: 0xF0001A0010000000
    ev.wait event=27, count=1                   ; 112: 0xF1001B0010000000
    ag.shape in=51, out=256, bits=8, tokens=1   ; 113: 0x1000330040200010
    ag.split slc=3, axis=in, tile=0             ; 114: 0x110001C000000000
    ag.gemv module=9, first=0, last=23, src=28, dst=30, acc=set ; 115: 0x1248002E0038003C
    ev.sig event=28, count=1                    ; 116: 0xF0001C0010000000
    ev.wait event=29, count=1                   ; 117: 0xF1001D0010000000
    ag.shape in=256, out=51, bits=8, tokens=1   ; 118: 0x100100000CE00010
    ag.split slc=3, axis=out, tile=0            ; 119: 0x1100018000000000
    ag.gemv module=10, first=0, last=11, src=29, dst=31, acc=set ; 120: 0x12500016003A003E
    ev.sig event=30, count=1                    ; 121: 0xF0001E0010000000
    ev.wait event=31, count=1                   ; 122: 0xF1001F0010000000
    ag.shape in=51, out=64, bits=8, tokens=1    ; 123: 0x1000330010200010
    ag.split slc=3, axis=in, tile=0             ; 124: 0x110001C000000000
    ag.gemv module=11, first=0, last=5, src=28, dst=30, acc=set ; 125: 0x1258000A0038003C
    ev.sig event=32, count=1                    ; 126: 0xF000200010000000

.hfp_analog 11
.entry prefill
    ev.wait event=36, count=1                   ; 0: 0xF100240010000000
    ag.shape in=64, out=32, bits=8, tokens=4    ; 1: 0x1000400008200040
    ag.split slc=2, axis=out, tile=0            ; 2: 0x1100010000000000
    ag.gemv module=0, first=0, last=1, src=28, dst=33, acc=set ; 3: 0x1200000200380042
    ev.sig event=37, count=1                    ; 4: 0xF000250010000000
    ev.wait event=38, count=1                   ; 5: 0xF100260010000000
    ag.shape in=32, out=64, bits=8, tokens=4    ; 6: 0x1000200010200040
    ag.split slc=2, axis=in, tile=0             ; 7: 0x1100014000000000
    ag.gemv module=1, first=0, last=5, src=37, dst=42, acc=set ; 8: 0x1208000A004A0054
    ev.sig event=39, count=1                    ; 9: 0xF000270010000000
    ev.wait event=40, count=1                   ; 10: 0xF100280010000000
    ag.shape in=64, out=32, bits=8, tokens=4    ; 11: 0x1000400008200040
    ag.split slc=2, axis=out, tile=0            ; 12: 0x1100010000000000
    ag.gemv module=2, first=0, last=1, src=28, dst=33, acc=set ; 13: 0x1210000200380042
    ev.sig event=41, count=1                    ; 14: 0xF000290010000000
    ev.wait event=42, count=1                   ; 15: 0xF1002A0010000000
    ag.shape in=32, out=64, bits=8, tokens=4    ; 16: 0x1000200010200040
    ag.split slc=2, axis=in, tile=0             ; 17: 0x1100014000000000
    ag.gemv module=3, first=0, last=5, src=41, dst=46, acc=set ; 18: 0x1218000A0052005C
    ev.sig event=43, count=1                    ; 19: 0xF0002B0010000000
    ev.sig event=53, count=1                    ; 20: 0xF000350010000000
    ev.wait event=44, count=1                   ; 21: 0xF1002C0010000000
    ag.shape in=64, out=32, bits=8, tokens=4    ; 22: 0x1000400008200040
    ag.split slc=2, axis=out, tile=0            ; 23: 0x1100010000000000
    ag.gemv module=4, first=0, last=1, src=28, dst=33, acc=set ; 24: 0x1220000200380042
    ev.sig event=45, count=1                    ; 25: 0xF0002D0010000000
    ev.wait event=46, count=1                   ; 26: 0xF1002E0010000000
    ev.wait event=47, count=1                   ; 27: 0xF1002F0010000000
    ag.shape in=32, out=64, bits=8, tokens=4    ; 28: 0x1000200010200040
    ag.split slc=2, axis=in, tile=0             ; 29: 0x1100014000000000
    ag.gemv module=5, first=0, last=5, src=28, dst=33, acc=set ; 30: 0x1228000A00380042
    ev.sig event=48, count=1                    ; 31: 0xF000300010000000
    ev.wait event=55, count=1                   ; 32: 0xF100370010000000
    ev.wait event=56, count=1                   ; 33: 0xF100380010000000
    ag.shape in=64, out=32, bits=8, tokens=4    ; 34: 0x1000400008200040
    ag.split slc=2, axis=out, tile=0            ; 35: 0x1100010000000000
    ag.gemv module=6, first=0, last=1, src=24, dst=29, acc=set ; 36: 0x123000020030003A
    ev.sig event=57, count=1                    ; 37: 0xF000390010000000
    ev.wait event=58, count=1                   ; 38: 0xF1003A0010000000
    ev.wait event=59, count=1                   ; 39: 0xF1003B0010000000
    ag.shape in=32, out=64, bits=8, tokens=4    ; 40: 0x1000200010200040
    ag.split slc=2, axis=in, tile=0             ; 41: 0x1100014000000000
    ag.gemv module=7, first=0, last=5, src=28, dst=33, acc=set ; 42: 0x1238000A00380042
    ev.sig event=60, count=1                    ; 43: 0xF0003C0010000000
    ev.sig event=62, count=1                    ; 44: 0xF0003E0010000000
    ev.wait event=65, count=1                   ; 45: 0xF100410010000000
    ag.shape in=64, out=51, bits=8, tokens=4    ; 46: 0x100040000CE00040
    ag.split slc=3, axis=out, tile=0            ; 47: 0x1100018000000000
    ag.gemv module=8, first=0, last=2, src=28, dst=37, acc=set ; 48: 0x124000040038004A
    ev.sig event=66, count=1                    ; 49: 0xF000420010000000
    ev.wait event=67, count=1                   ; 50: 0xF100430010000000
    ag.shape in=51, out=256, bits=8, tokens=4   ; 51: 0x1000330040200040
    ag.split slc=3, axis=in, tile=0             ; 52: 0x110001C000000000
    ag.gemv module=9, first=0, last=23, src=28, dst=37, acc=set ; 53: 0x1248002E0038004A
    ev.sig event=68, count=1                    ; 54: 0xF000440010000000
    ev.wait event=69, count=1                   ; 55: 0xF100450010000000
    ag.shape in=256, out=51, bits=8, tokens=4   ; 56: 0x100100000CE00040
    ag.split slc=3, axis=out, tile=0            ; 57: 0x1100018000000000
    ag.gemv module=10, first=0, last=11, src=36, dst=41, acc=set ; 58: 0x1250001600480052
    ev.sig event=70, count=1                    ; 59: 0xF000460010000000
    ev.wait event=71, count=1                   ; 60: 0xF100470010000000
    ag.shape in=51, out=64, bits=8, tokens=4    ; 61: 0x1000330010200040
    ag.split slc=3, axis=in, tile=0             ; 62: 0x110001C000000000
    ag.gemv module=11, first=0, last=5, src=28, dst=37, acc=set ; 63: 0x1258000A0038004A
    ev.sig event=72, count=1                    ; 64: 0xF000480010000000
.entry decode
    ev.wait event=35, count=1                   ; 65: 0xF100230010000000
    ag.shape in=64, out=32, bits=8, tokens=1    ; 66: 0x1000400008200010
    ag.split slc=2, axis=out, tile=0            ; 67: 0x1100010000000000
    ag.gemv module=0, first=0, last=1, src=25, dst=27, acc=set ; 68: 0x1200000200320036
    ev.sig event=36, count=1                    ; 69: 0xF000240010000000
    ev.wait event=37, count=1                   ; 70: 0xF100250010000000
    ag.shape in=32, out=64, bits=8, tokens=1    ; 71: 0x1000200010200010
    ag.split slc=2, axis=in, tile=0             ; 72: 0x1100014000000000
    ag.gemv module=1, first=0, last=5, src=28, dst=30, acc=set ; 73: 0x1208000A0038003C
    ev.sig event=38, count=1                    ; 74: 0xF000260010000000
    ev.wait event=39, count=1                   ; 75: 0xF100270010000000
    ag.shape in=64, out=32, bits=8, tokens=1    ; 76: 0x1000400008200010
    ag.split slc=2, axis=out, tile=0            ; 77: 0x1100010000000000
    ag.gemv module=2, first=0, last=1, src=25, dst=27, acc=set ; 78: 0x1210000200320036
    ev.sig event=40, count=1                    ; 79: 0xF000280010000000
    ev.wait event=41, count=1                   ; 80: 0xF100290010000000
    ag.shape in=32, out=64, bits=8, tokens=1    ; 81: 0x1000200010200010
    ag.split slc=2, axis=in, tile=0             ; 82: 0x1100014000000000
    ag.gemv module=3, first=0, last=5, src=29, dst=31, acc=set ; 83: 0x1218000A003A003E
    ev.sig event=42, count=1                    ; 84: 0xF0002A0010000000
    ev.wait event=43, count=1                   ; 85: 0xF1002B0010000000
    ag.shape in=64, out=32, bits=8, tokens=1    ; 86: 0x1000400008200010
    ag.split slc=2, axis=out, tile=0            ; 87: 0x1100010000000000
    ag.gemv module=4, first=0, last=1, src=25, dst=27, acc=set ; 88: 0x1220000200320036
    ev.sig event=44, count=1                    ; 89: 0xF0002C0010000000
    ev.wait event=45, count=1                   ; 90: 0xF1002D0010000000
    ev.wait event=46, count=1                   ; 91: 0xF1002E0010000000
    ag.shape in=32, out=64, bits=8, tokens=1    ; 92: 0x1000200010200010
    ag.split slc=2, axis=in, tile=0             ; 93: 0x1100014000000000
    ag.gemv module=5, first=0, last=5, src=25, dst=27, acc=set ; 94: 0x1228000A00320036
    ev.sig event=47, count=1                    ; 95: 0xF0002F0010000000
    ev.wait event=53, count=1                   ; 96: 0xF100350010000000
    ev.wait event=54, count=1                   ; 97: 0xF100360010000000
    ag.shape in=64, out=32, bits=8, tokens=1    ; 98: 0x1000400008200010
    ag.split slc=2, axis=out, tile=0            ; 99: 0x1100010000000000
    ag.gemv module=6, first=0, last=1, src=24, dst=26, acc=set ; 100: 0x1230000200300034
    ev.sig event=55, count=1                    ; 101: 0xF000370010000000
    ev.wait event=56, count=1                   ; 102: 0xF100380010000000
    ev.wait event=57, count=1                   ; 103: 0xF100390010000000
    ag.shape in=32, out=64, bits=8, tokens=1    ; 104: 0x1000200010200010
    ag.split slc=2, axis=in, tile=0             ; 105: 0x1100014000000000
    ag.gemv module=7, first=0, last=5, src=25, dst=27, acc=set ; 106: 0x1238000A00320036
    ev.sig event=58, count=1                    ; 107: 0xF0003A0010000000
    ev.sig event=60, count=1                    ; 108: 0xF0003C0010000000
    ev.wait event=63, count=1                   ; 109: 0xF1003F0010000000
    ag.shape in=64, out=51, bits=8, tokens=1    ; 110: 0x100040000CE00010
    ag.split slc=3, axis=out, tile=0            ; 111: 0x1100018000000000
    ag.gemv module=8, first=0, last=2, src=25, dst=28, acc=set ; 112: 0x1240000400320038
    ev.sig event=64, count=1                    ; 113: 0xF000400010000000
    ev.wait event=65, count=1                   ; 114: 0xF100410010000000
    ag.shape in=51, out=256, bits=8, tokens=1   ; 115: 0x1000330040200010
    ag.split slc=3, axis=in, tile=0             ; 116: 0x110001C000000000
    ag.gemv module=9, first=0, last=23, src=25, dst=28, acc=set ; 117: 0x1248002E00320038
    ev.sig event=66, count=1                    ; 118: 0xF000420010000000
    ev.wait event=67, count=1                   ; 119: 0xF100430010000000
    ag.shape in=256, out=51, bits=8, tokens=1   ; 120: 0x100100000CE00010
    ag.split slc=3, axis=out, tile=0            ; 121: 0x1100018000000000
    ag.gemv module=10, first=0, last=11, src=27, dst=29, acc=set ; 122: 0x125000160036003A
    ev.sig event=68, count=1                    ; 123: 0xF000440010000000
    ev.wait event=69, count=1                   ; 124: 0xF100450010000000
    ag.shape in=51, out=64, bits=8, tokens=1    ; 125: 0x1000330010200010
    ag.split slc=3, axis=in, tile=0             ; 126: 0x110001C000000000
    ag.gemv module=11, first=0, last=5, src=25, dst=28, acc=set ; 127: 0x1258000A00320038
    ev.sig event=70, count=1                    ; 128: 0xF000460010000000

.hfp_analog 22
.entry prefill
    ev.wait event=75, count=1                   ; 0: 0xF1004B0010000000
    ag.shape in=64, out=256, bits=8, tokens=1   ; 1: 0x1000400040200010
    ag.split slc=0, axis=out, tile=0            ; 2: 0x1100000000000000
    ag.gemv module=0, first=0, last=7, src=3, dst=5, acc=set ; 3: 0x1200000E0006000A
    ev.sig event=76, count=1                    ; 4: 0xF0004C0010000000
.entry decode
    ev.wait event=73, count=1                   ; 5: 0xF100490010000000
    ag.shape in=64, out=256, bits=8, tokens=1   ; 6: 0x1000400040200010
    ag.split slc=0, axis=out, tile=0            ; 7: 0x1100000000000000
    ag.gemv module=0, first=0, last=7, src=3, dst=5, acc=set ; 8: 0x1200000E0006000A
    ev.sig event=74, count=1                    ; 9: 0xF0004A0010000000

.hfp_digital 0
.entry prefill
    ev.wait event=13, count=1                   ; 0: 0xF1000D0010000000
    dg.shape dim=16, rows=8, queries=4, heads=4, groups=4 ; 1: 0x2004000800101010
    dg.scale src=51, table=65552                ; 2: 0x2600330400400000
    dg.kvw dst=65536, src=39, rows=4            ; 3: 0x23040000009C0040
    ev.wait event=14, count=1                   ; 4: 0xF1000E0010000000
    dg.scale src=56, table=65553                ; 5: 0x2600380400440000
    dg.kvw dst=65544, src=52, rows=4            ; 6: 0x2304002000D00040
    dg.scale src=38, table=65552                ; 7: 0x2600260400400000
    dg.qk dst=60, q=26, k=65536                 ; 8: 0x21003C001A040000
    ev.sig event=15, count=1                    ; 9: 0xF0000F0010000000
    ev.sig event=20, count=1                    ; 10: 0xF000140010000000
    ev.wait event=16, count=1                   ; 11: 0xF100100010000000
    ev.wait event=17, count=1                   ; 12: 0xF100110010000000
    dg.scale src=0, table=65553                 ; 13: 0x2600000400440000
    dg.sv dst=57, p=76, v=65544                 ; 14: 0x220039004C040020
    ev.sig event=18, count=1                    ; 15: 0xF000120010000000
    ev.sig event=23, count=1                    ; 16: 0xF000170010000000
.entry decode
    ev.wait event=13, count=1                   ; 17: 0xF1000D0010000000
    dg.shape dim=16, rows=8, queries=1, heads=4, groups=4 ; 18: 0x2004000800041010
    dg.scale src=33, table=65552                ; 19: 0x2600210400400000
    dg.kvw dst=65536, src=30, rows=1            ; 20: 0x2304000000780010
    ev.wait event=14, count=1                   ; 21: 0xF1000E0010000000
    dg.scale src=35, table=65553                ; 22: 0x2600230400440000
    dg.kvw dst=65544, src=34, rows=1            ; 23: 0x2304002000880010
    dg.scale src=29, table=65552                ; 24: 0x26001D0400400000
    dg.qk dst=36, q=26, k=65536                 ; 25: 0x210024001A040000
    ev.sig event=15, count=1                    ; 26: 0xF0000F0010000000
    ev.sig event=19, count=1                    ; 27: 0xF000130010000000
    ev.wait event=16, count=1                   ; 28: 0xF100100010000000
    dg.scale src=0, table=65553                 ; 29: 0x2600000400440000
    dg.sv dst=36, p=40, v=65544                 ; 30: 0x2200240028040020
    ev.sig event=17, count=1                    ; 31: 0xF000110010000000
    ev.sig event=22, count=1                    ; 32: 0xF000160010000000

.hfp_digital 11
.entry prefill
    ev.wait event=49, count=1                   ; 0: 0xF100310010000000
    dg.shape dim=16, rows=8, queries=4, heads=4, groups=4 ; 1: 0x2004000800101010
    dg.scale src=45, table=65552                ; 2: 0x26002D0400400000
    dg.kvw dst=65536, src=33, rows=4            ; 3: 0x2304000000840040
    ev.wait event=50, count=1                   ; 4: 0xF100320010000000
    dg.scale src=50, table=65553                ; 5: 0x2600320400440000
    dg.kvw dst=65544, src=46, rows=4            ; 6: 0x2304002000B80040
    dg.scale src=32, table=65552                ; 7: 0x2600200400400000
    dg.qk dst=54, q=24, k=65536                 ; 8: 0x2100360018040000
    ev.sig event=51, count=1                    ; 9: 0xF000330010000000
    ev.sig event=56, count=1                    ; 10: 0xF000380010000000
    ev.wait event=52, count=1                   ; 11: 0xF100340010000000
    ev.wait event=53, count=1                   ; 12: 0xF100350010000000
    dg.scale src=0, table=65553                 ; 13: 0x2600000400440000
    dg.sv dst=51, p=70, v=65544                 ; 14: 0x2200330046040020
    ev.sig event=54, count=1                    ; 15: 0xF000360010000000
    ev.sig event=59, count=1                    ; 16: 0xF0003B0010000000
    ev.sig event=63, count=1                    ; 17: 0xF0003F0010000000
.entry decode
    ev.wait event=48, count=1                   ; 18: 0xF100300010000000
    dg.shape dim=16, rows=8, queries=1, heads=4, groups=4 ; 19: 0x2004000800041010
    dg.scale src=30, table=65552                ; 20: 0x26001E0400400000
    dg.kvw dst=65536, src=27, rows=1            ; 21: 0x23040000006C0010
    ev.wait event=49, count=1                   ; 22: 0xF100310010000000
    dg.scale src=32, table=65553                ; 23: 0x2600200400440000
    dg.kvw dst=65544, src=31, rows=1            ; 24: 0x23040020007C0010
    dg.scale src=26, table=65552                ; 25: 0x26001A0400400000
    dg.qk dst=33, q=24, k=65536                 ; 26: 0x2100210018040000
    ev.sig event=50, count=1                    ; 27: 0xF000320010000000
    ev.sig event=54, count=1                    ; 28: 0xF000360010000000
    ev.wait event=51, count=1                   ; 29: 0xF100330010000000
    dg.scale src=0, table=65553                 ; 30: 0x2600000400440000
    dg.sv dst=33, p=37, v=65544                 ; 31: 0x2200210025040020
    ev.sig event=52, count=1                    ; 32: 0xF000340010000000
    ev.sig event=57, count=1                    ; 33: 0xF000390010000000
    ev.sig event=61, count=1                    ; 34: 0xF0003D0010000000

.hfp_sfu 0
.entry prefill
    ev.wait event=0, count=1                    ; 0: 0xF100000010000000
    sfu.len len=64, rows=4                      ; 1: 0x3000040000400000
    sfu.add dst=34, a=26, b=30, b_rows=each     ; 2: 0x340022001A001E00
    sfu.len len=64, rows=4                      ; 3: 0x3000040000400000
    sfu.norm dst=26, src=34, params=0, kind=layer, eps=5 ; 4: 0x32001A0022000005
    sfu.len len=64, rows=4                      ; 5: 0x3000040000400000
    sfu.quant dst=30, src=26, scale=38          ; 6: 0x37001E001A002600
    ev.sig event=1, count=1                     ; 7: 0xF000010010000000
    ev.wait event=2, count=1                    ; 8: 0xF100020010000000
    sfu.len len=32, rows=4                      ; 9: 0x3000020000400000
    sfu.dequant dst=43, src=39, scale=38        ; 10: 0x3B002B0027002600
    sfu.len len=32, rows=4                      ; 11: 0x3000020000400000
    sfu.mul dst=39, a=43, b=2, b_rows=one       ; 12: 0x350027002B000280
    sfu.len len=32, rows=4                      ; 13: 0x3000020000400000
    sfu.quant dst=43, src=39, scale=47          ; 14: 0x37002B0027002F00
    ev.sig event=3, count=1                     ; 15: 0xF000030010000000
    ev.wait event=4, count=1                    ; 16: 0xF100040010000000
    sfu.len len=64, rows=4                      ; 17: 0x3000040000400000
    sfu.dequant dst=52, src=48, scale=47        ; 18: 0x3B00340030002F00
    sfu.len len=64, rows=4                      ; 19: 0x3000040000400000
    sfu.mul dst=39, a=52, b=3, b_rows=one       ; 20: 0x3500270034000380
    sfu.len len=64, rows=4                      ; 21: 0x3000040000400000
    sfu.add dst=43, a=39, b=4, b_rows=one       ; 22: 0x34002B0027000480
    ev.sig event=5, count=1                     ; 23: 0xF000050010000000
    ev.wait event=6, count=1                    ; 24: 0xF100060010000000
    sfu.len len=32, rows=4                      ; 25: 0x3000020000400000
    sfu.dequant dst=47, src=39, scale=38        ; 26: 0x3B002F0027002600
    sfu.len len=32, rows=4                      ; 27: 0x3000020000400000
    sfu.mul dst=39, a=47, b=5, b_rows=one       ; 28: 0x350027002F000580
    sfu.len len=32, rows=4                      ; 29: 0x3000020000400000
    sfu.quant dst=47, src=39, scale=51          ; 30: 0x37002F0027003300
    ev.sig event=7, count=1                     ; 31: 0xF000070010000000
    ev.wait event=8, count=1                    ; 32: 0xF100080010000000
    sfu.len len=64, rows=4                      ; 33: 0x3000040000400000
    sfu.dequant dst=56, src=52, scale=51        ; 34: 0x3B00380034003300
    sfu.len len=64, rows=4                      ; 35: 0x3000040000400000
    sfu.mul dst=39, a=56, b=6, b_rows=one       ; 36: 0x3500270038000680
    sfu.len len=64, rows=4                      ; 37: 0x3000040000400000
    sfu.add dst=47, a=39, b=7, b_rows=one       ; 38: 0x34002F0027000780
    ev.sig event=9, count=1                     ; 39: 0xF000090010000000
    ev.wait event=10, count=1                   ; 40: 0xF1000A0010000000
    sfu.len len=32, rows=4                      ; 41: 0x3000020000400000
    sfu.dequant dst=51, src=39, scale=38        ; 42: 0x3B00330027002600
    sfu.len len=32, rows=4                      ; 43: 0x3000020000400000
    sfu.mul dst=26, a=51, b=8, b_rows=one       ; 44: 0x35001A0033000880
    sfu.len len=32, rows=4                      ; 45: 0x3000020000400000
    sfu.quant dst=30, src=26, scale=38          ; 46: 0x37001E001A002600
    ev.sig event=11, count=1                    ; 47: 0xF0000B0010000000
    ev.wait event=12, count=1                   ; 48: 0xF1000C0010000000
    sfu.len len=64, rows=4                      ; 49: 0x3000040000400000
    sfu.dequant dst=51, src=39, scale=38        ; 50: 0x3B00330027002600
    sfu.len len=64, rows=4                      ; 51: 0x3000040000400000
    sfu.mul dst=26, a=51, b=9, b_rows=one       ; 52: 0x35001A0033000980
    sfu.len len=64, rows=4                      ; 53: 0x3000040000400000
    sfu.add dst=30, a=26, b=10, b_rows=one      ; 54: 0x34001E001A000A80
    sfu.len len=64, rows=4                      ; 55: 0x3000040000400000
    sfu.quant dst=26, src=43, scale=38          ; 56: 0x37001A002B002600
    sfu.len len=64, rows=4                      ; 57: 0x3000040000400000
    sfu.quant dst=39, src=47, scale=51          ; 58: 0x370027002F003300
    ev.sig event=13, count=1                    ; 59: 0xF0000D0010000000
    sfu.len len=64, rows=4                      ; 60: 0x3000040000400000
    sfu.quant dst=52, src=30, scale=56          ; 61: 0x370034001E003800
    ev.sig event=14, count=1                    ; 62: 0xF0000E0010000000
    ev.wait event=15, count=1                   ; 63: 0xF1000F0010000000
    sfu.len len=8, rows=16                      ; 64: 0x3000008001000000
    sfu.softmax dst=76, src=60, queries=4       ; 65: 0x31004C003C001000
    ev.sig event=16, count=1                    ; 66: 0xF000100010000000
    ev.wait event=18, count=1                   ; 67: 0xF100120010000000
    sfu.len len=64, rows=4                      ; 68: 0x3000040000400000
    sfu.quant dst=26, src=57, scale=30          ; 69: 0x37001A0039001E00
    ev.sig event=19, count=1                    ; 70: 0xF000130010000000
    ev.wait event=21, count=1                   ; 71: 0xF100150010000000
    sfu.len len=32, rows=4                      ; 72: 0x3000020000400000
    sfu.dequant dst=42, src=38, scale=30        ; 73: 0x3B002A0026001E00
    sfu.len len=32, rows=4                      ; 74: 0x3000020000400000
    sfu.mul dst=26, a=42, b=11, b_rows=one      ; 75: 0x35001A002A000B80
    sfu.len len=32, rows=4                      ; 76: 0x3000020000400000
    sfu.quant dst=30, src=26, scale=38          ; 77: 0x37001E001A002600
    ev.sig event=22, count=1                    ; 78: 0xF000160010000000
    ev.wait event=24, count=1                   ; 79: 0xF100180010000000
    sfu.len len=64, rows=4                      ; 80: 0x3000040000400000
    sfu.dequant dst=43, src=39, scale=38        ; 81: 0x3B002B0027002600
    sfu.len len=64, rows=4                      ; 82: 0x3000040000400000
    sfu.mul dst=26, a=43, b=12, b_rows=one      ; 83: 0x35001A002B000C80
    sfu.len len=64, rows=4                      ; 84: 0x3000040000400000
    sfu.add dst=30, a=26, b=13, b_rows=one      ; 85: 0x34001E001A000D80
    sfu.len len=64, rows=4                      ; 86: 0x3000040000400000
    sfu.add dst=26, a=34, b=30, b_rows=each     ; 87: 0x34001A0022001E00
    sfu.len len=64, rows=4                      ; 88: 0x3000040000400000
    sfu.norm dst=30, src=26, params=14, kind=layer, eps=5 ; 89: 0x32001E001A000E05
    sfu.len len=64, rows=4                      ; 90: 0x3000040000400000
    sfu.quant dst=34, src=30, scale=38          ; 91: 0x370022001E002600
    ev.sig event=25, count=1                    ; 92: 0xF000190010000000
    ev.wait event=27, count=1                   ; 93: 0xF1001B0010000000
    sfu.len len=51, rows=4                      ; 94: 0x3000033000400000
    sfu.dequant dst=43, src=39, scale=38        ; 95: 0x3B002B0027002600
    sfu.len len=51, rows=4                      ; 96: 0x3000033000400000
    sfu.mul dst=30, a=43, b=16, b_rows=one      ; 97: 0x35001E002B001080
    sfu.len len=51, rows=4                      ; 98: 0x3000033000400000
    sfu.quant dst=34, src=30, scale=38          ; 99: 0x370022001E002600
    ev.sig event=28, count=1                    ; 100: 0xF0001C0010000000
    ev.wait event=29, count=1                   ; 101: 0xF1001D0010000000
    sfu.len len=256, rows=4                     ; 102: 0x3000100000400000
    sfu.dequant dst=55, src=39, scale=38        ; 103: 0x3B00370027002600
    sfu.len len=256, rows=4                     ; 104: 0x3000100000400000
    sfu.mul dst=30, a=55, b=17, b_rows=one      ; 105: 0x35001E0037001180
    sfu.len len=256, rows=4                     ; 106: 0x3000100000400000
    sfu.add dst=38, a=30, b=19, b_rows=one      ; 107: 0x340026001E001380
    sfu.len len=256, rows=4                     ; 108: 0x3000100000400000
    sfu.act dst=30, src=38, fn=gelu             ; 109: 0x33001E0026000000
    sfu.len len=256, rows=4                     ; 110: 0x3000100000400000
    sfu.quant dst=38, src=30, scale=42          ; 111: 0x370026001E002A00
    ev.sig event=30, count=1                    ; 112: 0xF0001E0010000000
    ev.wait event=31, count=1                   ; 113: 0xF1001F0010000000
    sfu.len len=51, rows=4                      ; 114: 0x3000033000400000
    sfu.dequant dst=47, src=43, scale=42        ; 115: 0x3B002F002B002A00
    sfu.len len=51, rows=4                      ; 116: 0x3000033000400000
    sfu.mul dst=30, a=47, b=21, b_rows=one      ; 117: 0x35001E002F001580
    sfu.len len=51, rows=4                      ; 118: 0x3000033000400000
    sfu.quant dst=34, src=30, scale=38          ; 119: 0x370022001E002600
    ev.sig event=32, count=1                    ; 120: 0xF000200010000000
    ev.wait event=33, count=1                   ; 121: 0xF100210010000000
    sfu.len len=64, rows=4                      ; 122: 0x3000040000400000
    sfu.dequant dst=43, src=39, scale=38        ; 123: 0x3B002B0027002600
    sfu.len len=64, rows=4                      ; 124: 0x3000040000400000
    sfu.mul dst=30, a=43, b=22, b_rows=one      ; 125: 0x35001E002B001680
    sfu.len len=64, rows=4                      ; 126: 0x3000040000400000
    sfu.add dst=34, a=30, b=23, b_rows=one      ; 127: 0x340022001E001780
    sfu.len len=64, rows=4                      ; 128: 0x3000040000400000
    sfu.add dst=30, a=26, b=34, b_rows=each     ; 129: 0x34001E001A002200
    sfu.len len=64, rows=4                      ; 130: 0x3000040000400000
    sfu.norm dst=26, src=30, params=24, kind=layer, eps=5 ; 131: 0x32001A001E001805
    ev.sig event=34, count=1                    ; 132: 0xF000220010000000
.entry decode
    ev.wait event=0, count=1                    ; 133: 0xF100000010000000
    sfu.len len=64, rows=1                      ; 134: 0x3000040000100000
    sfu.add dst=28, a=26, b=27, b_rows=each     ; 135: 0x34001C001A001B00
    sfu.len len=64, rows=1                      ; 136: 0x3000040000100000
    sfu.norm dst=26, src=28, params=0, kind=layer, eps=5 ; 137: 0x32001A001C000005
    sfu.len len=64, rows=1                      ; 138: 0x3000040000100000
    sfu.quant dst=27, src=26, scale=29          ; 139: 0x37001B001A001D00
    ev.sig event=1, count=1                     ; 140: 0xF000010010000000
    ev.wait event=2, count=1                    ; 141: 0xF100020010000000
    sfu.len len=32, rows=1                      ; 142: 0x3000020000100000
    sfu.dequant dst=31, src=30, scale=29        ; 143: 0x3B001F001E001D00
    sfu.len len=32, rows=1                      ; 144: 0x3000020000100000
    sfu.mul dst=30, a=31, b=2, b_rows=one       ; 145: 0x35001E001F000280
    sfu.len len=32, rows=1                      ; 146: 0x3000020000100000
    sfu.quant dst=31, src=30, scale=32          ; 147: 0x37001F001E002000
    ev.sig event=3, count=1                     ; 148: 0xF000030010000000
    ev.wait event=4, count=1                    ; 149: 0xF100040010000000
    sfu.len len=64, rows=1                      ; 150: 0x3000040000100000
    sfu.dequant dst=34, src=33, scale=32        ; 151: 0x3B00220021002000
    sfu.len len=64, rows=1                      ; 152: 0x3000040000100000
    sfu.mul dst=30, a=34, b=3, b_rows=one       ; 153: 0x35001E0022000380
    sfu.len len=64, rows=1                      ; 154: 0x3000040000100000
    sfu.add dst=31, a=30, b=4, b_rows=one       ; 155: 0x34001F001E000480
    ev.sig event=5, count=1                     ; 156: 0xF000050010000000
    ev.wait event=6, count=1                    ; 157: 0xF100060010000000
    sfu.len len=32, rows=1                      ; 158: 0x3000020000100000
    sfu.dequant dst=32, src=30, scale=29        ; 159: 0x3B0020001E001D00
    sfu.len len=32, rows=1                      ; 160: 0x3000020000100000
    sfu.mul dst=30, a=32, b=5, b_rows=one       ; 161: 0x35001E0020000580
    sfu.len len=32, rows=1                      ; 162: 0x3000020000100000
    sfu.quant dst=32, src=30, scale=33          ; 163: 0x370020001E002100
    ev.sig event=7, count=1                     ; 164: 0xF000070010000000
    ev.wait event=8, count=1                    ; 165: 0xF100080010000000
    sfu.len len=64, rows=1                      ; 166: 0x3000040000100000
    sfu.dequant dst=35, src=34, scale=33        ; 167: 0x3B00230022002100
    sfu.len len=64, rows=1                      ; 168: 0x3000040000100000
    sfu.mul dst=30, a=35, b=6, b_rows=one       ; 169: 0x35001E0023000680
    sfu.len len=64, rows=1                      ; 170: 0x3000040000100000
    sfu.add dst=32, a=30, b=7, b_rows=one       ; 171: 0x340020001E000780
    ev.sig event=9, count=1                     ; 172: 0xF000090010000000
    ev.wait event=10, count=1                   ; 173: 0xF1000A0010000000
    sfu.len len=32, rows=1                      ; 174: 0x3000020000100000
    sfu.dequant dst=33, src=30, scale=29        ; 175: 0x3B0021001E001D00
    sfu.len len=32, rows=1                      ; 176: 0x3000020000100000
    sfu.mul dst=26, a=33, b=8, b_rows=one       ; 177: 0x35001A0021000880
    sfu.len len=32, rows=1                      ; 178: 0x3000020000100000
    sfu.quant dst=27, src=26, scale=29          ; 179: 0x37001B001A001D00
    ev.sig event=11, count=1                    ; 180: 0xF0000B0010000000
    ev.wait event=12, count=1                   ; 181: 0xF1000C0010000000
    sfu.len len=64, rows=1                      ; 182: 0x3000040000100000
    sfu.dequant dst=33, src=30, scale=29        ; 183: 0x3B0021001E001D00
    sfu.len len=64, rows=1                      ; 184: 0x3000040000100000
    sfu.mul dst=26, a=33, b=9, b_rows=one       ; 185: 0x35001A0021000980
    sfu.len len=64, rows=1                      ; 186: 0x3000040000100000
    sfu.add dst=27, a=26, b=10, b_rows=one      ; 187: 0x34001B001A000A80
    sfu.len len=64, rows=1                      ; 188: 0x3000040000100000
    sfu.quant dst=26, src=31, scale=29          ; 189: 0x37001A001F001D00
    sfu.len len=64, rows=1                      ; 190: 0x3000040000100000
    sfu.quant dst=30, src=32, scale=33          ; 191: 0x37001E0020002100
    ev.sig event=13, count=1                    ; 192: 0xF0000D0010000000
    sfu.len len=64, rows=1                      ; 193: 0x3000040000100000
    sfu.quant dst=34, src=27, scale=35          ; 194: 0x370022001B002300
    ev.sig event=14, count=1                    ; 195: 0xF0000E0010000000
    ev.wait event=15, count=1                   ; 196: 0xF1000F0010000000
    sfu.len len=8, rows=4                       ; 197: 0x3000008000400000
    sfu.softmax dst=40, src=36, queries=1       ; 198: 0x3100280024000400
    ev.sig event=16, count=1                    ; 199: 0xF000100010000000
    ev.wait event=17, count=1                   ; 200: 0xF100110010000000
    sfu.len len=64, rows=1                      ; 201: 0x3000040000100000
    sfu.quant dst=26, src=36, scale=27          ; 202: 0x37001A0024001B00
    ev.sig event=18, count=1                    ; 203: 0xF000120010000000
    ev.wait event=20, count=1                   ; 204: 0xF100140010000000
    sfu.len len=32, rows=1                      ; 205: 0x3000020000100000
    sfu.dequant dst=30, src=29, scale=27        ; 206: 0x3B001E001D001B00
    sfu.len len=32, rows=1                      ; 207: 0x3000020000100000
    sfu.mul dst=26, a=30, b=11, b_rows=one      ; 208: 0x35001A001E000B80
    sfu.len len=32, rows=1                      ; 209: 0x3000020000100000
    sfu.quant dst=27, src=26, scale=29          ; 210: 0x37001B001A001D00
    ev.sig event=21, count=1                    ; 211: 0xF000150010000000
    ev.wait event=23, count=1                   ; 212: 0xF100170010000000
    sfu.len len=64, rows=1                      ; 213: 0x3000040000100000
    sfu.dequant dst=31, src=30, scale=29        ; 214: 0x3B001F001E001D00
    sfu.len len=64, rows=1                      ; 215: 0x3000040000100000
    sfu.mul dst=26, a=31, b=12, b_rows=one      ; 216: 0x35001A001F000C80
    sfu.len len=64, rows=1                      ; 217: 0x3000040000100000
    sfu.add dst=27, a=26, b=13, b_rows=one      ; 218: 0x34001B001A000D80
    sfu.len len=64, rows=1                      ; 219: 0x3000040000100000
    sfu.add dst=26, a=28, b=27, b_rows=each     ; 220: 0x34001A001C001B00
    sfu.len len=64, rows=1                      ; 221: 0x3000040000100000
    sfu.norm dst=27, src=26, params=14, kind=layer, eps=5 ; 222: 0x32001B001A000E05
    sfu.len len=64, rows=1                      ; 223: 0x3000040000100000
    sfu.quant dst=28, src=27, scale=29          ; 224: 0x37001C001B001D00
    ev.sig event=24, count=1                    ; 225: 0xF000180010000000
    ev.wait event=26, count=1                   ; 226: 0xF1001A0010000000
    sfu.len len=51, rows=1                      ; 227: 0x3000033000100000
    sfu.dequant dst=31, src=30, scale=29        ; 228: 0x3B001F001E001D00
    sfu.len len=51, rows=1                      ; 229: 0x3000033000100000
    sfu.mul dst=27, a=31, b=16, b_rows=one      ; 230: 0x35001B001F001080
    sfu.len len=51, rows=1                      ; 231: 0x3000033000100000
    sfu.quant dst=28, src=27, scale=29          ; 232: 0x37001C001B001D00
    ev.sig event=27, count=1                    ; 233: 0xF0001B0010000000
    ev.wait event=28, count=1                   ; 234: 0xF1001C0010000000
    sfu.len len=256, rows=1                     ; 235: 0x3000100000100000
    sfu.dequant dst=34, src=30, scale=29        ; 236: 0x3B0022001E001D00
    sfu.len len=256, rows=1                     ; 237: 0x3000100000100000
    sfu.mul dst=27, a=34, b=17, b_rows=one      ; 238: 0x35001B0022001180
    sfu.len len=256, rows=1                     ; 239: 0x3000100000100000
    sfu.add dst=29, a=27, b=19, b_rows=one      ; 240: 0x34001D001B001380
    sfu.len len=256, rows=1                     ; 241: 0x3000100000100000
    sfu.act dst=27, src=29, fn=gelu             ; 242: 0x33001B001D000000
    sfu.len len=256, rows=1                     ; 243: 0x3000100000100000
    sfu.quant dst=29, src=27, scale=30          ; 244: 0x37001D001B001E00
    ev.sig event=29, count=1                    ; 245: 0xF0001D0010000000
    ev.wait event=30, count=1                   ; 246: 0xF1001E0010000000
    sfu.len len=51, rows=1                      ; 247: 0x3000033000100000
    sfu.dequant dst=32, src=31, scale=30        ; 248: 0x3B0020001F001E00
    sfu.len len=51, rows=1                      ; 249: 0x3000033000100000
    sfu.mul dst=27, a=32, b=21, b_rows=one      ; 250: 0x35001B0020001580
    sfu.len len=51, rows=1                      ; 251: 0x3000033000100000
    sfu.quant dst=28, src=27, scale=29          ; 252: 0x37001C001B001D00
    ev.sig event=31, count=1                    ; 253: 0xF0001F0010000000
    ev.wait event=32, count=1                   ; 254: 0xF100200010000000
    sfu.len len=64, rows=1                      ; 255: 0x3000040000100000
    sfu.dequant dst=31, src=30, scale=29        ; 256: 0x3B001F001E001D00
    sfu.len len=64, rows=1                      ; 257: 0x3000040000100000
    sfu.mul dst=27, a=31, b=22, b_rows=one      ; 258: 0x35001B001F001680
    sfu.len len=64, rows=1                      ; 259: 0x3000040000100000
    sfu.add dst=28, a=27, b=23, b_rows=one      ; 260: 0x34001C001B001780
    sfu.len len=64, rows=1                      ; 261: 0x3000040000100000
    sfu.add dst=27, a=26, b=28, b_rows=each     ; 262: 0x34001B001A001C00
    sfu.len len=64, rows=1                      ; 263: 0x3000040000100000
    sfu.norm dst=26, src=27, params=24, kind=layer, eps=5 ; 264: 0x32001A001B001805
    ev.sig event=33, count=1                    ; 265: 0xF000210010000000

.hfp_sfu 11
.entry prefill
    ev.wait event=35, count=1                   ; 0: 0xF100230010000000
    sfu.len len=64, rows=4                      ; 1: 0x3000040000400000
    sfu.quant dst=28, src=24, scale=32          ; 2: 0x37001C0018002000
    ev.sig event=36, count=1                    ; 3: 0xF000240010000000
    ev.wait event=37, count=1                   ; 4: 0xF100250010000000
    sfu.len len=32, rows=4                      ; 5: 0x3000020000400000
    sfu.dequant dst=37, src=33, scale=32        ; 6: 0x3B00250021002000
    sfu.len len=32, rows=4                      ; 7: 0x3000020000400000
    sfu.mul dst=33, a=37, b=0, b_rows=one       ; 8: 0x3500210025000080
    sfu.len len=32, rows=4                      ; 9: 0x3000020000400000
    sfu.quant dst=37, src=33, scale=41          ; 10: 0x3700250021002900
    ev.sig event=38, count=1                    ; 11: 0xF000260010000000
    ev.wait event=39, count=1                   ; 12: 0xF100270010000000
    sfu.len len=64, rows=4                      ; 13: 0x3000040000400000
    sfu.dequant dst=46, src=42, scale=41        ; 14: 0x3B002E002A002900
    sfu.len len=64, rows=4                      ; 15: 0x3000040000400000
    sfu.mul dst=33, a=46, b=1, b_rows=one       ; 16: 0x350021002E000180
    sfu.len len=64, rows=4                      ; 17: 0x3000040000400000
    sfu.add dst=37, a=33, b=2, b_rows=one       ; 18: 0x3400250021000280
    ev.sig event=40, count=1                    ; 19: 0xF000280010000000
    ev.wait event=41, count=1                   ; 20: 0xF100290010000000
    sfu.len len=32, rows=4                      ; 21: 0x3000020000400000
    sfu.dequant dst=41, src=33, scale=32        ; 22: 0x3B00290021002000
    sfu.len len=32, rows=4                      ; 23: 0x3000020000400000
    sfu.mul dst=33, a=41, b=3, b_rows=one       ; 24: 0x3500210029000380
    sfu.len len=32, rows=4                      ; 25: 0x3000020000400000
    sfu.quant dst=41, src=33, scale=45          ; 26: 0x3700290021002D00
    ev.sig event=42, count=1                    ; 27: 0xF0002A0010000000
    ev.wait event=43, count=1                   ; 28: 0xF1002B0010000000
    sfu.len len=64, rows=4                      ; 29: 0x3000040000400000
    sfu.dequant dst=50, src=46, scale=45        ; 30: 0x3B0032002E002D00
    sfu.len len=64, rows=4                      ; 31: 0x3000040000400000
    sfu.mul dst=33, a=50, b=4, b_rows=one       ; 32: 0x3500210032000480
    sfu.len len=64, rows=4                      ; 33: 0x3000040000400000
    sfu.add dst=41, a=33, b=5, b_rows=one       ; 34: 0x3400290021000580
    ev.sig event=44, count=1                    ; 35: 0xF0002C0010000000
    ev.wait event=45, count=1                   ; 36: 0xF1002D0010000000
    sfu.len len=32, rows=4                      ; 37: 0x3000020000400000
    sfu.dequant dst=45, src=33, scale=32        ; 38: 0x3B002D0021002000
    sfu.len len=32, rows=4                      ; 39: 0x3000020000400000
    sfu.mul dst=24, a=45, b=6, b_rows=one       ; 40: 0x350018002D000680
    sfu.len len=32, rows=4                      ; 41: 0x3000020000400000
    sfu.quant dst=28, src=24, scale=32          ; 42: 0x37001C0018002000
    ev.sig event=46, count=1                    ; 43: 0xF0002E0010000000
    ev.wait event=48, count=1                   ; 44: 0xF100300010000000
    sfu.len len=64, rows=4                      ; 45: 0x3000040000400000
    sfu.dequant dst=45, src=33, scale=32        ; 46: 0x3B002D0021002000
    sfu.len len=64, rows=4                      ; 47: 0x3000040000400000
    sfu.mul dst=24, a=45, b=7, b_rows=one       ; 48: 0x350018002D000780
    sfu.len len=64, rows=4                      ; 49: 0x3000040000400000
    sfu.add dst=28, a=24, b=8, b_rows=one       ; 50: 0x34001C0018000880
    sfu.len len=64, rows=4                      ; 51: 0x3000040000400000
    sfu.quant dst=24, src=37, scale=32          ; 52: 0x3700180025002000
    sfu.len len=64, rows=4                      ; 53: 0x3000040000400000
    sfu.quant dst=33, src=41, scale=45          ; 54: 0x3700210029002D00
    ev.sig event=49, count=1                    ; 55: 0xF000310010000000
    sfu.len len=64, rows=4                      ; 56: 0x3000040000400000
    sfu.quant dst=46, src=28, scale=50          ; 57: 0x37002E001C003200
    ev.sig event=50, count=1                    ; 58: 0xF000320010000000
    ev.wait event=51, count=1                   ; 59: 0xF100330010000000
    sfu.len len=8, rows=16                      ; 60: 0x3000008001000000
    sfu.softmax dst=70, src=54, queries=4       ; 61: 0x3100460036001000
    ev.sig event=52, count=1                    ; 62: 0xF000340010000000
    ev.wait event=54, count=1                   ; 63: 0xF100360010000000
    sfu.len len=64, rows=4                      ; 64: 0x3000040000400000
    sfu.quant dst=24, src=51, scale=28          ; 65: 0x3700180033001C00
    ev.sig event=55, count=1                    ; 66: 0xF000370010000000
    ev.wait event=57, count=1                   ; 67: 0xF100390010000000
    sfu.len len=32, rows=4                      ; 68: 0x3000020000400000
    sfu.dequant dst=33, src=29, scale=28        ; 69: 0x3B0021001D001C00
    sfu.len len=32, rows=4                      ; 70: 0x3000020000400000
    sfu.mul dst=24, a=33, b=9, b_rows=one       ; 71: 0x3500180021000980
    sfu.len len=32, rows=4                      ; 72: 0x3000020000400000
    sfu.quant dst=28, src=24, scale=32          ; 73: 0x37001C0018002000
    ev.sig event=58, count=1                    ; 74: 0xF0003A0010000000
    ev.wait event=60, count=1                   ; 75: 0xF1003C0010000000
    sfu.len len=64, rows=4                      ; 76: 0x3000040000400000
    sfu.dequant dst=37, src=33, scale=32        ; 77: 0x3B00250021002000
    sfu.len len=64, rows=4                      ; 78: 0x3000040000400000
    sfu.mul dst=24, a=37, b=10, b_rows=one      ; 79: 0x3500180025000A80
    sfu.len len=64, rows=4                      ; 80: 0x3000040000400000
    sfu.add dst=28, a=24, b=11, b_rows=one      ; 81: 0x34001C0018000B80
    ev.sig event=61, count=1                    ; 82: 0xF0003D0010000000
    ev.wait event=64, count=1                   ; 83: 0xF100400010000000
    sfu.len len=64, rows=4                      ; 84: 0x3000040000400000
    sfu.add dst=32, a=24, b=28, b_rows=each     ; 85: 0x3400200018001C00
    sfu.len len=64, rows=4                      ; 86: 0x3000040000400000
    sfu.norm dst=24, src=32, params=12, kind=layer, eps=5 ; 87: 0x3200180020000C05
    sfu.len len=64, rows=4                      ; 88: 0x3000040000400000
    sfu.quant dst=28, src=24, scale=36          ; 89: 0x37001C0018002400
    ev.sig event=65, count=1                    ; 90: 0xF000410010000000
    ev.wait event=66, count=1                   ; 91: 0xF100420010000000
    sfu.len len=51, rows=4                      ; 92: 0x3000033000400000
    sfu.dequant dst=41, src=37, scale=36        ; 93: 0x3B00290025002400
    sfu.len len=51, rows=4                      ; 94: 0x3000033000400000
    sfu.mul dst=24, a=41, b=14, b_rows=one      ; 95: 0x3500180029000E80
    sfu.len len=51, rows=4                      ; 96: 0x3000033000400000
    sfu.quant dst=28, src=24, scale=36          ; 97: 0x37001C0018002400
    ev.sig event=67, count=1                    ; 98: 0xF000430010000000
    ev.wait event=68, count=1                   ; 99: 0xF100440010000000
    sfu.len len=256, rows=4                     ; 100: 0x3000100000400000
    sfu.dequant dst=53, src=37, scale=36        ; 101: 0x3B00350025002400
    sfu.len len=256, rows=4                     ; 102: 0x3000100000400000
    sfu.mul dst=24, a=53, b=15, b_rows=one      ; 103: 0x3500180035000F80
    sfu.len len=256, rows=4                     ; 104: 0x3000100000400000
    sfu.add dst=36, a=24, b=17, b_rows=one      ; 105: 0x3400240018001180
    sfu.len len=256, rows=4                     ; 106: 0x3000100000400000
    sfu.act dst=24, src=36, fn=gelu             ; 107: 0x3300180024000000
    sfu.len len=256, rows=4                     ; 108: 0x3000100000400000
    sfu.quant dst=36, src=24, scale=40          ; 109: 0x3700240018002800
    ev.sig event=69, count=1                    ; 110: 0xF000450010000000
    ev.wait event=70, count=1                   ; 111: 0xF100460010000000
    sfu.len len=51, rows=4                      ; 112: 0x3000033000400000
    sfu.dequant dst=45, src=41, scale=40        ; 113: 0x3B002D0029002800
    sfu.len len=51, rows=4                      ; 114: 0x3000033000400000
    sfu.mul dst=24, a=45, b=19, b_rows=one      ; 115: 0x350018002D001380
    sfu.len len=51, rows=4                      ; 116: 0x3000033000400000
    sfu.quant dst=28, src=24, scale=36          ; 117: 0x37001C0018002400
    ev.sig event=71, count=1                    ; 118: 0xF000470010000000
    ev.wait event=72, count=1                   ; 119: 0xF100480010000000
    sfu.len len=64, rows=4                      ; 120: 0x3000040000400000
    sfu.dequant dst=41, src=37, scale=36        ; 121: 0x3B00290025002400
    sfu.len len=64, rows=4                      ; 122: 0x3000040000400000
    sfu.mul dst=24, a=41, b=20, b_rows=one      ; 123: 0x3500180029001480
    sfu.len len=64, rows=4                      ; 124: 0x3000040000400000
    sfu.add dst=28, a=24, b=21, b_rows=one      ; 125: 0x34001C0018001580
    sfu.len len=64, rows=4                      ; 126: 0x3000040000400000
    sfu.add dst=24, a=32, b=28, b_rows=each     ; 127: 0x3400180020001C00
    sfu.len len=64, rows=1                      ; 128: 0x3000040000100000
    sfu.norm dst=28, src=27, params=22, kind=layer, eps=5 ; 129: 0x32001C001B001605
    ev.sig event=73, count=1                    ; 130: 0xF000490010000000
.entry decode
    ev.wait event=34, count=1                   ; 131: 0xF100220010000000
    sfu.len len=64, rows=1                      ; 132: 0x3000040000100000
    sfu.quant dst=25, src=24, scale=26          ; 133: 0x3700190018001A00
    ev.sig event=35, count=1                    ; 134: 0xF000230010000000
    ev.wait event=36, count=1                   ; 135: 0xF100240010000000
    sfu.len len=32, rows=1                      ; 136: 0x3000020000100000
    sfu.dequant dst=28, src=27, scale=26        ; 137: 0x3B001C001B001A00
    sfu.len len=32, rows=1                      ; 138: 0x3000020000100000
    sfu.mul dst=27, a=28, b=0, b_rows=one       ; 139: 0x35001B001C000080
    sfu.len len=32, rows=1                      ; 140: 0x3000020000100000
    sfu.quant dst=28, src=27, scale=29          ; 141: 0x37001C001B001D00
    ev.sig event=37, count=1                    ; 142: 0xF000250010000000
    ev.wait event=38, count=1                   ; 143: 0xF100260010000000
    sfu.len len=64, rows=1                      ; 144: 0x3000040000100000
    sfu.dequant dst=31, src=30, scale=29        ; 145: 0x3B001F001E001D00
    sfu.len len=64, rows=1                      ; 146: 0x3000040000100000
    sfu.mul dst=27, a=31, b=1, b_rows=one       ; 147: 0x35001B001F000180
    sfu.len len=64, rows=1                      ; 148: 0x3000040000100000
    sfu.add dst=28, a=27, b=2, b_rows=one       ; 149: 0x34001C001B000280
    ev.sig event=39, count=1                    ; 150: 0xF000270010000000
    ev.wait event=40, count=1                   ; 151: 0xF100280010000000
    sfu.len len=32, rows=1                      ; 152: 0x3000020000100000
    sfu.dequant dst=29, src=27, scale=26        ; 153: 0x3B001D001B001A00
    sfu.len len=32, rows=1                      ; 154: 0x3000020000100000
    sfu.mul dst=27, a=29, b=3, b_rows=one       ; 155: 0x35001B001D000380
    sfu.len len=32, rows=1                      ; 156: 0x3000020000100000
    sfu.quant dst=29, src=27, scale=30          ; 157: 0x37001D001B001E00
    ev.sig event=41, count=1                    ; 158: 0xF000290010000000
    ev.wait event=42, count=1                   ; 159: 0xF1002A0010000000
    sfu.len len=64, rows=1                      ; 160: 0x3000040000100000
    sfu.dequant dst=32, src=31, scale=30        ; 161: 0x3B0020001F001E00
    sfu.len len=64, rows=1                      ; 162: 0x3000040000100000
    sfu.mul dst=27, a=32, b=4, b_rows=one       ; 163: 0x35001B0020000480
    sfu.len len=64, rows=1                      ; 164: 0x3000040000100000
    sfu.add dst=29, a=27, b=5, b_rows=one       ; 165: 0x34001D001B000580
    ev.sig event=43, count=1                    ; 166: 0xF0002B0010000000
    ev.wait event=44, count=1                   ; 167: 0xF1002C0010000000
    sfu.len len=32, rows=1                      ; 168: 0x3000020000100000
    sfu.dequant dst=30, src=27, scale=26        ; 169: 0x3B001E001B001A00
    sfu.len len=32, rows=1                      ; 170: 0x3000020000100000
    sfu.mul dst=24, a=30, b=6, b_rows=one       ; 171: 0x350018001E000680
    sfu.len len=32, rows=1                      ; 172: 0x3000020000100000
    sfu.quant dst=25, src=24, scale=26          ; 173: 0x3700190018001A00
    ev.sig event=45, count=1                    ; 174: 0xF0002D0010000000
    ev.wait event=47, count=1                   ; 175: 0xF1002F0010000000
    sfu.len len=64, rows=1                      ; 176: 0x3000040000100000
    sfu.dequant dst=30, src=27, scale=26        ; 177: 0x3B001E001B001A00
    sfu.len len=64, rows=1                      ; 178: 0x3000040000100000
    sfu.mul dst=24, a=30, b=7, b_rows=one       ; 179: 0x350018001E000780
    sfu.len len=64, rows=1                      ; 180: 0x3000040000100000
    sfu.add dst=25, a=24, b=8, b_rows=one       ; 181: 0x3400190018000880
    sfu.len len=64, rows=1                      ; 182: 0x3000040000100000
    sfu.quant dst=24, src=28, scale=26          ; 183: 0x370018001C001A00
    sfu.len len=64, rows=1                      ; 184: 0x3000040000100000
    sfu.quant dst=27, src=29, scale=30          ; 185: 0x37001B001D001E00
    ev.sig event=48, count=1                    ; 186: 0xF000300010000000
    sfu.len len=64, rows=1                      ; 187: 0x3000040000100000
    sfu.quant dst=31, src=25, scale=32          ; 188: 0x37001F0019002000
    ev.sig event=49, count=1                    ; 189: 0xF000310010000000
    ev.wait event=50, count=1                   ; 190: 0xF100320010000000
    sfu.len len=8, rows=4                       ; 191: 0x3000008000400000
    sfu.softmax dst=37, src=33, queries=1       ; 192: 0x3100250021000400
    ev.sig event=51, count=1                    ; 193: 0xF000330010000000
    ev.wait event=52, count=1                   ; 194: 0xF100340010000000
    sfu.len len=64, rows=1                      ; 195: 0x3000040000100000
    sfu.quant dst=24, src=33, scale=25          ; 196: 0x3700180021001900
    ev.sig event=53, count=1                    ; 197: 0xF000350010000000
    ev.wait event=55, count=1                   ; 198: 0xF100370010000000
    sfu.len len=32, rows=1                      ; 199: 0x3000020000100000
    sfu.dequant dst=27, src=26, scale=25        ; 200: 0x3B001B001A001900
    sfu.len len=32, rows=1                      ; 201: 0x3000020000100000
    sfu.mul dst=24, a=27, b=9, b_rows=one       ; 202: 0x350018001B000980
    sfu.len len=32, rows=1                      ; 203: 0x3000020000100000
    sfu.quant dst=25, src=24, scale=26          ; 204: 0x3700190018001A00
    ev.sig event=56, count=1                    ; 205: 0xF000380010000000
    ev.wait event=58, count=1                   ; 206: 0xF1003A0010000000
    sfu.len len=64, rows=1                      ; 207: 0x3000040000100000
    sfu.dequant dst=28, src=27, scale=26        ; 208: 0x3B001C001B001A00
    sfu.len len=64, rows=1                      ; 209: 0x3000040000100000
    sfu.mul dst=24, a=28, b=10, b_rows=one      ; 210: 0x350018001C000A80
    sfu.len len=64, rows=1                      ; 211: 0x3000040000100000
    sfu.add dst=25, a=24, b=11, b_rows=one      ; 212: 0x3400190018000B80
    ev.sig event=59, count=1                    ; 213: 0xF0003B0010000000
    ev.wait event=62, count=1                   ; 214: 0xF1003E0010000000
    sfu.len len=64, rows=1                      ; 215: 0x3000040000100000
    sfu.add dst=26, a=24, b=25, b_rows=each     ; 216: 0x34001A0018001900
    sfu.len len=64, rows=1                      ; 217: 0x3000040000100000
    sfu.norm dst=24, src=26, params=12, kind=layer, eps=5 ; 218: 0x320018001A000C05
    sfu.len len=64, rows=1                      ; 219: 0x3000040000100000
    sfu.quant dst=25, src=24, scale=27          ; 220: 0x3700190018001B00
    ev.sig event=63, count=1                    ; 221: 0xF0003F0010000000
    ev.wait event=64, count=1                   ; 222: 0xF100400010000000
    sfu.len len=51, rows=1                      ; 223: 0x3000033000100000
    sfu.dequant dst=29, src=28, scale=27        ; 224: 0x3B001D001C001B00
    sfu.len len=51, rows=1                      ; 225: 0x3000033000100000
    sfu.mul dst=24, a=29, b=14, b_rows=one      ; 226: 0x350018001D000E80
    sfu.len len=51, rows=1                      ; 227: 0x3000033000100000
    sfu.quant dst=25, src=24, scale=27          ; 228: 0x3700190018001B00
    ev.sig event=65, count=1                    ; 229: 0xF000410010000000
    ev.wait event=66, count=1                   ; 230: 0xF100420010000000
    sfu.len len=256, rows=1                     ; 231: 0x3000100000100000
    sfu.dequant dst=32, src=28, scale=27        ; 232: 0x3B0020001C001B00
    sfu.len len=256, rows=1                     ; 233: 0x3000100000100000
    sfu.mul dst=24, a=32, b=15, b_rows=one      ; 234: 0x3500180020000F80
    sfu.len len=256, rows=1                     ; 235: 0x3000100000100000
    sfu.add dst=27, a=24, b=17, b_rows=one      ; 236: 0x34001B0018001180
    sfu.len len=256, rows=1                     ; 237: 0x3000100000100000
    sfu.act dst=24, src=27, fn=gelu             ; 238: 0x330018001B000000
    sfu.len len=256, rows=1                     ; 239: 0x3000100000100000
    sfu.quant dst=27, src=24, scale=28          ; 240: 0x37001B0018001C00
    ev.sig event=67, count=1                    ; 241: 0xF000430010000000
    ev.wait event=68, count=1                   ; 242: 0xF100440010000000
    sfu.len len=51, rows=1                      ; 243: 0x3000033000100000
    sfu.dequant dst=30, src=29, scale=28        ; 244: 0x3B001E001D001C00
    sfu.len len=51, rows=1                      ; 245: 0x3000033000100000
    sfu.mul dst=24, a=30, b=19, b_rows=one      ; 246: 0x350018001E001380
    sfu.len len=51, rows=1                      ; 247: 0x3000033000100000
    sfu.quant dst=25, src=24, scale=27          ; 248: 0x3700190018001B00
    ev.sig event=69, count=1                    ; 249: 0xF000450010000000
    ev.wait event=70, count=1                   ; 250: 0xF100460010000000
    sfu.len len=64, rows=1                      ; 251: 0x3000040000100000
    sfu.dequant dst=29, src=28, scale=27        ; 252: 0x3B001D001C001B00
    sfu.len len=64, rows=1                      ; 253: 0x3000040000100000
    sfu.mul dst=24, a=29, b=20, b_rows=one      ; 254: 0x350018001D001480
    sfu.len len=64, rows=1                      ; 255: 0x3000040000100000
    sfu.add dst=25, a=24, b=21, b_rows=one      ; 256: 0x3400190018001580
    sfu.len len=64, rows=1                      ; 257: 0x3000040000100000
    sfu.add dst=24, a=26, b=25, b_rows=each     ; 258: 0x340018001A001900
    sfu.len len=64, rows=1                      ; 259: 0x3000040000100000
    sfu.norm dst=25, src=24, params=22, kind=layer, eps=5 ; 260: 0x3200190018001605
    ev.sig event=71, count=1                    ; 261: 0xF000470010000000

.hfp_sfu 22
.entry prefill
    ev.wait event=74, count=1                   ; 0: 0xF1004A0010000000
    sfu.len len=64, rows=1                      ; 1: 0x3000040000100000
    sfu.quant dst=3, src=2, scale=4             ; 2: 0x3700030002000400
    ev.sig event=75, count=1                    ; 3: 0xF0004B0010000000
    ev.wait event=76, count=1                   ; 4: 0xF1004C0010000000
    sfu.len len=256, rows=1                     ; 5: 0x3000100000100000
    sfu.dequant dst=9, src=5, scale=4           ; 6: 0x3B00090005000400
    sfu.len len=256, rows=1                     ; 7: 0x3000100000100000
    sfu.mul dst=2, a=9, b=0, b_rows=one         ; 8: 0x3500020009000080
    ev.sig event=77, count=1                    ; 9: 0xF0004D0010000000
.entry decode
    ev.wait event=72, count=1                   ; 10: 0xF100480010000000
    sfu.len len=64, rows=1                      ; 11: 0x3000040000100000
    sfu.quant dst=3, src=2, scale=4             ; 12: 0x3700030002000400
    ev.sig event=73, count=1                    ; 13: 0xF000490010000000
    ev.wait event=74, count=1                   ; 14: 0xF1004A0010000000
    sfu.len len=256, rows=1                     ; 15: 0x3000100000100000
    sfu.dequant dst=9, src=5, scale=4           ; 16: 0x3B00090005000400
    sfu.len len=256, rows=1                     ; 17: 0x3000100000100000
    sfu.mul dst=2, a=9, b=0, b_rows=one         ; 18: 0x3500020009000080
    ev.sig event=75, count=1                    ; 19: 0xF0004B0010000000

.hfp_link 0
.entry prefill
    io.row dst=26, len=64, index=token, tokens=4, table=0 ; 0: 0x43001A0040000800
    io.row dst=30, len=64, index=position, tokens=4, table=1 ; 1: 0x43001E0040800801
    ev.sig event=0, count=1                     ; 2: 0xF000000010000000
    ev.sig event=26, count=1                    ; 3: 0xF0001A0010000000
    ev.wait event=34, count=1                   ; 4: 0xF100220010000000
    noc.send pu=11, src=26, dst=24, len=4       ; 5: 0x4100B001A0018004
    ev.sig event=35, count=1                    ; 6: 0xF000230010000000
    ev.sig event=47, count=1                    ; 7: 0xF0002F0010000000
    ev.wait event=61, count=1                   ; 8: 0xF1003D0010000000
    ev.wait event=62, count=1                   ; 9: 0xF1003E0010000000
    ev.wait event=63, count=1                   ; 10: 0xF1003F0010000000
    noc.send pu=11, src=30, dst=24, len=4       ; 11: 0x4100B001E0018004
    ev.sig event=64, count=1                    ; 12: 0xF000400010000000
.entry decode
    io.row dst=26, len=64, index=token, tokens=1, table=0 ; 13: 0x43001A0040000200
    io.row dst=27, len=64, index=position, tokens=1, table=1 ; 14: 0x43001B0040800201
    ev.sig event=0, count=1                     ; 15: 0xF000000010000000
    ev.sig event=25, count=1                    ; 16: 0xF000190010000000
    ev.wait event=33, count=1                   ; 17: 0xF100210010000000
    noc.send pu=11, src=26, dst=24, len=1       ; 18: 0x4100B001A0018001
    ev.sig event=34, count=1                    ; 19: 0xF000220010000000
    ev.sig event=46, count=1                    ; 20: 0xF0002E0010000000
    ev.wait event=59, count=1                   ; 21: 0xF1003B0010000000
    ev.wait event=60, count=1                   ; 22: 0xF1003C0010000000
    ev.wait event=61, count=1                   ; 23: 0xF1003D0010000000
    noc.send pu=11, src=27, dst=24, len=1       ; 24: 0x4100B001B0018001
    ev.sig event=62, count=1                    ; 25: 0xF0003E0010000000

.hfp_link 11
.entry prefill
    ev.wait event=73, count=1                   ; 0: 0xF100490010000000
    noc.send pu=22, src=28, dst=2, len=1        ; 1: 0x41016001C0002001
    ev.sig event=74, count=1                    ; 2: 0xF0004A0010000000
.entry decode
    ev.wait event=71, count=1                   ; 3: 0xF100470010000000
    noc.send pu=22, src=25, dst=2, len=1        ; 4: 0x4101600190002001
    ev.sig event=72, count=1                    ; 5: 0xF000480010000000

.hfp_link 22
.entry prefill
    ev.wait event=77, count=1                   ; 0: 0xF1004D0010000000
    io.out src=2, len=2                         ; 1: 0x4400020002000000
.entry decode
    ev.wait event=75, count=1                   ; 2: 0xF1004B0010000000
    io.out src=2, len=2                         ; 3: 0x4400020002000000
