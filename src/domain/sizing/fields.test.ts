import { describe, expect, it } from "vitest";
import {
  ALL_FIELD_KEYS,
  DEFAULT_ALL_RAW,
  FIELDS,
  fieldsOf,
  isTimeoutField,
  validateAllFields,
} from "./fields";

describe("the field table", () => {
  it("lists every URL key of docs/url.md, in the order a link writes them", () => {
    expect(ALL_FIELD_KEYS).toEqual([
      "from",
      "ram",
      "arch",
      "ratio",
      "struct",
      "max",
      "kernel",
      "page",
      "role",
      "tcp_cps",
      "tcp_life",
      "udp_cps",
      "udp_life",
      "headroom",
      "cores",
      "k8s",
      "to_tcp_timeout_established",
      "to_tcp_timeout_time_wait",
      "to_tcp_timeout_close_wait",
      "to_tcp_timeout_fin_wait",
      "to_tcp_timeout_syn_sent",
      "to_tcp_timeout_syn_recv",
      "to_udp_timeout",
      "to_udp_timeout_stream",
      "to_icmp_timeout",
      "to_generic_timeout",
      "alert",
      "target",
    ]);
  });

  it("has valid defaults: 16 GiB on a 64-bit 6.12 kernel, no traffic, no Kubernetes node, the kernel's timeouts", () => {
    expect(validateAllFields(DEFAULT_ALL_RAW)).toEqual({});
    expect(DEFAULT_ALL_RAW).toMatchObject({ ram: "16GiB", arch: "64", kernel: "6.12", page: "4", cores: "" });
    for (const key of fieldsOf("timeouts")) expect(DEFAULT_ALL_RAW[key]).toBe("");
  });

  it("writes traffic and the Kubernetes node to a link as groups, and only those", () => {
    const grouped = ALL_FIELD_KEYS.filter((key) => FIELDS[key].link === "group-when-changed");
    expect(grouped).toEqual([...fieldsOf("traffic"), ...fieldsOf("kube")]);
  });

  it("names timeout fields after their sysctl, and only those", () => {
    expect(ALL_FIELD_KEYS.filter(isTimeoutField)).toEqual(fieldsOf("timeouts"));
    expect(fieldsOf("timeouts").every((key) => key.startsWith("to_"))).toBe(true);
  });
});
