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
.region "h.0.c_attn.q.weight.svd_u.int8", weight, hfp_xbar, pu=0, module=0, array=2, size=12288
.region "h.0.c_attn.k.weight.svd_vt.int8", weight, hfp_xbar, pu=0, module=0, array=8, size=4096
.region "h.0.c_attn.k.weight.svd_u.int8", weight, hfp_xbar, pu=0, module=0, array=10, size=12288
.region "h.0.c_attn.v.weight.svd_vt.int8", weight, hfp_xbar, pu=0, module=0, array=16, size=4096
.region "h.0.c_attn.v.weight.svd_u.int8", weight, hfp_xbar, pu=0, module=0, array=18, size=12288
.region "h.0.c_proj.weight.svd_vt.int8", weight, hfp_xbar, pu=0, module=0, array=24, size=4096
.region "h.0.c_proj.weight.svd_u.int8", weight, hfp_xbar, pu=0, module=0, array=26, size=12288
.region "h.0.c_fc.weight.svd_vt.int8", weight, hfp_xbar, pu=0, module=0, array=32, size=6144
.region "h.0.c_fc.weight.svd_u.int8", weight, hfp_xbar, pu=0, module=0, array=35, size=49152
.region "h.0.mlp_c_proj.weight.svd_vt.int8", weight, hfp_xbar, pu=0, module=0, array=59, size=24576
.region "h.0.mlp_c_proj.weight.svd_u.int8", weight, hfp_xbar, pu=0, module=0, array=71, size=12288
.region "h.1.c_attn.q.weight.svd_vt.int8", weight, hfp_xbar, pu=11, module=0, array=0, size=4096
.region "h.1.c_attn.q.weight.svd_u.int8", weight, hfp_xbar, pu=11, module=0, array=2, size=12288
.region "h.1.c_attn.k.weight.svd_vt.int8", weight, hfp_xbar, pu=11, module=0, array=8, size=4096
.region "h.1.c_attn.k.weight.svd_u.int8", weight, hfp_xbar, pu=11, module=0, array=10, size=12288
.region "h.1.c_attn.v.weight.svd_vt.int8", weight, hfp_xbar, pu=11, module=0, array=16, size=4096
.region "h.1.c_attn.v.weight.svd_u.int8", weight, hfp_xbar, pu=11, module=0, array=18, size=12288
.region "h.1.c_proj.weight.svd_vt.int8", weight, hfp_xbar, pu=11, module=0, array=24, size=4096
.region "h.1.c_proj.weight.svd_u.int8", weight, hfp_xbar, pu=11, module=0, array=26, size=12288
.region "h.1.c_fc.weight.svd_vt.int8", weight, hfp_xbar, pu=11, module=0, array=32, size=6144
.region "h.1.c_fc.weight.svd_u.int8", weight, hfp_xbar, pu=11, module=0, array=35, size=49152
.region "h.1.mlp_c_proj.weight.svd_vt.int8", weight, hfp_xbar, pu=11, module=0, array=59, size=24576
.region "h.1.mlp_c_proj.weight.svd_u.int8", weight, hfp_xbar, pu=11, module=0, array=71, size=12288
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
.region "kv.layers.0.k", kv_cache, hfp_buf, pu=0, addr=16777216, size=2048
.region "kv.layers.0.v", kv_cache, hfp_buf, pu=0, addr=16779264, size=2048
.region "kv.layers.1.k", kv_cache, hfp_buf, pu=11, addr=16777216, size=2048
.region "kv.layers.1.v", kv_cache, hfp_buf, pu=11, addr=16779264, size=2048
.region "activations.pu0", activation, hfp_buf, pu=0, addr=6656, size=16128
.region "activations.pu11", activation, hfp_buf, pu=11, addr=6144, size=15104
.region "activations.pu22", activation, hfp_buf, pu=22, addr=512, size=1792

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
    ag.gemv module=0, first=2, last=7, src=39, dst=48, acc=set ; 8: 0x1200080E004E0060
    ev.sig event=4, count=1                     ; 9: 0xF000040010000000
    ev.wait event=5, count=1                    ; 10: 0xF100050010000000
    ag.shape in=64, out=32, bits=8, tokens=4    ; 11: 0x1000400008200040
    ag.split slc=2, axis=out, tile=0            ; 12: 0x1100010000000000
    ag.gemv module=0, first=8, last=9, src=30, dst=39, acc=set ; 13: 0x12002012003C004E
    ev.sig event=6, count=1                     ; 14: 0xF000060010000000
    ev.wait event=7, count=1                    ; 15: 0xF100070010000000
    ag.shape in=32, out=64, bits=8, tokens=4    ; 16: 0x1000200010200040
    ag.split slc=2, axis=in, tile=0             ; 17: 0x1100014000000000
    ag.gemv module=0, first=10, last=15, src=39, dst=52, acc=set ; 18: 0x1200281E004E0068
    ev.sig event=8, count=1                     ; 19: 0xF000080010000000
    ev.wait event=9, count=1                    ; 20: 0xF100090010000000
    ag.shape in=64, out=32, bits=8, tokens=4    ; 21: 0x1000400008200040
    ag.split slc=2, axis=out, tile=0            ; 22: 0x1100010000000000
    ag.gemv module=0, first=16, last=17, src=30, dst=39, acc=set ; 23: 0x12004022003C004E
    ev.sig event=10, count=1                    ; 24: 0xF0000A0010000000
    ev.wait event=11, count=1                   ; 25: 0xF1000B0010000000
    ag.shape in=32, out=64, bits=8, tokens=4    ; 26: 0x1000200010200040
    ag.split slc=2, axis=in, tile=0             ; 27: 0x1100014000000000
    ag.gemv module=0, first=18, last=23, src=30, dst=39, acc=set ; 28: 0x1200482E003C004E
    ev.sig event=12, count=1                    ; 29: 0xF0000C0010000000
    ev.wait event=18, count=1                   ; 30: 0xF100120010000000
    ev.wait event=19, count=1                   ; 31: 0xF100130010000000
    ag.shape in=64, out=32, bits=8, tokens=4    ; 32: 0x1000400008200040
    ag.split slc=2, axis=out, tile=0            ; 33: 0x1100010000000000
    ag.gemv module=0, first=24, last=25, src=26, dst=38, acc=set ; 34: 0x120060320034004C
    ev.sig event=20, count=1                    ; 35: 0xF000140010000000
    ev.wait event=21, count=1                   ; 36: 0xF100150010000000
    ev.wait event=22, count=1                   ; 37: 0xF100160010000000
    ag.shape in=32, out=64, bits=8, tokens=4    ; 38: 0x1000200010200040
    ag.split slc=2, axis=in, tile=0             ; 39: 0x1100014000000000
    ag.gemv module=0, first=26, last=31, src=30, dst=39, acc=set ; 40: 0x1200683E003C004E
    ev.sig event=23, count=1                    ; 41: 0xF000170010000000
    ev.wait event=24, count=1                   ; 42: 0xF100180010000000
    ev.wait event=25, count=1                   ; 43: 0xF100190010000000
    ag.shape in=64, out=51, bits=8, tokens=4    ; 44: 0x100040000CE00040
    ag.split slc=3, axis=out, tile=0            ; 45: 0x1100018000000000
    ag.gemv module=0, first=32, last=34, src=34, dst=39, acc=set ; 46: 0x120080440044004E
    ev.sig event=26, count=1                    ; 47: 0xF0001A0010000000
    ev.wait event=27, count=1                   ; 48: 0xF1001B0010000000
    ag.shape in=51, out=256, bits=8, tokens=4   ; 49: 0x1000330040200040
    ag.split slc=3, axis=in, tile=0             ; 50: 0x110001C000000000
    ag.gemv module=0, first=35, last=58, src=34, dst=39, acc=set ; 51: 0x12008C740044004E
    ev.sig event=28, count=1                    ; 52: 0xF0001C0010000000
    ev.wait event=29, count=1                   ; 53: 0xF1001D0010000000
    ag.shape in=256, out=51, bits=8, tokens=4   ; 54: 0x100100000CE00040
    ag.split slc=3, axis=out, tile=0            ; 55: 0x1100018000000000
    ag.gemv module=0, first=59, last=70, src=38, dst=43, acc=set ; 56: 0x1200EC8C004C0056
    ev.sig event=30, count=1                    ; 57: 0xF0001E0010000000
    ev.wait event=31, count=1                   ; 58: 0xF1001F0010000000
    ag.shape in=51, out=64, bits=8, tokens=4    ; 59: 0x1000330010200040
    ag.split slc=3, axis=in, tile=0             ; 60: 0x110001C000000000
    ag.gemv module=0, first=71, last=76, src=34, dst=39, acc=set ; 61: 0x12011C980044004E
    ev.sig event=32, count=1                    ; 62: 0xF000200010000000
