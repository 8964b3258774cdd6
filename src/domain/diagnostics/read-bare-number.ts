import { FIELD_OF, setField, setTimeoutValue, type Reader } from "./parse-state";
import { isPageSize } from "./read-page-size";

/**
 * A bare number: the value of the command line before it (`getconf PAGESIZE`, `conntrack -C`,
 * `sysctl -n <key>`, `cat /proc/sys/.../<key>`), else a page size if it is 4096, 16384 or 65536
 * (what `getconf PAGESIZE` prints on x86, arm64 and ppc64le); any other bare number is ignored.
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
  if (value !== 4096 && value !== 16384 && value !== 65536) return false;
  record.kind = "page-size";
  setField(state, record, "pageBytes", value);
  return true;
};
