export const SIZE_BUDGETS: { readonly initialJsKb: number; readonly totalJsKb: number };

export function bundleSizes(dist: string): {
  initialJsKb: number;
  initialJsEnKb: number;
  initialJsZhKb: number;
  initialCssKb: number;
  totalJsKb: number;
  totalCssKb: number;
};
