import { describe, expect, it } from "vitest";
import { shellNumbers } from "./numbers";

const ARTICLE = "?v=1&ram=787752MiB&arch=64&ratio=4&struct=352&kernel=6.12&page=4";

describe("shellNumbers", () => {
  it("shows the article's numbers as the results panel formats them", () => {
    expect(shellNumbers(ARTICLE, ["en-US"])).toEqual({
      locale: "en",
      numbers: [
        { title: "nf_conntrack_max", testId: "result-max", value: 25208064, display: "25,208,064" },
        { title: "nf_conntrack_buckets", testId: "result-buckets", value: 6302208, display: "6,302,208" },
        { title: "", testId: "result-memory", value: 8923656192, display: "8.31 GiB" },
      ],
    });
  });

  it("shows the defaults for an empty link, and nothing where the app shows another answer or none", () => {
    // 16 GiB on 6.12 with the kernel's own ratio 1 and the 256 B measured there:
    // 524288 × 256 + 524288 × 8.
    const defaults = [524288, 524288, 138412032];
    expect(shellNumbers("", []).numbers.map((n) => n.value)).toEqual(defaults);
    expect(shellNumbers("?from=paste", []).numbers.map((n) => n.value)).toEqual(defaults);
    // A field behind the answer is invalid: the app shows which, and no number.
    expect(shellNumbers("?ram=lots&ratio=-1", ["zh-CN"]).numbers).toEqual([]);
    // The traffic decides the answer, named or implied.
    expect(shellNumbers("?from=traffic", []).numbers).toEqual([]);
    expect(shellNumbers("?tcp_cps=5000", []).numbers).toEqual([]);
    expect(shellNumbers("?from=ram&tcp_cps=5000", []).numbers.map((n) => n.value)).toEqual(defaults);
  });

  it("names the page's language: the link's, else the browser's", () => {
    expect(shellNumbers("?lang=zh-CN", ["en"]).locale).toBe("zh-CN");
    expect(shellNumbers("", ["zh-TW", "en"]).locale).toBe("zh-CN");
    expect(shellNumbers("?lang=klingon", ["fr"]).locale).toBe("en");
  });
});
