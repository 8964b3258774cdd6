import { describe, expect, it } from "vitest";
import { MAX_FIELD_TEXT_LENGTH } from "../core/field-spec";
import { readKubeNode } from "../kube/kube-proxy-fields";
import { readAlertThreshold } from "../config/targets/alert-field";
import { readTarget } from "../config/targets/target-field";
import { readTimeouts } from "../kernel/timeouts";
import { readTraffic, TRAFFIC_FIELD_KEYS } from "../traffic/traffic-fields";
import { ALL_FIELD_KEYS, DEFAULT_ALL_RAW, timeoutRaw, validateAnyField } from "./fields";
import { readInputs } from "./inputs";

/**
 * Every field refuses a megabyte, whatever it is made of. Not timed: a parser that reads its text
 * once answers at once, one that is quadratic on some run (a regular expression with "\s*" tried
 * at every space, as the rates once had) makes this file hang visibly.
 */
const MEGABYTE = 1 << 20;

/** One character of each class a parser treats differently, and the pairs that feed its loops. */
const UNITS = [
  "9",
  "0",
  " ",
  "\t",
  "\n",
  "\u00a0",
  "a",
  "Z",
  ".",
  ",",
  "_",
  "-",
  "+",
  "~",
  "/",
  "%",
  "\u0000",
  "\u202e",
  "\u2028",
  "中",
  "💥",
  "1,",
  "1 ",
  " /",
  "9 %",
  "6.",
];

/** Shapes around a long run: a valid value padded, a suffix or unit made long. */
const SHAPES: ReadonlyArray<(run: string) => string> = [
  (run) => run,
  (run) => `1${run}/s`,
  (run) => `${run}64${run}`,
  (run) => `1${run}%`,
  (run) => `6.12-${run}`,
  (run) => `1.36.0-${run}`,
  (run) => `MemTotal:${run}16 kB`,
  (run) => `5${run}min`,
];

const megabyteOf = (unit: string) => unit.repeat(Math.ceil(MEGABYTE / unit.length)).slice(0, MEGABYTE);

/** Built once: the texts, not the validators, are what takes time here. */
const RUNS = UNITS.map((unit) => ({ unit, text: megabyteOf(unit) }));
const SHAPED = SHAPES.flatMap((shape) => [" ", "\t", "a", "0", "-"].map((unit) => shape(megabyteOf(unit))));

describe("a megabyte in any field", () => {
  it.each(ALL_FIELD_KEYS)("%s refuses each character class", (key) => {
    for (const { unit, text } of RUNS) {
      expect(validateAnyField(key, text).ok, `${key}: a megabyte of ${JSON.stringify(unit)}`).toBe(false);
    }
  });

  it.each(ALL_FIELD_KEYS)("%s refuses a valid value padded or suffixed to a megabyte", (key) => {
    for (const text of SHAPED) {
      expect(validateAnyField(key, text).ok, `${key}: ${JSON.stringify(text.slice(0, 12))}…`).toBe(false);
    }
  });

  it("leaves the readers on their defaults", () => {
    const huge = " ".repeat(MEGABYTE);
    const raw = Object.fromEntries(ALL_FIELD_KEYS.map((key) => [key, `${huge}${DEFAULT_ALL_RAW[key]}`]));
    const defaults = readInputs(DEFAULT_ALL_RAW);
    expect(readInputs(raw as typeof DEFAULT_ALL_RAW)).toEqual(defaults);
    expect(readTraffic(raw as typeof DEFAULT_ALL_RAW)).toEqual(readTraffic(DEFAULT_ALL_RAW));
    expect(TRAFFIC_FIELD_KEYS.length).toBe(5);
    expect(readKubeNode({ cores: `8${huge}`, k8s: "1.30" })).toBeNull();
    expect(readAlertThreshold(`80${huge}%`)).toBe(75);
    expect(readTarget(`${huge}nixos`)).toBe("files");
    const timeouts = readTimeouts(
      timeoutRaw({ ...DEFAULT_ALL_RAW, to_udp_timeout: `${huge}20` }),
      defaults.kernel,
    );
    expect(Object.keys(timeouts.issues)).toEqual(["udp_timeout"]);
  });

  it("still takes a value with space around it up to the limit", () => {
    const padding = " ".repeat((MAX_FIELD_TEXT_LENGTH - "64 GiB".length) / 2);
    expect(validateAnyField("ram", `${padding}64 GiB${padding}`).ok).toBe(true);
    expect(validateAnyField("ram", `${padding}64 GiB${padding}  `).ok).toBe(false);
  });
});
