/** Errors are values: functions that take untrusted input return one of these, never throw. */
export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issue: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(issue: E): Result<never, E> => ({ ok: false, issue });
