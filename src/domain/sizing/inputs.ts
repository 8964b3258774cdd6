import { entryBytesFor } from "../kernel/entry-size";
import { tryParseDecimal, tryParseGroupedInteger } from "../core/decimal";
import { maxFactor } from "../kernel/kernel-boundaries";
import { tryParseKernelVersion, type KernelVersion } from "../kernel/kernel-version";
import { lengthIssue, type FieldIssue, type FieldSpec } from "../core/field-spec";
import { fail, ok, type Result } from "../core/result";
import { bytes, KiB, MiB, PiB, tryParseRamText, type Bytes } from "../core/units";
import { tryParseRole, type HostRole } from "./role";

export type Arch = 32 | 64;

/** Entries per bucket as an exact fraction: numerator / denominator (a power of ten). */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * The calculator's inputs. Each key is also the URL query key and the form control's
 * `name` (a public contract: see docs/url.md).
 */
export interface Inputs {
  /** MemTotal. */
  readonly ram: Bytes;
  /** Pointer width in bits. */
  readonly arch: Arch;
  /** Entries per bucket: nf_conntrack_max / nf_conntrack_buckets. */
  readonly ratio: Ratio;
  /** Bytes per conntrack entry. */
  readonly struct: Bytes;
  /** Explicit nf_conntrack_max target; null = derive from RAM. */
  readonly max: number | null;
  /** The kernel the config is for. */
  readonly kernel: KernelVersion;
  /** The kernel's page size (4 KiB on x86; arm64 and ppc64le kernels may use 16 or 64 KiB). */
  readonly page: Bytes;
  /** What the host does (role.ts): sets the bytes per entry the kernel allocates, and the warnings. */
  readonly role: HostRole;
}

/**
 * The worked example's figures (4 entries per bucket, 352 bytes per entry), one click away in the
 * form and what a version 1 link meant by leaving them out (url/migrations.ts).
 */
export const ARTICLE_PRESET = { ratio: "4", struct: "352" } as const;

/** Page sizes Linux builds with, in KiB: 4 everywhere, 16 and 64 on arm64, 64 on ppc64le. */
export const PAGE_SIZES_KIB = [4, 16, 64] as const;

/** INT_MAX: net.netfilter.nf_conntrack_max is an int sysctl bounded 0..INT_MAX (8b6861390ffe). */
export const INT_MAX = 2147483647;

/** Accepted ranges, shown verbatim in error messages. */
export const LIMITS = {
  // Below 1 MiB the RAM rule gives fewer than 32 entries; above 4 PiB (2^52 bytes) exact
  // double arithmetic would run out of headroom, and no machine has that much.
  ram: { min: bytes(MiB), max: bytes(4 * PiB) },
  ratio: { min: 0.125, max: 64, maxDecimals: 6 },
  struct: { min: 64, max: 8192 },
  max: { min: 1, max: INT_MAX },
} as const;

/** A field's value as read from its text alone: empty ratio and struct are null, "the kernel's own". */
export type FieldValues = Omit<Inputs, "ratio" | "struct"> & {
  readonly ratio: Ratio | null;
  readonly struct: Bytes | null;
};

export type FieldKey = keyof Inputs;

/** What the user typed or the link said, per field, verbatim. */
export type RawInputs = Readonly<Record<FieldKey, string>>;

/**
 * The sizing fields, in the order a link writes them. The defaults: 16 GiB of a 64-bit 6.12 kernel
 * on 4 KiB pages; empty entries per bucket and bytes per entry mean "the chosen kernel's own"
 * (kernelOwnDefaults()), so the default page reproduces what the kernel itself would do; empty
 * nf_conntrack_max means "derive it from RAM".
 */
export const SIZING_FIELDS: { readonly [K in FieldKey]: FieldSpec<FieldValues[K]> } = {
  ram: {
    group: "sizing",
    default: "16GiB",
    link: "always",
    accepted: { kind: "ram", params: LIMITS.ram },
    validate: validateRam,
  },
  arch: {
    group: "sizing",
    default: "64",
    link: "always",
    accepted: { kind: "arch", params: {} },
    validate: validateArch,
  },
  ratio: {
    group: "sizing",
    default: "",
    link: "unless-empty",
    accepted: {
      kind: "ratio",
      params: { min: LIMITS.ratio.min, max: LIMITS.ratio.max, decimals: LIMITS.ratio.maxDecimals },
    },
    validate: validateRatio,
  },
  struct: {
    group: "sizing",
    default: "",
    link: "unless-empty",
    accepted: { kind: "struct", params: LIMITS.struct },
    validate: validateStruct,
  },
  max: {
    group: "sizing",
    default: "",
    link: "unless-empty",
    accepted: { kind: "max", params: LIMITS.max },
    validate: validateMax,
  },
  kernel: {
    group: "sizing",
    default: "6.12",
    link: "always",
    accepted: { kind: "kernel", params: {} },
    validate: tryParseKernelVersion,
  },
  page: {
    group: "sizing",
    default: "4",
    link: "always",
    accepted: { kind: "page", params: {} },
    validate: validatePage,
  },
  role: {
    group: "sizing",
    default: "host",
    link: "when-changed",
    accepted: { kind: "role", params: {} },
    validate: tryParseRole,
  },
};

export const FIELD_KEYS = Object.keys(SIZING_FIELDS) as readonly FieldKey[];

