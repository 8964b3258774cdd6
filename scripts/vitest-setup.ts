import fc from "fast-check";

/**
 * Every property test's run count, from one setting: a few hundred cases locally, so the unit
 * suite takes seconds, and 10,000 on CI (CI set), where a rare counterexample has its best chance.
 */
const PROPERTY_RUNS = process.env.CI ? 10_000 : 300;

fc.configureGlobal({ numRuns: PROPERTY_RUNS });
