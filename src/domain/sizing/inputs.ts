import { defaultEntryBytes } from "../kernel/entry-size";
import { formatRatio } from "../core/format";
import { tryParseDecimal, tryParseGroupedInteger } from "../core/decimal";
import { maxFactor } from "../kernel/kernel-boundaries";
import { tryParseKernelVersion, type KernelVersion } from "../kernel/kernel-version";
import { fail, ok, type Result } from "../core/result";
import { bytes, KiB, MiB, PiB, tryParseRamText, type Bytes } from "../core/units";

/**
 * The calculator's inputs. Each key is also the URL query key and the form control's
 * `name` (a public contract: see docs/url.md).
 */
export const FIELD_KEYS = ["ram", "arch", "ratio", "struct", "max", "kernel", "page"] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

/** What the user typed or the link said, per field, verbatim. */
export type RawInputs = Readonly<Record<FieldKey, string>>;

export type Arch = 32 | 64;

/** Entries per bucket as an exact fraction: numerator / denominator (a power of ten). */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

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
}

/**
 * The defaults. Empty entries per bucket and bytes per entry mean "the chosen kernel's own"
 * (kernelOwnDefaults()), so the default page reproduces what the kernel itself would do.
 */
export const DEFAULT_RAW: RawInputs = {
  ram: "16GiB",
  arch: "64",
  ratio: "",
  struct: "",
  max: "",
  kernel: "6.12",
  page: "4",
};

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

export type FieldIssue =
  | { code: "empty" }
  | { code: "syntax" }
  | { code: "unit"; unit: string }
  | { code: "precision" }
  | { code: "range" }
  | { code: "choice" };

/** A field's value as read from its text alone: empty ratio and struct are null, "the kernel's own". */
export type FieldValues = Omit<Inputs, "ratio" | "struct"> & {
  readonly ratio: Ratio | null;
  readonly struct: Bytes | null;
};

type Validators = { readonly [K in FieldKey]: (text: string) => Result<FieldValues[K], FieldIssue> };

const VALIDATORS: Validators = {
  ram(text) {
    const parsed = tryParseRamText(text);
    if (!parsed.ok) return parsed;
    const n = parsed.value;
    if (n < BigInt(LIMITS.ram.min) || n > BigInt(LIMITS.ram.max)) return fail({ code: "range" });
    return ok(bytes(Number(n)));
  },
  arch(text) {
    const trimmed = text.trim();
    if (trimmed === "64") return ok(64);
    if (trimmed === "32") return ok(32);
    return fail({ code: "choice" });
  },
  ratio(text) {
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
  },
  struct(text) {
    const trimmed = text.trim();
    if (trimmed === "") return ok(null);
    const n = tryParseGroupedInteger(trimmed);
    if (n === null) return fail({ code: "syntax" });
    if (n < LIMITS.struct.min || n > LIMITS.struct.max) return fail({ code: "range" });
    return ok(bytes(n));
  },
  max(text) {
    const trimmed = text.trim();
    if (trimmed === "") return ok(null);
    const n = tryParseGroupedInteger(trimmed);
    if (n === null) return fail({ code: "syntax" });
    if (n < LIMITS.max.min || n > LIMITS.max.max) return fail({ code: "range" });
    return ok(n);
  },
  kernel(text) {
    return tryParseKernelVersion(text);
  },
  page(text) {
    const kib = PAGE_SIZES_KIB.find((size) => String(size) === text.trim());
    return kib === undefined ? fail({ code: "choice" }) : ok(bytes(kib * KiB));
  },
};

/** Validates one field's text. Never throws, whatever the string. */
export function validateField<K extends FieldKey>(key: K, text: string): Result<FieldValues[K], FieldIssue> {
  return VALIDATORS[key](text);
}

/** The issue with each invalid field, if any. */
export function validateAll(raw: RawInputs): Partial<Record<FieldKey, FieldIssue>> {
  const issues: Partial<Record<FieldKey, FieldIssue>> = {};
  for (const key of FIELD_KEYS) {
    const result = validateField(key, raw[key]);
    if (!result.ok) issues[key] = result.issue;
  }
  return issues;
}

/**
 * What the kernel itself uses where entries per bucket or bytes per entry are left empty: its own
 * max / buckets factor (kernelRules(): 1 from 5.15, 4 from 2.6.23, 8 before) and the bytes per
 * entry measured on real kernels for that release and pointer width (entry-size.ts).
 *
 * @example kernelOwnDefaults(v(6, 12), 64) // { ratio: 1, struct: 256 }
 */
export function kernelOwnDefaults(kernel: KernelVersion, arch: Arch): { ratio: number; struct: Bytes } {
  return { ratio: maxFactor(kernel), struct: bytes(defaultEntryBytes(kernel, arch).bytes) };
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
  const own = kernelOwnDefaults(kernel, arch);
  return {
    ram: read("ram"),
    arch,
    ratio: read("ratio") ?? { numerator: own.ratio, denominator: 1 },
    struct: read("struct") ?? own.struct,
    max: read("max"),
    kernel,
    page: read("page"),
  };
}

/**
 * The same texts with empty entries per bucket and bytes per entry replaced by the values they
 * stand for on the kernel and architecture given, so a shared link keeps its numbers when the
 * measured defaults change. Invalid texts are left as they are.
 *
 * @example pinKernelDefaults({ ...DEFAULT_RAW }) // { ..., ratio: "1", struct: "256" }
 */
export function pinKernelDefaults<T extends RawInputs>(raw: T): T {
  if (raw.ratio.trim() !== "" && raw.struct.trim() !== "") return raw;
  const inputs = readInputs(raw);
  return {
    ...raw,
    ratio: raw.ratio.trim() === "" ? formatRatio(inputs.ratio) : raw.ratio,
    struct: raw.struct.trim() === "" ? String(inputs.struct) : raw.struct,
  };
}
