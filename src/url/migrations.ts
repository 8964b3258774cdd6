import { ARTICLE_PRESET } from "../domain/sizing/inputs";

/**
 * Link schema versions. A link's `v` says which meaning its keys have; when a key's meaning
 * or default changes, bump URL_VERSION and add a step here that rewrites version N links
 * into version N + 1, so every bookmark keeps its meaning.
 *
 * - 1: the first. `ratio` defaulted to 4 and `struct` to 352 (the article's figures).
 * - 2: an absent or empty `ratio` or `struct` means the chosen kernel's own (its max / buckets
 *   factor and the bytes per entry measured on real kernels, inputs.ts kernelOwnDefaults()).
 */
export const URL_VERSION = 2;

interface Migration {
  /** Rewrites a version n link into version n + 1. */
  readonly step: (params: URLSearchParams) => URLSearchParams;
  /** What version n used in place of an invalid value, where that differs from today's default. */
  readonly fallbacks: Readonly<Record<string, string>>;
}

/** What version 1 meant by an absent, empty or invalid `ratio` or `struct`. */
const V1_DEFAULTS = ARTICLE_PRESET;

/** MIGRATIONS[n - 1] turns a version n link into version n + 1. */
const MIGRATIONS: readonly Migration[] = [
  {
    step: (params) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(V1_DEFAULTS)) {
        if ((next.get(key) ?? "").trim() === "") next.set(key, value);
      }
      next.set("v", "2");
      return next;
    },
    fallbacks: V1_DEFAULTS,
  },
];

/** The link's `v` is not one this page knows; its text is not kept, so the page never shows it. */
export type VersionNotice = { code: "unknown-version" };

/**
 * Brings a link's parameters to the current version. A missing `v` means the current version:
 * every link this page copies carries `v`, so one without it was written by hand and gets
 * today's defaults. An unreadable or future `v` is reported and the link is read as the current
 * version, field by field. `fallbacks` are the values an invalid field of the link's own version
 * fell back to, so an old link with a bad value still shows the numbers it showed then.
 */
export function migrateParams(params: URLSearchParams): {
  params: URLSearchParams;
  notice: VersionNotice | null;
  fallbacks: Readonly<Record<string, string>>;
} {
  const given = params.get("v");
  const version = given === null ? URL_VERSION : /^\d{1,3}$/.test(given) ? Number(given) : NaN;
  if (!(version >= 1 && version <= URL_VERSION)) {
    return { params, notice: { code: "unknown-version" }, fallbacks: {} };
  }
  let migrated = params;
  const fallbacks: Record<string, string> = {};
  for (const migration of MIGRATIONS.slice(version - 1)) {
    migrated = migration.step(migrated);
    for (const [key, value] of Object.entries(migration.fallbacks)) fallbacks[key] ??= value;
  }
  return { params: migrated, notice: null, fallbacks };
}
