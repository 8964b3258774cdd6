import { test as base, expect, type Page } from "@playwright/test";

/**
 * Every test also checks that the page logged no console error, threw nothing, and sent no
 * request to any origin but its own.
 */
export const test = base.extend<{ pageProblems: string[]; expectedConsoleErrors: RegExp[] }>({
  /** Console errors a test provokes on purpose (a download it makes fail). */
  expectedConsoleErrors: [[], { option: true }],
  pageProblems: [
    async ({ page, baseURL, expectedConsoleErrors }, use) => {
      const problems: string[] = [];
      const origin = new URL(baseURL ?? "http://127.0.0.1").origin;
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        if (expectedConsoleErrors.some((expected) => expected.test(message.text()))) return;
        problems.push(`console error: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("request", (request) => {
        const url = request.url();
        if (!url.startsWith("blob:") && !url.startsWith("data:") && new URL(url).origin !== origin) {
          problems.push(`request to another origin: ${url}`);
        }
      });
      await use(problems);
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens every folded details section by its heading, as a reader would. */
export async function openDetails(page: Page) {
  const summaries = page.locator("details.fold:not([open]) > summary");
  while ((await summaries.count()) > 0) await summaries.first().click();
}

/** Waits until the results show these exact integers. */
export async function expectResults(page: Page, expected: { max: number; buckets: number; memory: number }) {
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", String(expected.max));
  await expect(page.getByTestId("result-buckets")).toHaveAttribute("data-value", String(expected.buckets));
  await expect(page.getByTestId("result-memory")).toHaveAttribute("data-value", String(expected.memory));
}

export const ARTICLE_LINK = "./?v=1&ram=787752MiB&arch=64&ratio=4&struct=352&kernel=6.12";
export const ARTICLE = { max: 25208064, buckets: 6302208, memory: 8923656192 };
/** 16 GiB on 6.12 with the kernel's own figures: one entry per bucket, 256 bytes per entry. */
export const DEFAULTS = { max: 524288, buckets: 524288, memory: 524288 * 256 + 524288 * 8 };
/** The same machine with the article's 4 entries per bucket and 352 bytes (version 1's defaults). */
export const ARTICLE_DEFAULTS = { max: 524288, buckets: 131072, memory: 185597952 };
