import { defaultEntryBytes, slabBytesPerEntry } from "../kernel/entry-size";
import { formatKernelVersion, tryParseKernelVersion, type KernelVersion } from "../kernel/kernel-version";
import type { Arch } from "../sizing/inputs";
import type { HostRole } from "../sizing/role";
import type { SlabCost } from "./dump";

/** What the page knows besides the paste: the fields as they are when the paste is read. */
export interface PasteContext {
  readonly kernel: KernelVersion;
  readonly arch: Arch;
  readonly role: HostRole;
}

/**
 * What one entry really costs on the pasted host, from its slab line: the slab's footprint per
 * object plus the 128-byte extension area where that kernel gives every entry one, or where the
 * host's role masquerades (entry-size.ts entryBytesFor(); docs/kernel-facts.md §4 "The extension
 * area"). The slab line counts only `struct nf_conn`: the extension area is a separate kmalloc-128
 * object (nf_ct_ext_add()), so the slab figure alone undercounts every entry that has one.
 */
export interface PasteEntryBytes {
  /** ceil(page × pages per slab / objects per slab), as read from the slab line. */
  readonly slabBytes: number;
  readonly objectBytes: number;
  readonly objectsPerSlab: number;
  readonly pagesPerSlab: number;
  readonly pageBytes: number;
  /** 128 where every entry also gets an extension area, else 0. */
  readonly extensionBytes: number;
  /** Why the extension counts: the kernel's own default (5.10's event cache), or the host's role. */
  readonly extensionReason: "kernel" | "role" | null;
  /** slabBytes + extensionBytes: what the kernel allocates per entry. */
  readonly totalBytes: number;
  /** The kernel release the figure is for, as the page writes it (`5.15`). */
  readonly kernelLabel: string;
  /**
   * True when the slab footprint is the one measured for this kernel and pointer width (4 KiB pages):
   * the field is then left to the model, so a later change of role still changes it.
   */
  readonly matchesModel: boolean;
}

/**
 * The bytes per entry a pasted slab line shows, with the extension area added where the kernel
 * allocates one; null without a slab line.
 *
 * @example
 * // 5.15 on x86_64, a plain host: 320-byte objects, 12 per 4 KiB slab
 * pasteEntryBytes(slab("nf_conntrack 1 1 320 12 1"), "5.15.0-91-generic", 64, { kernel: v(6, 12), arch: 64, role: "host" })
 * // { slabBytes: 342, extensionBytes: 128, extensionReason: "kernel", totalBytes: 470, matchesModel: true, ... }
 */
export function pasteEntryBytes(
  slab: SlabCost | undefined,
  release: string | undefined,
  arch: Arch | undefined,
  context: PasteContext,
): PasteEntryBytes | null {
  if (slab === undefined) return null;
  const parsed = release === undefined ? null : tryParseKernelVersion(release);
  const kernel = parsed?.ok ? parsed.value : context.kernel;
  const model = defaultEntryBytes(kernel, arch ?? context.arch);
  const modelSlab = slabBytesPerEntry(model.measurement);
  const extension = model.withExtensionBytes - modelSlab;
  const extensionReason = model.measurement.extensionByDefault
    ? "kernel"
    : context.role === "host"
      ? null
      : "role";
  const extensionBytes = extensionReason === null ? 0 : extension;
  return {
    slabBytes: slab.effectiveBytesPerEntry,
    objectBytes: slab.objectSize,
    objectsPerSlab: slab.objectsPerSlab,
    pagesPerSlab: slab.pagesPerSlab,
    pageBytes: slab.pageBytes,
    extensionBytes,
    extensionReason,
    totalBytes: slab.effectiveBytesPerEntry + extensionBytes,
    kernelLabel: formatKernelVersion({ major: kernel.major, minor: kernel.minor, patch: null }),
    matchesModel: slab.effectiveBytesPerEntry === modelSlab,
  };
}
