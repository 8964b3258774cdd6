export const BEGIN: string;
export const END: string;

/** The generated part of docs/kernel-lab.md, markers included. */
export function renderReport(fixture: { boots: readonly unknown[] }): string;

/** The doc with its generated part replaced. */
export function withReport(doc: string, fixture: { boots: readonly unknown[] }): string;
