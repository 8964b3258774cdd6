import { bundleSizes, SIZE_BUDGETS } from "../scripts/bundle-size.mjs";
import { expect, test } from "./fixtures";

// The build npm run test:e2e just made: a heavy dependency fails here, not in a later bench run.
test("the page's JavaScript stays within its size budgets (KB of gzip)", () => {
  const sizes = bundleSizes("dist");
  expect(sizes.initialJsKb, "initial JS").toBeLessThanOrEqual(SIZE_BUDGETS.initialJsKb);
  expect(sizes.totalJsKb, "total JS").toBeLessThanOrEqual(SIZE_BUDGETS.totalJsKb);
});
