import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALERT_FIELDS, readAlertThreshold } from "./alert-field";

const validateAlertPercent = ALERT_FIELDS.alert.validate;
import { DEFAULT_ALL_RAW, FIELDS, fieldsOf, validateAnyField } from "../../sizing/fields";

describe("the alert threshold field", () => {
  it("defaults to node_exporter's 75 and sits in its own group, in the field table", () => {
    expect(DEFAULT_ALL_RAW.alert).toBe("75");
    expect(fieldsOf("alerts")).toEqual(["alert"]);
    expect(FIELDS.alert).toBe(ALERT_FIELDS.alert);
    expect(FIELDS.alert.link).toBe("when-changed");
    expect(FIELDS.alert.accepted).toEqual({ kind: "alert", params: { min: 1, max: 100 } });
  });

  it.each([
    { text: "75", value: 75 },
    { text: " 1 ", value: 1 },
    { text: "100", value: 100 },
    { text: "80%", value: 80 },
    { text: "80 %", value: 80 },
    { text: "0075", value: 75 },
  ])("reads $text as $value", ({ text, value }) => {
    expect(validateAlertPercent(text)).toEqual({ ok: true, value });
  });

  it.each([
    { text: "", code: "empty" },
    { text: "  %", code: "empty" },
    { text: "0", code: "range" },
    { text: "101", code: "range" },
    { text: "99999999999999999999", code: "range" },
    { text: "75.5", code: "precision" },
    { text: "-5", code: "syntax" },
    { text: "1e2", code: "syntax" },
    { text: "seventy", code: "syntax" },
    { text: "0x4b", code: "syntax" },
  ])("refuses $text ($code)", ({ text, code }) => {
    expect(validateAlertPercent(text)).toEqual({ ok: false, issue: { code } });
  });

  it("never throws on any string, and accepts only whole percentages from 1 to 100", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const result = validateAnyField("alert", text);
        if (result.ok) {
          expect(Number.isInteger(result.value)).toBe(true);
          expect(result.value).toBeGreaterThanOrEqual(1);
          expect(result.value).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});

describe("readAlertThreshold", () => {
  it.each([
    ["80 %", 80],
    ["100", 100],
    ["", 75],
    ["0", 75],
    ["abc", 75],
  ])("reads %j as %d", (text, percent) => {
    expect(readAlertThreshold(text)).toBe(percent);
  });
});