.entry decode
    ev.wait event=1, count=1                    ; 63: 0xF100010010000000
    ag.shape in=64, out=32, bits=8, tokens=1    ; 64: 0x1000400008200010
    ag.split slc=2, axis=out, tile=0            ; 65: 0x1100010000000000
    ag.gemv module=0, first=0, last=1, src=27, dst=30, acc=set ; 66: 0x120000020036003C
    ev.sig event=2, count=1                     ; 67: 0xF000020010000000
    ev.wait event=3, count=1                    ; 68: 0xF100030010000000
    ag.shape in=32, out=64, bits=8, tokens=1    ; 69: 0x1000200010200010
    ag.split slc=2, axis=in, tile=0             ; 70: 0x1100014000000000
    ag.gemv module=0, first=2, last=7, src=30, dst=33, acc=set ; 71: 0x1200080E003C0042
    ev.sig event=4, count=1                     ; 72: 0xF000040010000000
    ev.wait event=5, count=1                    ; 73: 0xF100050010000000
    ag.shape in=64, out=32, bits=8, tokens=1    ; 74: 0x1000400008200010
    ag.split slc=2, axis=out, tile=0            ; 75: 0x1100010000000000
    ag.gemv module=0, first=8, last=9, src=27, dst=30, acc=set ; 76: 0x120020120036003C
    ev.sig event=6, count=1                     ; 77: 0xF000060010000000
    ev.wait event=7, count=1                    ; 78: 0xF100070010000000
    ag.shape in=32, out=64, bits=8, tokens=1    ; 79: 0x1000200010200010
    ag.split slc=2, axis=in, tile=0             ; 80: 0x1100014000000000
    ag.gemv module=0, first=10, last=15, src=30, dst=34, acc=set ; 81: 0x1200281E003C0044
    ev.sig event=8, count=1                     ; 82: 0xF000080010000000
    ev.wait event=9, count=1                    ; 83: 0xF100090010000000
    ag.shape in=64, out=32, bits=8, tokens=1    ; 84: 0x1000400008200010
    ag.split slc=2, axis=out, tile=0            ; 85: 0x1100010000000000
    ag.gemv module=0, first=16, last=17, src=27, dst=30, acc=set ; 86: 0x120040220036003C
    ev.sig event=10, count=1                    ; 87: 0xF0000A0010000000
    ev.wait event=11, count=1                   ; 88: 0xF1000B0010000000
    ag.shape in=32, out=64, bits=8, tokens=1    ; 89: 0x1000200010200010
    ag.split slc=2, axis=in, tile=0             ; 90: 0x1100014000000000
    ag.gemv module=0, first=18, last=23, src=27, dst=30, acc=set ; 91: 0x1200482E0036003C
    ev.sig event=12, count=1                    ; 92: 0xF0000C0010000000
    ev.wait event=18, count=1                   ; 93: 0xF100120010000000
    ev.wait event=19, count=1                   ; 94: 0xF100130010000000
    ag.shape in=64, out=32, bits=8, tokens=1    ; 95: 0x1000400008200010
    ag.split slc=2, axis=out, tile=0            ; 96: 0x1100010000000000
    ag.gemv module=0, first=24, last=25, src=26, dst=29, acc=set ; 97: 0x120060320034003A
    ev.sig event=20, count=1                    ; 98: 0xF000140010000000
    ev.wait event=21, count=1                   ; 99: 0xF100150010000000
    ev.wait event=22, count=1                   ; 100: 0xF100160010000000
    ag.shape in=32, out=64, bits=8, tokens=1    ; 101: 0x1000200010200010
    ag.split slc=2, axis=in, tile=0             ; 102: 0x1100014000000000
    ag.gemv module=0, first=26, last=31, src=27, dst=30, acc=set ; 103: 0x1200683E0036003C
    ev.sig event=23, count=1                    ; 104: 0xF000170010000000
    ev.wait event=24, count=1                   ; 105: 0xF100180010000000
    ev.wait event=25, count=1                   ; 106: 0xF100190010000000
    ag.shape in=64, out=51, bits=8, tokens=1    ; 107: 0x100040000CE00010
    ag.split slc=3, axis=out, tile=0            ; 108: 0x1100018000000000
    ag.gemv module=0, first=32, last=34, src=28, dst=30, acc=set ; 109: 0x120080440038003C
    ev.sig event=26, count=1                    ; 110: 0xF0001A0010000000
    ev.wait event=27, count=1                   ; 111: 0xF1001B0010000000
    ag.shape in=51, out=256, bits=8, tokens=1   ; 112: 0x1000330040200010
    ag.split slc=3, axis=in, tile=0             ; 113: 0x110001C000000000
    ag.gemv module=0, first=35, last=58, src=28, dst=30, acc=set ; 114: 0x12008C740038003C
    ev.sig event=28, count=1                    ; 115: 0xF0001C0010000000
    ev.wait event=29, count=1                   ; 116: 0xF1001D0010000000
    ag.shape in=256, out=51, bits=8, tokens=1   ; 117: 0x100100000CE00010
    ag.split slc=3, axis=out, tile=0            ; 118: 0x1100018000000000
    ag.gemv module=0, first=59, last=70, src=29, dst=31, acc=set ; 119: 0x1200EC8C003A003E
    ev.sig event=30, count=1                    ; 120: 0xF0001E0010000000
    ev.wait event=31, count=1                   ; 121: 0xF1001F0010000000
    ag.shape in=51, out=64, bits=8, tokens=1    ; 122: 0x1000330010200010
    ag.split slc=3, axis=in, tile=0             ; 123: 0x110001C000000000
    ag.gemv module=0, first=71, last=76, src=28, dst=30, acc=set ; 124: 0x12011C980038003C
    ev.sig event=32, count=1                    ; 125: 0xF000200010000000

