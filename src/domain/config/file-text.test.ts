import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildConfigFiles, renderConfig, renderSetupScript } from "./config-files";
import { fileLink, fileText, MAX_FILE_LINK_CHARS } from "./file-text";
import { buildTargets } from "./targets";
import { targetSource } from "./targets/targets.fixture";

/** Printable ASCII lines, each ended by a line feed: what every generated file is. */
const PRINTABLE_FILE = /^[\x20-\x7e\n]*$/;

/** The characters that end a line or a comment for one reader or another, or reorder one. */
const BREAKERS = "\r\n\u0085\u2028\u2029\u000b\u000c\u202e\u2066\t\u0000";

describe("fileText", () => {
  it.each([
    ["net.netfilter.nf_conntrack_max = 262144", "net.netfilter.nf_conntrack_max = 262144"],
    ["# a\u2028b: 1", "# a?b: 1"],
    ["# a\u0085b\u2029c", "# a?b?c"],
    ["\u202eevil", "?evil"],
    ["tab\there", "tab?here"],
    ["中文 💥", "?? ??"],
  ])("writes %j as %j", (line, written) => {
    expect(fileText(line)).toBe(written);
  });
});

describe("fileLink", () => {
  it("percent-encodes what is not a URL character, as UTF-8, keeping the meaning", () => {
    const link = "https://h.test/calc\u202e/?v=2&ram=16 GiB&k='x'\u2028\ud800";
    const { text, shortened } = fileLink(link);
    expect(text).toBe("https://h.test/calc%E2%80%AE/?v=2&ram=16%20GiB&k=%27x%27%E2%80%A8%EF%BF%BD");
    expect(shortened).toBe(false);
    expect(new URL(text).searchParams.get("ram")).toBe("16 GiB");
  });

  it("keeps an encoded link as it is", () => {
    const link = "https://example.test/calc/?v=2&ram=16GiB&arch=64&kernel=6.12&page=4";
    expect(fileLink(link)).toEqual({ text: link, shortened: false });
  });

  it("shortens a long link to its first characters, says so, and gives the same text twice", () => {
    const long = `https://h.test/${"a".repeat(5000)}?v=2`;
    const once = fileLink(long);
    expect(once.shortened).toBe(true);
    expect(once.text).toBe(`https://h.test/${"a".repeat(MAX_FILE_LINK_CHARS - 15)}...`);
    expect(fileLink(once.text)).toEqual(once);
    expect(fileLink("x".repeat(MAX_FILE_LINK_CHARS)).shortened).toBe(false);
  });

  it("reads no more of a megabyte link than it writes", () => {
    expect(fileLink(`https://h.test/${"\u2028".repeat(1 << 20)}`).text).toHaveLength(MAX_FILE_LINK_CHARS + 3);
  });
});

describe("every generated file", () => {
  // A link as hostile as the page's own address can be: a path with every breaker, very long.
  const link = `https://h.test/${BREAKERS}${"p".repeat(4000)}/?v=2&ram=16GiB`;
  const source = targetSource(
    { kernel: "6.12" },
    { link, kube: { cores: 16, version: { major: 1, minor: 36, patch: null } } },
  );
  const files = buildConfigFiles(source);
  const texts: Array<[string, string]> = [
    ...files.map((file): [string, string] => [file.id, renderConfig(file.lines)]),
    ["setup script", renderSetupScript(files, source)],
    ...buildTargets(source).map((file): [string, string] => [file.fileName, file.text]),
  ];

  it.each(texts)("%s is printable ASCII, its link shortened and said so", (_name, text) => {
    expect(text).toMatch(PRINTABLE_FILE);
    expect(text).not.toContain("p".repeat(MAX_FILE_LINK_CHARS));
    if (text.includes("Reproduce:")) expect(text).toContain("(shortened to its first 2,000 characters");
  });

  it("the one-host alerting rules carry the same shortened link as their header, as one YAML string", () => {
    const rules = buildTargets(source).find((file) => file.id === "prometheus-host");
    const parsed = parse(rules?.text ?? "") as {
      groups: Array<{ rules: Array<{ annotations: { reproduce: string } }> }>;
    };
    const annotation = parsed.groups[0]?.rules[0]?.annotations.reproduce;
    expect(annotation).toBe(fileLink(link).text);
    expect(rules?.text).toContain(`# Reproduce: ${fileLink(link).text}`);
  });

  it("a comment with any breaker in it stays one comment line", () => {
    const text = renderConfig([{ kind: "comment", text: `a${BREAKERS}b: 1` }], "yaml");
    expect(text.split("\n")).toHaveLength(2);
    expect(text).toMatch(PRINTABLE_FILE);
    expect(parse(text)).toBeNull();
  });
});
