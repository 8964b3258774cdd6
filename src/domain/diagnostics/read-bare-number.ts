import { FIELD_OF, setField, setTimeoutValue, type Reader } from "./parse-state";
import { KiB } from "../core/units";
import { PAGE_SIZES_KIB } from "../sizing/inputs";
import { isPageSize } from "./read-page-size";

/**
 * A bare number: the value of the command line before it (`getconf PAGESIZE`, `conntrack -C`,
 * `sysctl -n <key>`, `cat /proc/sys/.../<key>`), else a page size if it is one Linux builds with
 * (PAGE_SIZES_KIB: what `getconf PAGESIZE` prints on x86, arm64 and ppc64le); any other bare number is ignored.
 */
export const readBareNumber: Reader = (state, line, _tokens, record) => {
  if (!/^\d{1,12}$/.test(line)) return false;
  const value = Number(line);
  const expected = state.expected;
  if (expected !== null) {
    record.kind = "bare-value";
    if (expected.field === "timeout") setTimeoutValue(state, record, expected.key, value);
    else if (expected.field === "page") {
      if (!isPageSize(value)) {
        record.kind = "ignored";
        return true;
      }
      setField(state, record, "pageBytes", value);
    } else setField(state, record, FIELD_OF[expected.field], value);
    return true;
  }
  if (!PAGE_SIZES_KIB.some((kib) => kib * KiB === value)) return false;
  record.kind = "page-size";
  setField(state, record, "pageBytes", value);
  return true;
};
