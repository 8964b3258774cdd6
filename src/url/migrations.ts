/**
 * Link schema versions. A link's `v` says which meaning its keys have; when a key's meaning
 * or default changes, bump URL_VERSION and add a step here that rewrites version N links
 * into version N + 1, so every bookmark keeps its meaning.
 */
export const URL_VERSION = 1;

type Migration = (params: URLSearchParams) => URLSearchParams;

/** MIGRATIONS[n - 1] turns a version n link into version n + 1. None yet: v1 is the first. */
const MIGRATIONS: readonly Migration[] = [];

export type VersionNotice = { code: "unknown-version"; given: string };

/**
 * Brings a link's parameters to the current version. A missing `v` means version 1 (links
 * written before the key existed). An unreadable or future `v` is reported and the link is
 * read as the current version, field by field.
 */
export function migrateParams(params: URLSearchParams): {
  params: URLSearchParams;
  notice: VersionNotice | null;
} {
  const given = params.get("v");
  const version = given === null ? 1 : /^\d{1,3}$/.test(given) ? Number(given) : NaN;
  if (!(version >= 1 && version <= URL_VERSION)) {
    return { params, notice: { code: "unknown-version", given: given ?? "" } };
  }
  let migrated = params;
  for (let v = version; v < URL_VERSION; v++) {
    const step = MIGRATIONS[v - 1];
    if (step) migrated = step(migrated);
  }
  return { params: migrated, notice: null };
}
