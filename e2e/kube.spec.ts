import { expect, test } from "./fixtures";

// Issue 27, F1: 1.38 only raises nf_conntrack_max, so on 16 GiB with 6.12 the node keeps the
// kernel's own 262,144 (69,206,016 B at 256 B per entry) over kube-proxy's 131,072.
test("a raise-only kube-proxy leaves the kernel's larger default on the node", async ({ page }) => {
  await page.goto("./?ram=16GiB&kernel=6.12");
  await page.getByRole("button", { name: "Kubernetes node" }).click();
  await page.locator("input[name=cores]").fill("4");
  await page.locator("input[name=k8s]").fill("1.38");
  await expect(page.getByTestId("kube-proxy-max")).toHaveAttribute("data-value", "131072");
  const node = page.getByTestId("kube-node-max");
  await expect(node).toHaveAttribute("data-value", "262144");
  await expect(node).toContainText("the kernel's own default is larger");
  await page.locator("input[name=cores]").fill("6");
  await expect(page.getByTestId("kube-proxy-max")).toHaveAttribute("data-value", "196608");
  await expect(node).toHaveAttribute("data-value", "262144");
  // 1.37 overwrites: the node gets kube-proxy's value.
  await page.locator("input[name=k8s]").fill("1.37");
  await expect(node).toHaveAttribute("data-value", "196608");
  await expect(node).toContainText("kube-proxy's value");
});

test("the raise-only config note says to set the value in sysctl.d when the kernel's default is larger", async ({
  page,
}) => {
  await page.goto("./?ram=16GiB&kernel=6.12&max=131072");
  await page.getByRole("button", { name: "Kubernetes node" }).click();
  await page.locator("input[name=cores]").fill("4");
  await page.locator("input[name=k8s]").fill("1.38");
  await expect(
    page.getByText(
      /the kernel's own default, 262,144, is larger and cannot be removed: set the value in sysctl.d/,
    ),
  ).toBeVisible();
  await expect(page.getByText(/iptables, ipvs and nftables mode/)).toBeVisible();
});

test("namespaces: the apply block sets the host's timeouts only, the collector runs on the host, a count of 0 says where it came from", async ({
  page,
}) => {
  await page.goto("./?ram=16GiB&kernel=6.12&to_tcp_timeout_established=86400");
  await expect(page.getByTestId("apply-commands")).toContainText(
    "The timeouts are per network namespace: these lines set the host's. Pods and containers",
  );
  await expect(page.getByTestId("apply-commands")).not.toContainText("host-wide settings");
  await page.goto("./?ram=16GiB&from=paste");
  await expect(page.getByText(/Collector command: run it on the host/)).toBeVisible();
  await page
    .locator("textarea[name=paste]")
    .fill("net.netfilter.nf_conntrack_max = 262144\nnet.netfilter.nf_conntrack_count = 0\n");
  await expect(page.getByTestId("diagnosis")).toContainText(
    "this dump was probably taken in a pod or container",
  );
});

test("two collector outputs pasted one after the other give per-second rates", async ({ page }) => {
  await page.goto("./?ram=16GiB&from=paste");
  const s = (drop: number, insertFailed: number) =>
    `cpu=0 found=0 invalid=0 ignore=0 insert=0 insert_failed=${insertFailed} drop=${drop} early_drop=0 error=0 search_restart=0`;
  await page
    .locator("textarea[name=paste]")
    .fill(`TIME: 1796601600\n${s(100, 10)}\nTIME: 1796601660\n${s(280, 40)}\n`);
  await expect(page.getByTestId("rate-drop")).toHaveAttribute("data-value", "3");
  await expect(page.getByTestId("rate-insert_failed")).toHaveAttribute("data-value", "0.5");
  await expect(page.getByTestId("rate-early_drop")).toHaveAttribute("data-value", "0");
  await expect(page.getByText("Rates over the 60 s between the two snapshots")).toBeVisible();
});
