import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatBinaryBytes,
  formatCompactCount,
  formatDecimal,
  formatMilli,
  formatExactBinaryBytes,
  formatInteger,
  formatPercent,
  formatRatio,
} from "./format";
import { LOCALES } from "./locale";

describe("formatting for people", () => {
  it.each([
    [0, "0 B"],
    [512, "512 B"],
    [1024, "1 KiB"],
    [1536, "1.5 KiB"],
    [185597952, "177 MiB"],
    [8923656192, "8.31 GiB"],
    [100 * 1024 * 1024, "100 MiB"],
    [1023 * 1024, "1023 KiB"],
    [2 ** 50, "1 PiB"],
  ])("formatBinaryBytes(%d) = %s", (n, text) => {
    expect(formatBinaryBytes(n)).toBe(text);
  });

  it.each([
    [787752 * 1024 * 1024, "787752 MiB"],
    [16 * 2 ** 30, "16 GiB"],
    [24683620 * 1024, "24683620 KiB"],
    [1000, "1000 B"],
    [1.5 * 2 ** 40, "1536 GiB"],
  ])("formatExactBinaryBytes(%d) = %s", (n, text) => {
    expect(formatExactBinaryBytes(n)).toBe(text);
  });

  it.each([
    [524288, "524,288"],
    [2147483647, "2,147,483,647"],
    [0, "0"],
  ])("formatInteger(%d) = %s", (n, text) => {
    expect(formatInteger(n)).toBe(text);
  });

  it("formatInteger writes what Intl.NumberFormat writes in both languages", () => {
    const intl = {
      en: new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }),
      "zh-CN": new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 0 }),
    } as const;
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        for (const locale of LOCALES) expect(formatInteger(n, locale)).toBe(intl[locale].format(n));
      }),
    );
  });

  it.each([
    [0.010803, "1.08%"],
    [0.394, "39.4%"],
    [1.5, "150%"],
    [0.000061, "0.0061%"],
    [0, "0%"],
    [1e-9, "<0.0001%"],
  ])("formatPercent(%d) = %s", (share, text) => {
    expect(formatPercent(share)).toBe(text);
  });

  it.each([
    [{ numerator: 4, denominator: 1 }, "4"],
    [{ numerator: 125, denominator: 1000 }, "0.125"],
    [{ numerator: 15, denominator: 10 }, "1.5"],
    [{ numerator: 1005, denominator: 1000 }, "1.005"],
    [{ numerator: 40, denominator: 10 }, "4"],
  ])("formatRatio(%j) = %s", (ratio, text) => {
    expect(formatRatio(ratio)).toBe(text);
  });

  it.each([
    [0, "0"],
    [800, "800"],
    [262144, "262K"],
    [1048576, "1M"],
    [2500000, "2.5M"],
    [25208064, "25M"],
    [2147483647, "2.1G"],
  ])("formatCompactCount(%d) = %s", (n, text) => {
    expect(formatCompactCount(n)).toBe(text);
  });

  it("formatMilli writes thousandths exactly, grouped", () => {
    expect(formatMilli(2400)).toBe("2.4");
    expect(formatMilli(1000125)).toBe("1,000.125");
    expect(formatMilli(1)).toBe("0.001");
    expect(formatMilli(5000)).toBe("5");
    expect(formatMilli(0)).toBe("0");
  });

  it("formatDecimal keeps at most two decimals", () => {
    expect(formatDecimal(8)).toBe("8");
    expect(formatDecimal(16.00004)).toBe("16");
    expect(formatDecimal(2.0123)).toBe("2.01");
  });
});
