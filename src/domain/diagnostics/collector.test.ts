import { describe, expect, it } from "vitest";
import { COLLECTOR_COMMAND, COLLECTOR_STEPS } from "./collector";

describe("the collector", () => {
  it("reads the collector's steps as one line of POSIX sh", () => {
    expect(COLLECTOR_COMMAND).not.toContain("\n");
    expect(COLLECTOR_COMMAND).not.toContain("'");
    expect(COLLECTOR_COMMAND).not.toMatch(/\bsudo\b|\[\[|\{[^}]*,[^}]*\}/);
    expect(COLLECTOR_STEPS.join("; ")).toBe(COLLECTOR_COMMAND);
  });
});