.hfp_analog 11
.entry prefill
    ev.wait event=35, count=1                   ; 0: 0xF100230010000000
    ag.shape in=64, out=32, bits=8, tokens=4    ; 1: 0x1000400008200040
    ag.split slc=2, axis=out, tile=0            ; 2: 0x1100010000000000
    ag.gemv module=0, first=0, last=1, src=28, dst=33, acc=set ; 3: 0x1200000200380042
    ev.sig event=36, count=1                    ; 4: 0xF000240010000000
    ev.wait event=37, count=1                   ; 5: 0xF100250010000000
    ag.shape in=32, out=64, bits=8, tokens=4    ; 6: 0x1000200010200040
    ag.split slc=2, axis=in, tile=0             ; 7: 0x1100014000000000
    ag.gemv module=0, first=2, last=7, src=33, dst=42, acc=set ; 8: 0x1200080E00420054
    ev.sig event=38, count=1                    ; 9: 0xF000260010000000
    ev.wait event=39, count=1                   ; 10: 0xF100270010000000
    ag.shape in=64, out=32, bits=8, tokens=4    ; 11: 0x1000400008200040
    ag.split slc=2, axis=out, tile=0            ; 12: 0x1100010000000000
    ag.gemv module=0, first=8, last=9, src=28, dst=33, acc=set ; 13: 0x1200201200380042
    ev.sig event=40, count=1                    ; 14: 0xF000280010000000
    ev.wait event=41, count=1                   ; 15: 0xF100290010000000
    ag.shape in=32, out=64, bits=8, tokens=4    ; 16: 0x1000200010200040
    ag.split slc=2, axis=in, tile=0             ; 17: 0x1100014000000000
    ag.gemv module=0, first=10, last=15, src=33, dst=46, acc=set ; 18: 0x1200281E0042005C
    ev.sig event=42, count=1                    ; 19: 0xF0002A0010000000
    ev.wait event=43, count=1                   ; 20: 0xF1002B0010000000
    ag.shape in=64, out=32, bits=8, tokens=4    ; 21: 0x1000400008200040
    ag.split slc=2, axis=out, tile=0            ; 22: 0x1100010000000000
    ag.gemv module=0, first=16, last=17, src=28, dst=33, acc=set ; 23: 0x1200402200380042
    ev.sig event=44, count=1                    ; 24: 0xF0002C0010000000
    ev.wait event=45, count=1                   ; 25: 0xF1002D0010000000
    ev.wait event=46, count=1                   ; 26: 0xF1002E0010000000
    ag.shape in=32, out=64, bits=8, tokens=4    ; 27: 0x1000200010200040
    ag.split slc=2, axis=in, tile=0             ; 28: 0x1100014000000000
    ag.gemv module=0, first=18, last=23, src=28, dst=33, acc=set ; 29: 0x1200482E00380042
    ev.sig event=47, count=1                    ; 30: 0xF0002F0010000000
    ev.wait event=53, count=1                   ; 31: 0xF100350010000000
    ev.wait event=54, count=1                   ; 32: 0xF100360010000000
    ag.shape in=64, out=32, bits=8, tokens=4    ; 33: 0x1000400008200040
    ag.split slc=2, axis=out, tile=0            ; 34: 0x1100010000000000
    ag.gemv module=0, first=24, last=25, src=24, dst=29, acc=set ; 35: 0x120060320030003A
    ev.sig event=55, count=1                    ; 36: 0xF000370010000000
    ev.wait event=56, count=1                   ; 37: 0xF100380010000000
    ev.wait event=57, count=1                   ; 38: 0xF100390010000000
    ag.shape in=32, out=64, bits=8, tokens=4    ; 39: 0x1000200010200040
    ag.split slc=2, axis=in, tile=0             ; 40: 0x1100014000000000
    ag.gemv module=0, first=26, last=31, src=28, dst=33, acc=set ; 41: 0x1200683E00380042
    ev.sig event=58, count=1                    ; 42: 0xF0003A0010000000
    ev.sig event=60, count=1                    ; 43: 0xF0003C0010000000
    ev.wait event=63, count=1                   ; 44: 0xF1003F0010000000
    ag.shape in=64, out=51, bits=8, tokens=4    ; 45: 0x100040000CE00040
    ag.split slc=3, axis=out, tile=0            ; 46: 0x1100018000000000
    ag.gemv module=0, first=32, last=34, src=28, dst=37, acc=set ; 47: 0x120080440038004A
    ev.sig event=64, count=1                    ; 48: 0xF000400010000000
    ev.wait event=65, count=1                   ; 49: 0xF100410010000000
    ag.shape in=51, out=256, bits=8, tokens=4   ; 50: 0x1000330040200040
    ag.split slc=3, axis=in, tile=0             ; 51: 0x110001C000000000
    ag.gemv module=0, first=35, last=58, src=28, dst=37, acc=set ; 52: 0x12008C740038004A
    ev.sig event=66, count=1                    ; 53: 0xF000420010000000
    ev.wait event=67, count=1                   ; 54: 0xF100430010000000
    ag.shape in=256, out=51, bits=8, tokens=4   ; 55: 0x100100000CE00040
    ag.split slc=3, axis=out, tile=0            ; 56: 0x1100018000000000
    ag.gemv module=0, first=59, last=70, src=36, dst=41, acc=set ; 57: 0x1200EC8C00480052
    ev.sig event=68, count=1                    ; 58: 0xF000440010000000
    ev.wait event=69, count=1                   ; 59: 0xF100450010000000
    ag.shape in=51, out=64, bits=8, tokens=4    ; 60: 0x1000330010200040
    ag.split slc=3, axis=in, tile=0             ; 61: 0x110001C000000000
    ag.gemv module=0, first=71, last=76, src=28, dst=37, acc=set ; 62: 0x12011C980038004A
    ev.sig event=70, count=1                    ; 63: 0xF000460010000000
.entry decode
    ev.wait event=35, count=1                   ; 64: 0xF100230010000000
    ag.shape in=64, out=32, bits=8, tokens=1    ; 65: 0x1000400008200010
    ag.split slc=2, axis=out, tile=0            ; 66: 0x1100010000000000
    ag.gemv module=0, first=0, last=1, src=25, dst=27, acc=set ; 67: 0x1200000200320036
    ev.sig event=36, count=1                    ; 68: 0xF000240010000000
    ev.wait event=37, count=1                   ; 69: 0xF100250010000000
    ag.shape in=32, out=64, bits=8, tokens=1    ; 70: 0x1000200010200010
    ag.split slc=2, axis=in, tile=0             ; 71: 0x1100014000000000
    ag.gemv module=0, first=2, last=7, src=27, dst=30, acc=set ; 72: 0x1200080E0036003C
    ev.sig event=38, count=1                    ; 73: 0xF000260010000000
    ev.wait event=39, count=1                   ; 74: 0xF100270010000000
    ag.shape in=64, out=32, bits=8, tokens=1    ; 75: 0x1000400008200010
    ag.split slc=2, axis=out, tile=0            ; 76: 0x1100010000000000
    ag.gemv module=0, first=8, last=9, src=25, dst=27, acc=set ; 77: 0x1200201200320036
    ev.sig event=40, count=1                    ; 78: 0xF000280010000000
    ev.wait event=41, count=1                   ; 79: 0xF100290010000000
    ag.shape in=32, out=64, bits=8, tokens=1    ; 80: 0x1000200010200010
    ag.split slc=2, axis=in, tile=0             ; 81: 0x1100014000000000
    ag.gemv module=0, first=10, last=15, src=27, dst=31, acc=set ; 82: 0x1200281E0036003E
    ev.sig event=42, count=1                    ; 83: 0xF0002A0010000000
    ev.wait event=43, count=1                   ; 84: 0xF1002B0010000000
    ag.shape in=64, out=32, bits=8, tokens=1    ; 85: 0x1000400008200010
    ag.split slc=2, axis=out, tile=0            ; 86: 0x1100010000000000
    ag.gemv module=0, first=16, last=17, src=25, dst=27, acc=set ; 87: 0x1200402200320036
    ev.sig event=44, count=1                    ; 88: 0xF0002C0010000000
    ev.wait event=45, count=1                   ; 89: 0xF1002D0010000000
    ev.wait event=46, count=1                   ; 90: 0xF1002E0010000000
    ag.shape in=32, out=64, bits=8, tokens=1    ; 91: 0x1000200010200010
    ag.split slc=2, axis=in, tile=0             ; 92: 0x1100014000000000
    ag.gemv module=0, first=18, last=23, src=25, dst=27, acc=set ; 93: 0x1200482E00320036
    ev.sig event=47, count=1                    ; 94: 0xF0002F0010000000
    ev.wait event=53, count=1                   ; 95: 0xF100350010000000
    ev.wait event=54, count=1                   ; 96: 0xF100360010000000
    ag.shape in=64, out=32, bits=8, tokens=1    ; 97: 0x1000400008200010
    ag.split slc=2, axis=out, tile=0            ; 98: 0x1100010000000000
    ag.gemv module=0, first=24, last=25, src=24, dst=26, acc=set ; 99: 0x1200603200300034
    ev.sig event=55, count=1                    ; 100: 0xF000370010000000
    ev.wait event=56, count=1                   ; 101: 0xF100380010000000
    ev.wait event=57, count=1                   ; 102: 0xF100390010000000
    ag.shape in=32, out=64, bits=8, tokens=1    ; 103: 0x1000200010200010
    ag.split slc=2, axis=in, tile=0             ; 104: 0x1100014000000000
    ag.gemv module=0, first=26, last=31, src=25, dst=27, acc=set ; 105: 0x1200683E00320036
    ev.sig event=58, count=1                    ; 106: 0xF0003A0010000000
    ev.sig event=60, count=1                    ; 107: 0xF0003C0010000000
    ev.wait event=63, count=1                   ; 108: 0xF1003F0010000000
    ag.shape in=64, out=51, bits=8, tokens=1    ; 109: 0x100040000CE00010
    ag.split slc=3, axis=out, tile=0            ; 110: 0x1100018000000000
    ag.gemv module=0, first=32, last=34, src=25, dst=28, acc=set ; 111: 0x1200804400320038
    ev.sig event=64, count=1                    ; 112: 0xF000400010000000
    ev.wait event=65, count=1                   ; 113: 0xF100410010000000
    ag.shape in=51, out=256, bits=8, tokens=1   ; 114: 0x1000330040200010
    ag.split slc=3, axis=in, tile=0             ; 115: 0x110001C000000000
    ag.gemv module=0, first=35, last=58, src=25, dst=28, acc=set ; 116: 0x12008C7400320038
    ev.sig event=66, count=1                    ; 117: 0xF000420010000000
    ev.wait event=67, count=1                   ; 118: 0xF100430010000000
    ag.shape in=256, out=51, bits=8, tokens=1   ; 119: 0x100100000CE00010
    ag.split slc=3, axis=out, tile=0            ; 120: 0x1100018000000000
    ag.gemv module=0, first=59, last=70, src=27, dst=29, acc=set ; 121: 0x1200EC8C0036003A
    ev.sig event=68, count=1                    ; 122: 0xF000440010000000
    ev.wait event=69, count=1                   ; 123: 0xF100450010000000
    ag.shape in=51, out=64, bits=8, tokens=1    ; 124: 0x1000330010200010
    ag.split slc=3, axis=in, tile=0             ; 125: 0x110001C000000000
    ag.gemv module=0, first=71, last=76, src=25, dst=28, acc=set ; 126: 0x12011C9800320038
    ev.sig event=70, count=1                    ; 127: 0xF000460010000000

