import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_RAW,
  FIELD_KEYS,
  kernelOwnDefaults,
  readInputs,
  validateField,
  type FieldKey,
} from "./inputs";
import { GiB, MiB } from "../core/units";
import { DEFAULT_ALL_RAW, validateAllFields } from "./fields";

describe("validateField", () => {
  it("accepts every default", () => {
    expect(validateAllFields(DEFAULT_ALL_RAW)).toEqual({});
  });

  it.each<[FieldKey, string, unknown]>([
    ["ram", "787752 MiB", 787752 * MiB],
    ["ram", "1M", MiB],
    ["ram", "4096T", 4096 * 1024 * GiB],
    ["arch", "64", 64],
    ["arch", " 32 ", 32],
    ["ratio", "4", { numerator: 4, denominator: 1 }],
    ["ratio", "0.125", { numerator: 125, denominator: 1000 }],
    ["ratio", "1.5", { numerator: 15, denominator: 10 }],
    ["ratio", ".5", { numerator: 5, denominator: 10 }],
    ["ratio", "64", { numerator: 64, denominator: 1 }],
    ["ratio", "004", { numerator: 4, denominator: 1 }],
    ["ratio", "0.333333", { numerator: 333333, denominator: 1000000 }],
    ["ratio", "4.0000000", { numerator: 4, denominator: 1 }],
    ["ratio", "1.50", { numerator: 15, denominator: 10 }],
    ["struct", "352", 352],
    ["struct", "64", 64],
    ["struct", "8,192", 8192],
    ["max", "", null],
    ["max", "  ", null],
    ["max", "1", 1],
    ["max", "2147483647", 2147483647],
    ["max", "1,048,576", 1048576],
    ["max", "1_048_576", 1048576],
    ["max", "1 048 576", 1048576],
    ["kernel", "6.12", { major: 6, minor: 12, patch: null }],
    ["kernel", "5.15.0-91-generic", { major: 5, minor: 15, patch: 0 }],
    ["kernel", "3.10.0-1160.el7.x86_64", { major: 3, minor: 10, patch: 0 }],
    ["kernel", "2.6.32", { major: 2, minor: 6, patch: 32 }],
    ["kernel", "6.12.48+deb13-amd64", { major: 6, minor: 12, patch: 48 }],
    ["kernel", "2.6", { major: 2, minor: 6, patch: null }],
    ["kernel", "newest", { major: 7, minor: 3, patch: null }],
  ])("%s accepts %j", (key, text, value) => {
    expect(validateField(key, text)).toEqual({ ok: true, value });
  });

  it.each<[FieldKey, string, string]>([
    ["ram", "", "empty"],
    ["ram", "lots", "syntax"],
    ["ram", "1023K", "range"],
    ["ram", "0", "range"],
    ["ram", "4097T", "range"],
    ["ram", "16 XB", "unit"],
    ["arch", "48", "choice"],
    ["arch", "x86_64", "choice"],
    ["arch", "", "choice"],
    ["ratio", "four", "syntax"],
    ["ratio", "-1", "syntax"],
    ["ratio", "0.1", "range"],
    ["ratio", "65", "range"],
    ["ratio", "1.0000001", "precision"],
    ["ratio", "1e3", "syntax"],
    ["ratio", "99999999999", "range"],
    ["struct", "63", "range"],
    ["struct", "8193", "range"],
    ["struct", "352.5", "syntax"],
    ["struct", "0x100", "syntax"],
    ["max", "0", "range"],
    ["max", "2147483648", "range"],
    ["max", "-5", "syntax"],
    ["max", "1e6", "syntax"],
    ["max", "12,34", "syntax"],
    ["max", "99999999999999999999", "syntax"],
    ["kernel", "", "empty"],
    ["kernel", "linux", "syntax"],
    ["kernel", "6", "syntax"],
    ["kernel", "2.4.37", "range"],
    ["kernel", "10.1", "range"],
    ["kernel", "<script>", "syntax"],
  ])("%s rejects %j (%s)", (key, text, code) => {
    const result = validateField(key, text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issue.code).toBe(code);
  });

  it("never throws on any string, for any field", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIELD_KEYS),
        fc.string({ unit: "binary", maxLength: 60 }),
        (key, text) => {
          validateField(key, text);
        },
      ),
    );
  });
});

describe("readInputs", () => {
  it("falls back to the default for an invalid field alone", () => {
    const inputs = readInputs({ ...DEFAULT_RAW, ram: "64 GiB", ratio: "nonsense", struct: "320" });
    expect(inputs.ram).toBe(64 * GiB);
    // The default ratio is the kernel's own: 1 on 6.12.
    expect(inputs.ratio).toEqual({ numerator: 1, denominator: 1 });
    expect(inputs.struct).toBe(320);
  });

  it.each([
    // factor 1 from 5.15 (d532bcd0b269); 256 B slab objects measured on 6.12 and 6.1 amd64.
    ["6.12", "64", 1, 256],
    ["6.1", "64", 1, 256],
    // 5.10: factor 4; 320 B objects, 12 per 4 KiB slab (341.3 B) plus the 128 B extension every
    // entry gets there (nf_conntrack_events defaults to 1): 470.
    ["5.10", "64", 4, 470],
    // Older than any measurement: the oldest measured (5.10) figure; factor 8 before 2.6.23.
    ["2.6.22", "64", 8, 470],
    // 32-bit: 256 B objects, 16 per slab, on 5.10 and 6.1 686 and 686-pae; 5.10 adds the extension.
    ["6.1", "32", 1, 256],
    ["5.10", "32", 4, 384],
  ])("reads empty ratio and struct as the kernel's own on %s, %s-bit", (kernel, arch, ratio, struct) => {
    const inputs = readInputs({ ...DEFAULT_RAW, kernel, arch, ratio: "", struct: "" });
    expect(inputs.ratio).toEqual({ numerator: ratio, denominator: 1 });
    expect(inputs.struct).toBe(struct);
    expect(kernelOwnDefaults(inputs.kernel, inputs.arch, "host")).toEqual({ ratio, struct });
  });
});
