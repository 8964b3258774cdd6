import { ARTICLE, ARTICLE_LINK, expect, expectResults, test } from "./fixtures";

const RESULTS = ["result-max", "result-buckets", "result-memory"] as const;

test("a shared link's numbers show before the app has loaded", async ({ page }) => {
  // Hold the app's script back: the static page and its small classic script show the numbers alone.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(ARTICLE_LINK, { waitUntil: "commit" });
  await expectResults(page, ARTICLE);
  await expect(page.getByTestId("result-max")).toHaveText("25,208,064");
  await expect(page.getByTestId("result-buckets")).toHaveText("6,302,208");
  await expect(page.getByTestId("result-memory")).toHaveText("8.31 GiB");
  await expect(page.locator("input[name=ram]")).toHaveCount(0);

  release();
  await expect(page.locator("input[name=ram]")).toHaveValue("787752MiB");
  await expectResults(page, ARTICLE);
});

const LINKS = [
  ARTICLE_LINK,
  "./?ram=3GiB&arch=32&kernel=4.19&lang=zh-CN",
  "./?ram=64TiB&max=1000000&page=64",
  "./?v=9&ram=8G&tcp_cps=5000",
  "./?from=ram&ram=8G&tcp_cps=5000&role=nat",
];

/** Links whose answer the page does not show: a field behind it is invalid. */
const NO_ANSWER = ["./?v=1&ram=lots&ratio=0.5&struct=384", "./?ram=-5&kernel=banana"];

for (const link of NO_ANSWER) {
  test(`shows no number at all, not even for a moment, while the link's inputs are invalid: ${link}`, async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { seenResults: seen });
      new MutationObserver(() => {
        if (document.querySelector("[data-testid=result-max]")) seen.push("result-max");
      }).observe(document, { subtree: true, childList: true });
    });
    await page.goto(link);
    await expect(page.getByTestId("answer-invalid")).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { seenResults: string[] }).seenResults)).toEqual(
      [],
    );
  });
}

for (const link of LINKS) {
  test(`never shows a wrong number, not even for a moment: ${link}`, async ({ page }) => {
    await page.addInitScript((ids) => {
      const seen: string[] = [];
      Object.assign(window, { seenResults: seen });
      const record = () => {
        for (const id of ids) {
          const element = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
          if (element) seen.push(`${id}=${element.dataset.value ?? ""} ${element.textContent}`);
        }
      };
      new MutationObserver(record).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    }, RESULTS);
    await page.goto(link);
    await expect(page.locator("input[name=ram]")).toBeVisible();
    const final = await Promise.all(
      RESULTS.map(
        async (id) =>
          `${id}=${await page.getByTestId(id).getAttribute("data-value")} ${await page.getByTestId(id).textContent()}`,
      ),
    );
    const seen = await page.evaluate(() => (window as unknown as { seenResults: string[] }).seenResults);
    expect(seen.length).toBeGreaterThan(0);
    expect([...new Set(seen)].sort()).toEqual([...final].sort());
  });
}