.hfp_analog 22
.entry prefill
    ev.wait event=73, count=1                   ; 0: 0xF100490010000000
    ag.shape in=64, out=256, bits=8, tokens=1   ; 1: 0x1000400040200010
    ag.split slc=0, axis=out, tile=0            ; 2: 0x1100000000000000
    ag.gemv module=0, first=0, last=7, src=3, dst=5, acc=set ; 3: 0x1200000E0006000A
    ev.sig event=74, count=1                    ; 4: 0xF0004A0010000000
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
    dg.kvw dst=65536, src=39, rows=4            ; 2: 0x23040000009C0040
    ev.wait event=14, count=1                   ; 3: 0xF1000E0010000000
    dg.kvw dst=65544, src=52, rows=4            ; 4: 0x2304002000D00040
    dg.qk dst=57, q=26, k=65536                 ; 5: 0x210039001A040000
    ev.sig event=15, count=1                    ; 6: 0xF0000F0010000000
    ev.sig event=19, count=1                    ; 7: 0xF000130010000000
    ev.wait event=16, count=1                   ; 8: 0xF100100010000000
    dg.sv dst=57, p=73, v=65544                 ; 9: 0x2200390049040020
    ev.sig event=17, count=1                    ; 10: 0xF000110010000000
    ev.sig event=22, count=1                    ; 11: 0xF000160010000000
.entry decode
    ev.wait event=13, count=1                   ; 12: 0xF1000D0010000000
    dg.shape dim=16, rows=8, queries=1, heads=4, groups=4 ; 13: 0x2004000800041010
    dg.kvw dst=65536, src=30, rows=1            ; 14: 0x2304000000780010
    ev.wait event=14, count=1                   ; 15: 0xF1000E0010000000
    dg.kvw dst=65544, src=34, rows=1            ; 16: 0x2304002000880010
    dg.qk dst=36, q=26, k=65536                 ; 17: 0x210024001A040000
    ev.sig event=15, count=1                    ; 18: 0xF0000F0010000000
    ev.sig event=19, count=1                    ; 19: 0xF000130010000000
    ev.wait event=16, count=1                   ; 20: 0xF100100010000000
    dg.sv dst=36, p=40, v=65544                 ; 21: 0x2200240028040020
    ev.sig event=17, count=1                    ; 22: 0xF000110010000000
    ev.sig event=22, count=1                    ; 23: 0xF000160010000000

.hfp_digital 11
.entry prefill
    ev.wait event=48, count=1                   ; 0: 0xF100300010000000
    dg.shape dim=16, rows=8, queries=4, heads=4, groups=4 ; 1: 0x2004000800101010
    dg.kvw dst=65536, src=33, rows=4            ; 2: 0x2304000000840040
    ev.wait event=49, count=1                   ; 3: 0xF100310010000000
    dg.kvw dst=65544, src=46, rows=4            ; 4: 0x2304002000B80040
    dg.qk dst=51, q=24, k=65536                 ; 5: 0x2100330018040000
    ev.sig event=50, count=1                    ; 6: 0xF000320010000000
    ev.sig event=54, count=1                    ; 7: 0xF000360010000000
    ev.wait event=51, count=1                   ; 8: 0xF100330010000000
    dg.sv dst=51, p=67, v=65544                 ; 9: 0x2200330043040020
    ev.sig event=52, count=1                    ; 10: 0xF000340010000000
    ev.sig event=57, count=1                    ; 11: 0xF000390010000000
    ev.sig event=61, count=1                    ; 12: 0xF0003D0010000000
.entry decode
    ev.wait event=48, count=1                   ; 13: 0xF100300010000000
    dg.shape dim=16, rows=8, queries=1, heads=4, groups=4 ; 14: 0x2004000800041010
    dg.kvw dst=65536, src=27, rows=1            ; 15: 0x23040000006C0010
    ev.wait event=49, count=1                   ; 16: 0xF100310010000000
    dg.kvw dst=65544, src=31, rows=1            ; 17: 0x23040020007C0010
    dg.qk dst=33, q=24, k=65536                 ; 18: 0x2100210018040000
    ev.sig event=50, count=1                    ; 19: 0xF000320010000000
    ev.sig event=54, count=1                    ; 20: 0xF000360010000000
    ev.wait event=51, count=1                   ; 21: 0xF100330010000000
    dg.sv dst=33, p=37, v=65544                 ; 22: 0x2200210025040020
    ev.sig event=52, count=1                    ; 23: 0xF000340010000000
    ev.sig event=57, count=1                    ; 24: 0xF000390010000000
    ev.sig event=61, count=1                    ; 25: 0xF0003D0010000000

