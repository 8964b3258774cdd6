import { expect, test } from "./fixtures";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("sizing from traffic makes the traffic's need the answer, the RAM rule and the kernel beside it", async ({
  page,
}) => {
  // 1000 TCP/s × (30 s + 120 s TIME_WAIT) + 5000 DNS/s × 30 s = 300,000; +20 % = 360,000.
  await page.goto("./?ram=16GiB&tcp_cps=1000&tcp_life=30&udp_cps=5000&udp_life=0&headroom=20");
  await expect(page.locator("input[name=sizing-mode][value=traffic]")).toBeChecked();
  await expect(page.getByTestId("required-max")).toHaveAttribute("data-value", "360000");
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "360000");
  await expect(page.getByTestId("answer-basis")).toHaveAttribute("data-value", "traffic");
  await expect(page.getByTestId("answer-reference")).toContainText(
    "the RAM rule gives 524,288, the kernel's own default is 262,144",
  );
  // The headroom is counted once: the page's own answer fits.
  await expect(page.getByTestId("verdict-recommended")).toHaveAttribute("data-value", "fits");
  await expect(page.getByTestId("verdict-kernel")).toHaveAttribute("data-value", "does-not-fit");
  await expect(page.getByTestId("traffic-verdicts")).toContainText(
    "will overflow: the steady state alone needs 114%",
  );
  await expect(page.getByTestId("sysctl-snippet")).toContainText("net.netfilter.nf_conntrack_max = 360000");
  await expect(page.getByTestId("sysctl-snippet")).toContainText(
    "nf_conntrack_max from traffic (steady state + headroom)",
  );
  // Back to RAM: the RAM rule answers, and the link says which way was chosen.
  await page.locator("input[name=sizing-mode][value=ram]").check();
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "524288");
  await expect(page.getByTestId("sysctl-snippet")).toContainText("net.netfilter.nf_conntrack_max = 524288");
  await expect(page).toHaveURL(/[?&]from=ram&/);
  await page.reload();
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "524288");
  await expect(page.locator("input[name=sizing-mode][value=ram]")).toBeChecked();
});

test("UDP streams are kept by the stream timeout", async ({ page }) => {
  // 100 flows/s × (60 s + 120 s stream timeout) = 18,000; no headroom.
  await page.goto("./?udp_cps=100&udp_life=60&headroom=0");
  await expect(page.getByTestId("required-max")).toHaveAttribute("data-value", "18000");
  await expect(page.getByText(/stream: traffic past 2 s after the first packet/)).toBeVisible();
});

test("a fractional rate is shown as typed, not rounded", async ({ page }) => {
  // 2.4 TCP/s × (10 s + 120 s TIME_WAIT) = 312 entries; no headroom.
  await page.goto("./?tcp_cps=2.4&tcp_life=10&headroom=0");
  await expect(page.getByTestId("required-max")).toHaveAttribute("data-value", "312");
  await expect(page.getByText("TCP: 2.4/s × (10 s open + 120 s")).toBeVisible();
});

test("changing a timeout changes the required entries and the snippet", async ({ page }) => {
  await page.goto("./?tcp_cps=1000&tcp_life=30&headroom=0");
  await expect(page.getByTestId("required-max")).toHaveAttribute("data-value", "150000");
  await expect(page.getByTestId("timeout-default-tcp_timeout_time_wait")).toHaveAttribute(
    "data-value",
    "120",
  );
  await page.locator("input[name=to_tcp_timeout_time_wait]").fill("30");
  // 1000 × (30 + 30) = 60,000.
  await expect(page.getByTestId("required-max")).toHaveAttribute("data-value", "60000");
  await expect(page.getByTestId("sysctl-snippet")).toContainText(
    "net.netfilter.nf_conntrack_tcp_timeout_time_wait = 30",
  );
  await expect(page.getByTestId("sysctl-snippet")).not.toContainText("udp_timeout");
  await expect(page).toHaveURL(/to_tcp_timeout_time_wait=30/);
  await page.locator("input[name=to_tcp_timeout_time_wait]").fill("0");
  await expect(page.locator("input[name=to_tcp_timeout_time_wait]")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("required-max")).toHaveAttribute("data-value", "60000");
});

test("timeouts follow the kernel version: UDP stream 180 s on old kernels", async ({ page }) => {
  await page.goto("./?kernel=3.10");
  await expect(page.getByTestId("timeout-default-udp_timeout_stream")).toHaveAttribute("data-value", "180");
  await page.locator("input[name=kernel]").fill("6.12");
  await expect(page.getByTestId("timeout-default-udp_timeout_stream")).toHaveAttribute("data-value", "120");
});

test("the Kubernetes preset shows kube-proxy's own value and the config that yields the recommendation", async ({
  page,
}) => {
  await page.goto("./?ram=16GiB");
  await page.getByRole("button", { name: "Kubernetes node" }).click();
  await expect(page.locator("input[name=to_tcp_timeout_established]")).toHaveValue("86400");
  await page.locator("input[name=cores]").fill("64");
  await page.locator("input[name=k8s]").fill("1.36");
  await expect(page.getByTestId("kube-proxy-max")).toHaveAttribute("data-value", "1048576");
  await expect(page.getByText(/kube-proxy overwrites nf_conntrack_max at every start/)).toBeVisible();
  const config = page.getByTestId("kube-proxy-config");
  await expect(config).toContainText("kind: KubeProxyConfiguration");
  await expect(config).toContainText("maxPerCore: 8192");
  await expect(config).toContainText("min: 524288");
  await expect(config).toContainText("tcpEstablishedTimeout: 24h0m0s");
  await page.locator("input[name=k8s]").fill("1.35");
  await expect(page.getByTestId("kube-proxy-max")).toHaveAttribute("data-value", "2097152");
  await page.locator("input[name=cores]").fill("2");
  await expect(page.getByTestId("kube-proxy-max")).toHaveAttribute("data-value", "131072");
});
