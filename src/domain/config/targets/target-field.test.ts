import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readTarget, TARGET_CHOICES, TARGET_FIELDS } from "./target-field";

const { target } = TARGET_FIELDS;

describe("the target field", () => {
  it.each(TARGET_CHOICES)("takes %s, also with spaces around it", (choice) => {
    expect(target.validate(choice)).toEqual({ ok: true, value: choice });
    expect(target.validate(` ${choice} `)).toEqual({ ok: true, value: choice });
  });

  it.each([
    ["", "empty"],
    ["Ansible", "choice"],
    ["puppet", "choice"],
    ["__proto__", "choice"],
  ])("refuses %j (%s)", (text, code) => {
    expect(target.validate(text)).toEqual({ ok: false, issue: { code } });
  });

  it("defaults to the plain files, which a link leaves out", () => {
    expect(target.default).toBe("files");
    expect(target.link).toBe("when-changed");
  });

  it("reads a choice as the output, anything else as the plain files", () => {
    expect(readTarget(" nixos ")).toBe("nixos");
    expect(readTarget("puppet")).toBe("files");
    expect(readTarget("")).toBe("files");
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        target.validate(text);
      }),
    );
  });
});