export const DEFAULT_RAW: RawInputs = Object.fromEntries(
  FIELD_KEYS.map((key) => [key, SIZING_FIELDS[key].default]),
) as Record<FieldKey, string>;

function validateRam(text: string): Result<Bytes, FieldIssue> {
  const long = lengthIssue(text);
  if (long) return fail(long);
  const parsed = tryParseRamText(text);
  if (!parsed.ok) return parsed;
  const n = parsed.value;
  if (n < BigInt(LIMITS.ram.min) || n > BigInt(LIMITS.ram.max)) return fail({ code: "range" });
  return ok(bytes(Number(n)));
}

function validateArch(text: string): Result<Arch, FieldIssue> {
  const long = lengthIssue(text);
  if (long) return fail(long);
  const trimmed = text.trim();
  if (trimmed === "64") return ok(64);
  if (trimmed === "32") return ok(32);
  return fail({ code: "choice" });
}

function validateRatio(text: string): Result<Ratio | null, FieldIssue> {
  const long = lengthIssue(text);
  if (long) return fail(long);
  const trimmed = text.trim();
  if (trimmed === "") return ok(null);
  // No thousands separators: no accepted ratio reaches a thousand.
  const decimal = tryParseDecimal(trimmed, { separators: "" });
  if (decimal === null) return fail({ code: "syntax" });
  if (decimal.fraction.length > LIMITS.ratio.maxDecimals) return fail({ code: "precision" });
  if (decimal.whole.length > 3) return fail({ code: "range" });
  const ratio: Ratio = {
    numerator: Number(decimal.whole + decimal.fraction || "0"),
    denominator: 10 ** decimal.fraction.length,
  };
  // Exact comparisons: 0.125 <= n/d <= 64  <=>  8n >= d and n <= 64d.
  if (ratio.numerator * 8 < ratio.denominator || ratio.numerator > LIMITS.ratio.max * ratio.denominator) {
    return fail({ code: "range" });
  }
  return ok(ratio);
}

function validateStruct(text: string): Result<Bytes | null, FieldIssue> {
  const long = lengthIssue(text);
  if (long) return fail(long);
  const trimmed = text.trim();
  if (trimmed === "") return ok(null);
  const n = tryParseGroupedInteger(trimmed);
  if (n === null) return fail({ code: "syntax" });
  if (n < LIMITS.struct.min || n > LIMITS.struct.max) return fail({ code: "range" });
  return ok(bytes(n));
}

function validateMax(text: string): Result<number | null, FieldIssue> {
  const long = lengthIssue(text);
  if (long) return fail(long);
  const trimmed = text.trim();
  if (trimmed === "") return ok(null);
  const n = tryParseGroupedInteger(trimmed);
  if (n === null) return fail({ code: "syntax" });
  if (n < LIMITS.max.min || n > LIMITS.max.max) return fail({ code: "range" });
  return ok(n);
}

function validatePage(text: string): Result<Bytes, FieldIssue> {
  const long = lengthIssue(text);
  if (long) return fail(long);
  const kib = PAGE_SIZES_KIB.find((size) => String(size) === text.trim());
  return kib === undefined ? fail({ code: "choice" }) : ok(bytes(kib * KiB));
}

/** Validates one field's text. Never throws, whatever the string. */
export function validateField<K extends FieldKey>(key: K, text: string): Result<FieldValues[K], FieldIssue> {
  return SIZING_FIELDS[key].validate(text);
}

/**
 * What the kernel itself uses where entries per bucket or bytes per entry are left empty: its own
 * max / buckets factor (kernelRules(): 1 from 5.15, 4 from 2.6.23, 8 before) and the bytes per
 * entry measured on real kernels for that release and pointer width, with the extension area a
 * host of that role gives its entries (entry-size.ts entryBytesFor()).
 *
 * @example kernelOwnDefaults(v(6, 12), 64, "host") // { ratio: 1, struct: 256 }
 * @example kernelOwnDefaults(v(6, 12), 64, "nat") // { ratio: 1, struct: 384 }
 */
export function kernelOwnDefaults(
  kernel: KernelVersion,
  arch: Arch,
  role: HostRole,
): { ratio: number; struct: Bytes } {
  return { ratio: maxFactor(kernel), struct: bytes(entryBytesFor(kernel, arch, role)) };
}

/**
 * Reads inputs field by field: an invalid field falls back to its default alone, so one bad
 * value never resets the others. Empty entries per bucket and bytes per entry become the chosen
 * kernel's own (kernelOwnDefaults()).
 */
export function readInputs(raw: RawInputs): Inputs {
  const read = <K extends FieldKey>(key: K): FieldValues[K] => {
    const result = validateField(key, raw[key]);
    if (result.ok) return result.value;
    const fallback = validateField(key, DEFAULT_RAW[key]);
    if (!fallback.ok) throw new Error(`default for ${key} is invalid`);
    return fallback.value;
  };
  const kernel = read("kernel");
  const arch = read("arch");
  const role = read("role");
  const own = kernelOwnDefaults(kernel, arch, role);
  return {
    ram: read("ram"),
    arch,
    ratio: read("ratio") ?? { numerator: own.ratio, denominator: 1 },
    struct: read("struct") ?? own.struct,
    max: read("max"),
    kernel,
    page: read("page"),
    role,
  };
}
