import { describe, expect, it } from "vitest";
import { distributionKernel } from "./kernel-version";

describe("distributionKernel", () => {
  it.each([
    ["4.18.0-513.el8.x86_64", "rhel", "-513.el8.x86_64"],
    ["5.14.0-427.13.1.el9_4.x86_64", "rhel", "-427.13.1.el9_4.x86_64"],
    ["5.15.0-300.163.18.el8uek.x86_64", "oracle", "-300.163.18.el8uek.x86_64"],
    ["6.1.109-118.189.amzn2023.x86_64", "amazon", "-118.189.amzn2023.x86_64"],
    ["6.11.4-301.fc41.x86_64", "fedora", "-301.fc41.x86_64"],
    ["6.1.0-27-amd64", "debian", "-27-amd64"],
    ["5.15.0-122-generic", "ubuntu", "-122-generic"],
    ["5.14.21-150500.55.65-default", "suse", "-150500.55.65-default"],
    ["6.6.30-custom", "other", "-custom"],
  ])("reads %s as a %s kernel", (release, vendor, suffix) => {
    expect(distributionKernel(release)).toEqual({ vendor, suffix });
  });

  it("treats a bare version as vanilla", () => {
    expect(distributionKernel("6.12")).toBeNull();
    expect(distributionKernel("4.18.20")).toBeNull();
  });
});