.hfp_sfu 0
.entry prefill
    ev.wait event=0, count=1                    ; 0: 0xF100000010000000
    sfu.len len=64, rows=4                      ; 1: 0x3000040000400000
    sfu.add dst=34, a=26, b=30                  ; 2: 0x340022001A001E00
    sfu.len len=64, rows=4                      ; 3: 0x3000040000400000
    sfu.norm dst=26, src=34, params=0, kind=layer ; 4: 0x32001A0022000000
    sfu.len len=64, rows=4                      ; 5: 0x3000040000400000
    sfu.quant dst=30, src=26, scale=38          ; 6: 0x37001E001A002600
    ev.sig event=1, count=1                     ; 7: 0xF000010010000000
    ev.wait event=2, count=1                    ; 8: 0xF100020010000000
    sfu.len len=32, rows=4                      ; 9: 0x3000020000400000
    sfu.mul dst=43, a=39, b=2                   ; 10: 0x35002B0027000200
    sfu.len len=32, rows=4                      ; 11: 0x3000020000400000
    sfu.quant dst=39, src=43, scale=47          ; 12: 0x370027002B002F00
    ev.sig event=3, count=1                     ; 13: 0xF000030010000000
    ev.wait event=4, count=1                    ; 14: 0xF100040010000000
    sfu.len len=64, rows=4                      ; 15: 0x3000040000400000
    sfu.mul dst=39, a=48, b=3                   ; 16: 0x3500270030000300
    sfu.len len=64, rows=4                      ; 17: 0x3000040000400000
    sfu.add dst=43, a=39, b=4                   ; 18: 0x34002B0027000400
    ev.sig event=5, count=1                     ; 19: 0xF000050010000000
    ev.wait event=6, count=1                    ; 20: 0xF100060010000000
    sfu.len len=32, rows=4                      ; 21: 0x3000020000400000
    sfu.mul dst=47, a=39, b=5                   ; 22: 0x35002F0027000500
    sfu.len len=32, rows=4                      ; 23: 0x3000020000400000
    sfu.quant dst=39, src=47, scale=51          ; 24: 0x370027002F003300
    ev.sig event=7, count=1                     ; 25: 0xF000070010000000
    ev.wait event=8, count=1                    ; 26: 0xF100080010000000
    sfu.len len=64, rows=4                      ; 27: 0x3000040000400000
    sfu.mul dst=39, a=52, b=6                   ; 28: 0x3500270034000600
    sfu.len len=64, rows=4                      ; 29: 0x3000040000400000
    sfu.add dst=47, a=39, b=7                   ; 30: 0x34002F0027000700
    ev.sig event=9, count=1                     ; 31: 0xF000090010000000
    ev.wait event=10, count=1                   ; 32: 0xF1000A0010000000
    sfu.len len=32, rows=4                      ; 33: 0x3000020000400000
    sfu.mul dst=26, a=39, b=8                   ; 34: 0x35001A0027000800
    sfu.len len=32, rows=4                      ; 35: 0x3000020000400000
    sfu.quant dst=30, src=26, scale=38          ; 36: 0x37001E001A002600
    ev.sig event=11, count=1                    ; 37: 0xF0000B0010000000
    ev.wait event=12, count=1                   ; 38: 0xF1000C0010000000
    sfu.len len=64, rows=4                      ; 39: 0x3000040000400000
    sfu.mul dst=26, a=39, b=9                   ; 40: 0x35001A0027000900
    sfu.len len=64, rows=4                      ; 41: 0x3000040000400000
    sfu.add dst=30, a=26, b=10                  ; 42: 0x34001E001A000A00
    sfu.len len=64, rows=4                      ; 43: 0x3000040000400000
    sfu.quant dst=26, src=43, scale=38          ; 44: 0x37001A002B002600
    sfu.len len=64, rows=4                      ; 45: 0x3000040000400000
    sfu.quant dst=39, src=47, scale=51          ; 46: 0x370027002F003300
    ev.sig event=13, count=1                    ; 47: 0xF0000D0010000000
    sfu.len len=64, rows=4                      ; 48: 0x3000040000400000
    sfu.quant dst=52, src=30, scale=56          ; 49: 0x370034001E003800
    ev.sig event=14, count=1                    ; 50: 0xF0000E0010000000
    ev.wait event=15, count=1                   ; 51: 0xF1000F0010000000
    sfu.len len=8, rows=16                      ; 52: 0x3000008001000000
    sfu.softmax dst=73, src=57, queries=4       ; 53: 0x3100490039001000
    ev.sig event=16, count=1                    ; 54: 0xF000100010000000
    ev.wait event=17, count=1                   ; 55: 0xF100110010000000
    sfu.len len=64, rows=4                      ; 56: 0x3000040000400000
    sfu.quant dst=26, src=57, scale=30          ; 57: 0x37001A0039001E00
    ev.sig event=18, count=1                    ; 58: 0xF000120010000000
    ev.wait event=20, count=1                   ; 59: 0xF100140010000000
    sfu.len len=32, rows=4                      ; 60: 0x3000020000400000
    sfu.mul dst=26, a=38, b=11                  ; 61: 0x35001A0026000B00
    sfu.len len=32, rows=4                      ; 62: 0x3000020000400000
    sfu.quant dst=30, src=26, scale=38          ; 63: 0x37001E001A002600
    ev.sig event=21, count=1                    ; 64: 0xF000150010000000
    ev.wait event=23, count=1                   ; 65: 0xF100170010000000
    sfu.len len=64, rows=4                      ; 66: 0x3000040000400000
    sfu.mul dst=26, a=39, b=12                  ; 67: 0x35001A0027000C00
    sfu.len len=64, rows=4                      ; 68: 0x3000040000400000
    sfu.add dst=30, a=26, b=13                  ; 69: 0x34001E001A000D00
    sfu.len len=64, rows=4                      ; 70: 0x3000040000400000
    sfu.add dst=26, a=34, b=30                  ; 71: 0x34001A0022001E00
    sfu.len len=64, rows=4                      ; 72: 0x3000040000400000
    sfu.norm dst=30, src=26, params=14, kind=layer ; 73: 0x32001E001A000E00
    sfu.len len=64, rows=4                      ; 74: 0x3000040000400000
    sfu.quant dst=34, src=30, scale=38          ; 75: 0x370022001E002600
    ev.sig event=24, count=1                    ; 76: 0xF000180010000000
    ev.wait event=26, count=1                   ; 77: 0xF1001A0010000000
    sfu.len len=51, rows=4                      ; 78: 0x3000033000400000
    sfu.mul dst=30, a=39, b=16                  ; 79: 0x35001E0027001000
    sfu.len len=51, rows=4                      ; 80: 0x3000033000400000
    sfu.quant dst=34, src=30, scale=38          ; 81: 0x370022001E002600
    ev.sig event=27, count=1                    ; 82: 0xF0001B0010000000
    ev.wait event=28, count=1                   ; 83: 0xF1001C0010000000
    sfu.len len=256, rows=4                     ; 84: 0x3000100000400000
    sfu.mul dst=30, a=39, b=17                  ; 85: 0x35001E0027001100
    sfu.len len=256, rows=4                     ; 86: 0x3000100000400000
    sfu.add dst=38, a=30, b=19                  ; 87: 0x340026001E001300
    sfu.len len=256, rows=4                     ; 88: 0x3000100000400000
    sfu.act dst=30, src=38, fn=gelu             ; 89: 0x33001E0026000000
    sfu.len len=256, rows=4                     ; 90: 0x3000100000400000
    sfu.quant dst=38, src=30, scale=42          ; 91: 0x370026001E002A00
    ev.sig event=29, count=1                    ; 92: 0xF0001D0010000000
    ev.wait event=30, count=1                   ; 93: 0xF1001E0010000000
    sfu.len len=51, rows=4                      ; 94: 0x3000033000400000
    sfu.mul dst=30, a=43, b=21                  ; 95: 0x35001E002B001500
    sfu.len len=51, rows=4                      ; 96: 0x3000033000400000
    sfu.quant dst=34, src=30, scale=38          ; 97: 0x370022001E002600
    ev.sig event=31, count=1                    ; 98: 0xF0001F0010000000
    ev.wait event=32, count=1                   ; 99: 0xF100200010000000
    sfu.len len=64, rows=4                      ; 100: 0x3000040000400000
    sfu.mul dst=30, a=39, b=22                  ; 101: 0x35001E0027001600
    sfu.len len=64, rows=4                      ; 102: 0x3000040000400000
    sfu.add dst=34, a=30, b=23                  ; 103: 0x340022001E001700
    sfu.len len=64, rows=4                      ; 104: 0x3000040000400000
    sfu.add dst=30, a=26, b=34                  ; 105: 0x34001E001A002200
    sfu.len len=64, rows=4                      ; 106: 0x3000040000400000
    sfu.norm dst=26, src=30, params=24, kind=layer ; 107: 0x32001A001E001800
    ev.sig event=33, count=1                    ; 108: 0xF000210010000000
