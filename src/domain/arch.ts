import type { Arch } from "./inputs";
import { bytes, type Bytes } from "./units";

/** sizeof(void *): 8 bytes on 64-bit kernels, 4 on 32-bit. */
export function pointerBytes(arch: Arch): Bytes {
  return bytes(arch / 8);
}
