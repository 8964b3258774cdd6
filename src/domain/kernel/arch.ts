import type { Arch } from "../sizing/inputs";
import { bytes, type Bytes } from "../core/units";

/** sizeof(void *): 8 bytes on 64-bit kernels, 4 on 32-bit. */
export function pointerBytes(arch: Arch): Bytes {
  return bytes(arch / 8);
}