.entry decode
    ev.wait event=0, count=1                    ; 109: 0xF100000010000000
    sfu.len len=64, rows=1                      ; 110: 0x3000040000100000
    sfu.add dst=28, a=26, b=27                  ; 111: 0x34001C001A001B00
    sfu.len len=64, rows=1                      ; 112: 0x3000040000100000
    sfu.norm dst=26, src=28, params=0, kind=layer ; 113: 0x32001A001C000000
    sfu.len len=64, rows=1                      ; 114: 0x3000040000100000
    sfu.quant dst=27, src=26, scale=29          ; 115: 0x37001B001A001D00
    ev.sig event=1, count=1                     ; 116: 0xF000010010000000
    ev.wait event=2, count=1                    ; 117: 0xF100020010000000
    sfu.len len=32, rows=1                      ; 118: 0x3000020000100000
    sfu.mul dst=31, a=30, b=2                   ; 119: 0x35001F001E000200
    sfu.len len=32, rows=1                      ; 120: 0x3000020000100000
    sfu.quant dst=30, src=31, scale=32          ; 121: 0x37001E001F002000
    ev.sig event=3, count=1                     ; 122: 0xF000030010000000
    ev.wait event=4, count=1                    ; 123: 0xF100040010000000
    sfu.len len=64, rows=1                      ; 124: 0x3000040000100000
    sfu.mul dst=30, a=33, b=3                   ; 125: 0x35001E0021000300
    sfu.len len=64, rows=1                      ; 126: 0x3000040000100000
    sfu.add dst=31, a=30, b=4                   ; 127: 0x34001F001E000400
    ev.sig event=5, count=1                     ; 128: 0xF000050010000000
    ev.wait event=6, count=1                    ; 129: 0xF100060010000000
    sfu.len len=32, rows=1                      ; 130: 0x3000020000100000
    sfu.mul dst=32, a=30, b=5                   ; 131: 0x350020001E000500
    sfu.len len=32, rows=1                      ; 132: 0x3000020000100000
    sfu.quant dst=30, src=32, scale=33          ; 133: 0x37001E0020002100
    ev.sig event=7, count=1                     ; 134: 0xF000070010000000
    ev.wait event=8, count=1                    ; 135: 0xF100080010000000
    sfu.len len=64, rows=1                      ; 136: 0x3000040000100000
    sfu.mul dst=30, a=34, b=6                   ; 137: 0x35001E0022000600
    sfu.len len=64, rows=1                      ; 138: 0x3000040000100000
    sfu.add dst=32, a=30, b=7                   ; 139: 0x340020001E000700
    ev.sig event=9, count=1                     ; 140: 0xF000090010000000
    ev.wait event=10, count=1                   ; 141: 0xF1000A0010000000
    sfu.len len=32, rows=1                      ; 142: 0x3000020000100000
    sfu.mul dst=26, a=30, b=8                   ; 143: 0x35001A001E000800
    sfu.len len=32, rows=1                      ; 144: 0x3000020000100000
    sfu.quant dst=27, src=26, scale=29          ; 145: 0x37001B001A001D00
    ev.sig event=11, count=1                    ; 146: 0xF0000B0010000000
    ev.wait event=12, count=1                   ; 147: 0xF1000C0010000000
    sfu.len len=64, rows=1                      ; 148: 0x3000040000100000
    sfu.mul dst=26, a=30, b=9                   ; 149: 0x35001A001E000900
    sfu.len len=64, rows=1                      ; 150: 0x3000040000100000
    sfu.add dst=27, a=26, b=10                  ; 151: 0x34001B001A000A00
    sfu.len len=64, rows=1                      ; 152: 0x3000040000100000
    sfu.quant dst=26, src=31, scale=29          ; 153: 0x37001A001F001D00
    sfu.len len=64, rows=1                      ; 154: 0x3000040000100000
    sfu.quant dst=30, src=32, scale=33          ; 155: 0x37001E0020002100
    ev.sig event=13, count=1                    ; 156: 0xF0000D0010000000
    sfu.len len=64, rows=1                      ; 157: 0x3000040000100000
    sfu.quant dst=34, src=27, scale=35          ; 158: 0x370022001B002300
    ev.sig event=14, count=1                    ; 159: 0xF0000E0010000000
    ev.wait event=15, count=1                   ; 160: 0xF1000F0010000000
    sfu.len len=8, rows=4                       ; 161: 0x3000008000400000
    sfu.softmax dst=40, src=36, queries=1       ; 162: 0x3100280024000400
    ev.sig event=16, count=1                    ; 163: 0xF000100010000000
    ev.wait event=17, count=1                   ; 164: 0xF100110010000000
    sfu.len len=64, rows=1                      ; 165: 0x3000040000100000
    sfu.quant dst=26, src=36, scale=27          ; 166: 0x37001A0024001B00
    ev.sig event=18, count=1                    ; 167: 0xF000120010000000
    ev.wait event=20, count=1                   ; 168: 0xF100140010000000
    sfu.len len=32, rows=1                      ; 169: 0x3000020000100000
    sfu.mul dst=26, a=29, b=11                  ; 170: 0x35001A001D000B00
    sfu.len len=32, rows=1                      ; 171: 0x3000020000100000
    sfu.quant dst=27, src=26, scale=29          ; 172: 0x37001B001A001D00
    ev.sig event=21, count=1                    ; 173: 0xF000150010000000
    ev.wait event=23, count=1                   ; 174: 0xF100170010000000
    sfu.len len=64, rows=1                      ; 175: 0x3000040000100000
    sfu.mul dst=26, a=30, b=12                  ; 176: 0x35001A001E000C00
    sfu.len len=64, rows=1                      ; 177: 0x3000040000100000
    sfu.add dst=27, a=26, b=13                  ; 178: 0x34001B001A000D00
    sfu.len len=64, rows=1                      ; 179: 0x3000040000100000
    sfu.add dst=26, a=28, b=27                  ; 180: 0x34001A001C001B00
    sfu.len len=64, rows=1                      ; 181: 0x3000040000100000
    sfu.norm dst=27, src=26, params=14, kind=layer ; 182: 0x32001B001A000E00
    sfu.len len=64, rows=1                      ; 183: 0x3000040000100000
    sfu.quant dst=28, src=27, scale=29          ; 184: 0x37001C001B001D00
    ev.sig event=24, count=1                    ; 185: 0xF000180010000000
    ev.wait event=26, count=1                   ; 186: 0xF1001A0010000000
    sfu.len len=51, rows=1                      ; 187: 0x3000033000100000
    sfu.mul dst=27, a=30, b=16                  ; 188: 0x35001B001E001000
    sfu.len len=51, rows=1                      ; 189: 0x3000033000100000
    sfu.quant dst=28, src=27, scale=29          ; 190: 0x37001C001B001D00
    ev.sig event=27, count=1                    ; 191: 0xF0001B0010000000
    ev.wait event=28, count=1                   ; 192: 0xF1001C0010000000
    sfu.len len=256, rows=1                     ; 193: 0x3000100000100000
    sfu.mul dst=27, a=30, b=17                  ; 194: 0x35001B001E001100
    sfu.len len=256, rows=1                     ; 195: 0x3000100000100000
    sfu.add dst=29, a=27, b=19                  ; 196: 0x34001D001B001300
    sfu.len len=256, rows=1                     ; 197: 0x3000100000100000
    sfu.act dst=27, src=29, fn=gelu             ; 198: 0x33001B001D000000
    sfu.len len=256, rows=1                     ; 199: 0x3000100000100000
    sfu.quant dst=29, src=27, scale=30          ; 200: 0x37001D001B001E00
    ev.sig event=29, count=1                    ; 201: 0xF0001D0010000000
    ev.wait event=30, count=1                   ; 202: 0xF1001E0010000000
    sfu.len len=51, rows=1                      ; 203: 0x3000033000100000
    sfu.mul dst=27, a=31, b=21                  ; 204: 0x35001B001F001500
    sfu.len len=51, rows=1                      ; 205: 0x3000033000100000
    sfu.quant dst=28, src=27, scale=29          ; 206: 0x37001C001B001D00
    ev.sig event=31, count=1                    ; 207: 0xF0001F0010000000
    ev.wait event=32, count=1                   ; 208: 0xF100200010000000
    sfu.len len=64, rows=1                      ; 209: 0x3000040000100000
    sfu.mul dst=27, a=30, b=22                  ; 210: 0x35001B001E001600
    sfu.len len=64, rows=1                      ; 211: 0x3000040000100000
    sfu.add dst=28, a=27, b=23                  ; 212: 0x34001C001B001700
    sfu.len len=64, rows=1                      ; 213: 0x3000040000100000
    sfu.add dst=27, a=26, b=28                  ; 214: 0x34001B001A001C00
    sfu.len len=64, rows=1                      ; 215: 0x3000040000100000
    sfu.norm dst=26, src=27, params=24, kind=layer ; 216: 0x32001A001B001800
    ev.sig event=33, count=1                    ; 217: 0xF000210010000000

.hfp_sfu 11
.entry prefill
    ev.wait event=34, count=1                   ; 0: 0xF100220010000000
    sfu.len len=64, rows=4                      ; 1: 0x3000040000400000
    sfu.quant dst=28, src=24, scale=32          ; 2: 0x37001C0018002000
    ev.sig event=35, count=1                    ; 3: 0xF000230010000000
    ev.wait event=36, count=1                   ; 4: 0xF100240010000000
    sfu.len len=32, rows=4                      ; 5: 0x3000020000400000
    sfu.mul dst=37, a=33, b=0                   ; 6: 0x3500250021000000
    sfu.len len=32, rows=4                      ; 7: 0x3000020000400000
    sfu.quant dst=33, src=37, scale=41          ; 8: 0x3700210025002900
    ev.sig event=37, count=1                    ; 9: 0xF000250010000000
    ev.wait event=38, count=1                   ; 10: 0xF100260010000000
    sfu.len len=64, rows=4                      ; 11: 0x3000040000400000
    sfu.mul dst=33, a=42, b=1                   ; 12: 0x350021002A000100
    sfu.len len=64, rows=4                      ; 13: 0x3000040000400000
    sfu.add dst=37, a=33, b=2                   ; 14: 0x3400250021000200
    ev.sig event=39, count=1                    ; 15: 0xF000270010000000
    ev.wait event=40, count=1                   ; 16: 0xF100280010000000
    sfu.len len=32, rows=4                      ; 17: 0x3000020000400000
    sfu.mul dst=41, a=33, b=3                   ; 18: 0x3500290021000300
    sfu.len len=32, rows=4                      ; 19: 0x3000020000400000
    sfu.quant dst=33, src=41, scale=45          ; 20: 0x3700210029002D00
    ev.sig event=41, count=1                    ; 21: 0xF000290010000000
    ev.wait event=42, count=1                   ; 22: 0xF1002A0010000000
    sfu.len len=64, rows=4                      ; 23: 0x3000040000400000
    sfu.mul dst=33, a=46, b=4                   ; 24: 0x350021002E000400
    sfu.len len=64, rows=4                      ; 25: 0x3000040000400000
    sfu.add dst=41, a=33, b=5                   ; 26: 0x3400290021000500
    ev.sig event=43, count=1                    ; 27: 0xF0002B0010000000
    ev.wait event=44, count=1                   ; 28: 0xF1002C0010000000
    sfu.len len=32, rows=4                      ; 29: 0x3000020000400000
    sfu.mul dst=24, a=33, b=6                   ; 30: 0x3500180021000600
    sfu.len len=32, rows=4                      ; 31: 0x3000020000400000
    sfu.quant dst=28, src=24, scale=32          ; 32: 0x37001C0018002000
    ev.sig event=45, count=1                    ; 33: 0xF0002D0010000000
    ev.wait event=47, count=1                   ; 34: 0xF1002F0010000000
    sfu.len len=64, rows=4                      ; 35: 0x3000040000400000
    sfu.mul dst=24, a=33, b=7                   ; 36: 0x3500180021000700
    sfu.len len=64, rows=4                      ; 37: 0x3000040000400000
    sfu.add dst=28, a=24, b=8                   ; 38: 0x34001C0018000800
    sfu.len len=64, rows=4                      ; 39: 0x3000040000400000
    sfu.quant dst=24, src=37, scale=32          ; 40: 0x3700180025002000
    sfu.len len=64, rows=4                      ; 41: 0x3000040000400000
    sfu.quant dst=33, src=41, scale=45          ; 42: 0x3700210029002D00
    ev.sig event=48, count=1                    ; 43: 0xF000300010000000
    sfu.len len=64, rows=4                      ; 44: 0x3000040000400000
    sfu.quant dst=46, src=28, scale=50          ; 45: 0x37002E001C003200
    ev.sig event=49, count=1                    ; 46: 0xF000310010000000
    ev.wait event=50, count=1                   ; 47: 0xF100320010000000
    sfu.len len=8, rows=16                      ; 48: 0x3000008001000000
    sfu.softmax dst=67, src=51, queries=4       ; 49: 0x3100430033001000
    ev.sig event=51, count=1                    ; 50: 0xF000330010000000
    ev.wait event=52, count=1                   ; 51: 0xF100340010000000
    sfu.len len=64, rows=4                      ; 52: 0x3000040000400000
    sfu.quant dst=24, src=51, scale=28          ; 53: 0x3700180033001C00
    ev.sig event=53, count=1                    ; 54: 0xF000350010000000
    ev.wait event=55, count=1                   ; 55: 0xF100370010000000
    sfu.len len=32, rows=4                      ; 56: 0x3000020000400000
    sfu.mul dst=24, a=29, b=9                   ; 57: 0x350018001D000900
    sfu.len len=32, rows=4                      ; 58: 0x3000020000400000
    sfu.quant dst=28, src=24, scale=32          ; 59: 0x37001C0018002000
    ev.sig event=56, count=1                    ; 60: 0xF000380010000000
    ev.wait event=58, count=1                   ; 61: 0xF1003A0010000000
    sfu.len len=64, rows=4                      ; 62: 0x3000040000400000
    sfu.mul dst=24, a=33, b=10                  ; 63: 0x3500180021000A00
    sfu.len len=64, rows=4                      ; 64: 0x3000040000400000
    sfu.add dst=28, a=24, b=11                  ; 65: 0x34001C0018000B00
    ev.sig event=59, count=1                    ; 66: 0xF0003B0010000000
    ev.wait event=62, count=1                   ; 67: 0xF1003E0010000000
    sfu.len len=64, rows=4                      ; 68: 0x3000040000400000
    sfu.add dst=32, a=24, b=28                  ; 69: 0x3400200018001C00
    sfu.len len=64, rows=4                      ; 70: 0x3000040000400000
    sfu.norm dst=24, src=32, params=12, kind=layer ; 71: 0x3200180020000C00
    sfu.len len=64, rows=4                      ; 72: 0x3000040000400000
    sfu.quant dst=28, src=24, scale=36          ; 73: 0x37001C0018002400
    ev.sig event=63, count=1                    ; 74: 0xF0003F0010000000
    ev.wait event=64, count=1                   ; 75: 0xF100400010000000
    sfu.len len=51, rows=4                      ; 76: 0x3000033000400000
    sfu.mul dst=24, a=37, b=14                  ; 77: 0x3500180025000E00
    sfu.len len=51, rows=4                      ; 78: 0x3000033000400000
    sfu.quant dst=28, src=24, scale=36          ; 79: 0x37001C0018002400
    ev.sig event=65, count=1                    ; 80: 0xF000410010000000
    ev.wait event=66, count=1                   ; 81: 0xF100420010000000
    sfu.len len=256, rows=4                     ; 82: 0x3000100000400000
    sfu.mul dst=24, a=37, b=15                  ; 83: 0x3500180025000F00
    sfu.len len=256, rows=4                     ; 84: 0x3000100000400000
    sfu.add dst=36, a=24, b=17                  ; 85: 0x3400240018001100
    sfu.len len=256, rows=4                     ; 86: 0x3000100000400000
    sfu.act dst=24, src=36, fn=gelu             ; 87: 0x3300180024000000
    sfu.len len=256, rows=4                     ; 88: 0x3000100000400000
    sfu.quant dst=36, src=24, scale=40          ; 89: 0x3700240018002800
    ev.sig event=67, count=1                    ; 90: 0xF000430010000000
    ev.wait event=68, count=1                   ; 91: 0xF100440010000000
    sfu.len len=51, rows=4                      ; 92: 0x3000033000400000
    sfu.mul dst=24, a=41, b=19                  ; 93: 0x3500180029001300
    sfu.len len=51, rows=4                      ; 94: 0x3000033000400000
    sfu.quant dst=28, src=24, scale=36          ; 95: 0x37001C0018002400
    ev.sig event=69, count=1                    ; 96: 0xF000450010000000
    ev.wait event=70, count=1                   ; 97: 0xF100460010000000
    sfu.len len=64, rows=4                      ; 98: 0x3000040000400000
    sfu.mul dst=24, a=37, b=20                  ; 99: 0x3500180025001400
    sfu.len len=64, rows=4                      ; 100: 0x3000040000400000
    sfu.add dst=28, a=24, b=21                  ; 101: 0x34001C0018001500
    sfu.len len=64, rows=4                      ; 102: 0x3000040000400000
    sfu.add dst=24, a=32, b=28                  ; 103: 0x3400180020001C00
    sfu.len len=64, rows=1                      ; 104: 0x3000040000100000
    sfu.norm dst=28, src=27, params=22, kind=layer ; 105: 0x32001C001B001600
    ev.sig event=71, count=1                    ; 106: 0xF000470010000000
.entry decode
    ev.wait event=34, count=1                   ; 107: 0xF100220010000000
    sfu.len len=64, rows=1                      ; 108: 0x3000040000100000
    sfu.quant dst=25, src=24, scale=26          ; 109: 0x3700190018001A00
    ev.sig event=35, count=1                    ; 110: 0xF000230010000000
    ev.wait event=36, count=1                   ; 111: 0xF100240010000000
    sfu.len len=32, rows=1                      ; 112: 0x3000020000100000
    sfu.mul dst=28, a=27, b=0                   ; 113: 0x35001C001B000000
    sfu.len len=32, rows=1                      ; 114: 0x3000020000100000
    sfu.quant dst=27, src=28, scale=29          ; 115: 0x37001B001C001D00
    ev.sig event=37, count=1                    ; 116: 0xF000250010000000
    ev.wait event=38, count=1                   ; 117: 0xF100260010000000
    sfu.len len=64, rows=1                      ; 118: 0x3000040000100000
    sfu.mul dst=27, a=30, b=1                   ; 119: 0x35001B001E000100
    sfu.len len=64, rows=1                      ; 120: 0x3000040000100000
    sfu.add dst=28, a=27, b=2                   ; 121: 0x34001C001B000200
    ev.sig event=39, count=1                    ; 122: 0xF000270010000000
    ev.wait event=40, count=1                   ; 123: 0xF100280010000000
    sfu.len len=32, rows=1                      ; 124: 0x3000020000100000
    sfu.mul dst=29, a=27, b=3                   ; 125: 0x35001D001B000300
    sfu.len len=32, rows=1                      ; 126: 0x3000020000100000
    sfu.quant dst=27, src=29, scale=30          ; 127: 0x37001B001D001E00
    ev.sig event=41, count=1                    ; 128: 0xF000290010000000
    ev.wait event=42, count=1                   ; 129: 0xF1002A0010000000
    sfu.len len=64, rows=1                      ; 130: 0x3000040000100000
    sfu.mul dst=27, a=31, b=4                   ; 131: 0x35001B001F000400
    sfu.len len=64, rows=1                      ; 132: 0x3000040000100000
    sfu.add dst=29, a=27, b=5                   ; 133: 0x34001D001B000500
    ev.sig event=43, count=1                    ; 134: 0xF0002B0010000000
    ev.wait event=44, count=1                   ; 135: 0xF1002C0010000000
    sfu.len len=32, rows=1                      ; 136: 0x3000020000100000
    sfu.mul dst=24, a=27, b=6                   ; 137: 0x350018001B000600
    sfu.len len=32, rows=1                      ; 138: 0x3000020000100000
    sfu.quant dst=25, src=24, scale=26          ; 139: 0x3700190018001A00
    ev.sig event=45, count=1                    ; 140: 0xF0002D0010000000
    ev.wait event=47, count=1                   ; 141: 0xF1002F0010000000
    sfu.len len=64, rows=1                      ; 142: 0x3000040000100000
    sfu.mul dst=24, a=27, b=7                   ; 143: 0x350018001B000700
    sfu.len len=64, rows=1                      ; 144: 0x3000040000100000
    sfu.add dst=25, a=24, b=8                   ; 145: 0x3400190018000800
    sfu.len len=64, rows=1                      ; 146: 0x3000040000100000
    sfu.quant dst=24, src=28, scale=26          ; 147: 0x370018001C001A00
    sfu.len len=64, rows=1                      ; 148: 0x3000040000100000
    sfu.quant dst=27, src=29, scale=30          ; 149: 0x37001B001D001E00
    ev.sig event=48, count=1                    ; 150: 0xF000300010000000
    sfu.len len=64, rows=1                      ; 151: 0x3000040000100000
    sfu.quant dst=31, src=25, scale=32          ; 152: 0x37001F0019002000
    ev.sig event=49, count=1                    ; 153: 0xF000310010000000
    ev.wait event=50, count=1                   ; 154: 0xF100320010000000
    sfu.len len=8, rows=4                       ; 155: 0x3000008000400000
    sfu.softmax dst=37, src=33, queries=1       ; 156: 0x3100250021000400
    ev.sig event=51, count=1                    ; 157: 0xF000330010000000
    ev.wait event=52, count=1                   ; 158: 0xF100340010000000
    sfu.len len=64, rows=1                      ; 159: 0x3000040000100000
    sfu.quant dst=24, src=33, scale=25          ; 160: 0x3700180021001900
    ev.sig event=53, count=1                    ; 161: 0xF000350010000000
    ev.wait event=55, count=1                   ; 162: 0xF100370010000000
    sfu.len len=32, rows=1                      ; 163: 0x3000020000100000
    sfu.mul dst=24, a=26, b=9                   ; 164: 0x350018001A000900
    sfu.len len=32, rows=1                      ; 165: 0x3000020000100000
    sfu.quant dst=25, src=24, scale=26          ; 166: 0x3700190018001A00
    ev.sig event=56, count=1                    ; 167: 0xF000380010000000
    ev.wait event=58, count=1                   ; 168: 0xF1003A0010000000
    sfu.len len=64, rows=1                      ; 169: 0x3000040000100000
    sfu.mul dst=24, a=27, b=10                  ; 170: 0x350018001B000A00
    sfu.len len=64, rows=1                      ; 171: 0x3000040000100000
    sfu.add dst=25, a=24, b=11                  ; 172: 0x3400190018000B00
    ev.sig event=59, count=1                    ; 173: 0xF0003B0010000000
    ev.wait event=62, count=1                   ; 174: 0xF1003E0010000000
    sfu.len len=64, rows=1                      ; 175: 0x3000040000100000
    sfu.add dst=26, a=24, b=25                  ; 176: 0x34001A0018001900
    sfu.len len=64, rows=1                      ; 177: 0x3000040000100000
    sfu.norm dst=24, src=26, params=12, kind=layer ; 178: 0x320018001A000C00
    sfu.len len=64, rows=1                      ; 179: 0x3000040000100000
    sfu.quant dst=25, src=24, scale=27          ; 180: 0x3700190018001B00
    ev.sig event=63, count=1                    ; 181: 0xF0003F0010000000
    ev.wait event=64, count=1                   ; 182: 0xF100400010000000
    sfu.len len=51, rows=1                      ; 183: 0x3000033000100000
    sfu.mul dst=24, a=28, b=14                  ; 184: 0x350018001C000E00
    sfu.len len=51, rows=1                      ; 185: 0x3000033000100000
    sfu.quant dst=25, src=24, scale=27          ; 186: 0x3700190018001B00
    ev.sig event=65, count=1                    ; 187: 0xF000410010000000
    ev.wait event=66, count=1                   ; 188: 0xF100420010000000
    sfu.len len=256, rows=1                     ; 189: 0x3000100000100000
    sfu.mul dst=24, a=28, b=15                  ; 190: 0x350018001C000F00
    sfu.len len=256, rows=1                     ; 191: 0x3000100000100000
    sfu.add dst=27, a=24, b=17                  ; 192: 0x34001B0018001100
    sfu.len len=256, rows=1                     ; 193: 0x3000100000100000
    sfu.act dst=24, src=27, fn=gelu             ; 194: 0x330018001B000000
    sfu.len len=256, rows=1                     ; 195: 0x3000100000100000
    sfu.quant dst=27, src=24, scale=28          ; 196: 0x37001B0018001C00
    ev.sig event=67, count=1                    ; 197: 0xF000430010000000
    ev.wait event=68, count=1                   ; 198: 0xF100440010000000
    sfu.len len=51, rows=1                      ; 199: 0x3000033000100000
    sfu.mul dst=24, a=29, b=19                  ; 200: 0x350018001D001300
    sfu.len len=51, rows=1                      ; 201: 0x3000033000100000
    sfu.quant dst=25, src=24, scale=27          ; 202: 0x3700190018001B00
    ev.sig event=69, count=1                    ; 203: 0xF000450010000000
    ev.wait event=70, count=1                   ; 204: 0xF100460010000000
    sfu.len len=64, rows=1                      ; 205: 0x3000040000100000
    sfu.mul dst=24, a=28, b=20                  ; 206: 0x350018001C001400
    sfu.len len=64, rows=1                      ; 207: 0x3000040000100000
    sfu.add dst=25, a=24, b=21                  ; 208: 0x3400190018001500
    sfu.len len=64, rows=1                      ; 209: 0x3000040000100000
    sfu.add dst=24, a=26, b=25                  ; 210: 0x340018001A001900
    sfu.len len=64, rows=1                      ; 211: 0x3000040000100000
    sfu.norm dst=25, src=24, params=22, kind=layer ; 212: 0x3200190018001600
    ev.sig event=71, count=1                    ; 213: 0xF000470010000000

.hfp_sfu 22
.entry prefill
    ev.wait event=72, count=1                   ; 0: 0xF100480010000000
    sfu.len len=64, rows=1                      ; 1: 0x3000040000100000
    sfu.quant dst=3, src=2, scale=4             ; 2: 0x3700030002000400
    ev.sig event=73, count=1                    ; 3: 0xF000490010000000
    ev.wait event=74, count=1                   ; 4: 0xF1004A0010000000
    sfu.len len=256, rows=1                     ; 5: 0x3000100000100000
    sfu.mul dst=2, a=5, b=0                     ; 6: 0x3500020005000000
    ev.sig event=75, count=1                    ; 7: 0xF0004B0010000000
.entry decode
    ev.wait event=72, count=1                   ; 8: 0xF100480010000000
    sfu.len len=64, rows=1                      ; 9: 0x3000040000100000
    sfu.quant dst=3, src=2, scale=4             ; 10: 0x3700030002000400
    ev.sig event=73, count=1                    ; 11: 0xF000490010000000
    ev.wait event=74, count=1                   ; 12: 0xF1004A0010000000
    sfu.len len=256, rows=1                     ; 13: 0x3000100000100000
    sfu.mul dst=2, a=5, b=0                     ; 14: 0x3500020005000000
    ev.sig event=75, count=1                    ; 15: 0xF0004B0010000000

.hfp_link 0
.entry prefill
    io.row dst=26, len=64, index=token, tokens=4 ; 0: 0x43001A0040000800
    io.row dst=30, len=64, index=position, tokens=4 ; 1: 0x43001E0040800800
    ev.sig event=0, count=1                     ; 2: 0xF000000010000000
    ev.sig event=25, count=1                    ; 3: 0xF000190010000000
    ev.wait event=33, count=1                   ; 4: 0xF100210010000000
    noc.send pu=11, src=26, dst=24, len=4       ; 5: 0x4100B001A0018004
    ev.sig event=34, count=1                    ; 6: 0xF000220010000000
    ev.sig event=46, count=1                    ; 7: 0xF0002E0010000000
    ev.wait event=59, count=1                   ; 8: 0xF1003B0010000000
    ev.wait event=60, count=1                   ; 9: 0xF1003C0010000000
    ev.wait event=61, count=1                   ; 10: 0xF1003D0010000000
    noc.send pu=11, src=30, dst=24, len=4       ; 11: 0x4100B001E0018004
    ev.sig event=62, count=1                    ; 12: 0xF0003E0010000000
.entry decode
    io.row dst=26, len=64, index=token, tokens=1 ; 13: 0x43001A0040000200
    io.row dst=27, len=64, index=position, tokens=1 ; 14: 0x43001B0040800200
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
    ev.wait event=71, count=1                   ; 0: 0xF100470010000000
    noc.send pu=22, src=28, dst=2, len=1        ; 1: 0x41016001C0002001
    ev.sig event=72, count=1                    ; 2: 0xF000480010000000
.entry decode
    ev.wait event=71, count=1                   ; 3: 0xF100470010000000
    noc.send pu=22, src=25, dst=2, len=1        ; 4: 0x4101600190002001
    ev.sig event=72, count=1                    ; 5: 0xF000480010000000

.hfp_link 22
.entry prefill
    ev.wait event=75, count=1                   ; 0: 0xF1004B0010000000
    io.out src=2, len=2                         ; 1: 0x4400020002000000
.entry decode
    ev.wait event=75, count=1                   ; 2: 0xF1004B0010000000
    io.out src=2, len=2                         ; 3: 0x4400020002000000
