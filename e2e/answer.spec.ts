import { expect, test } from "./fixtures";

test("the host's role sets the bytes per entry: a NAT gateway's entries carry the extension area", async ({
  page,
}) => {
  await page.goto("./?ram=16GiB&kernel=6.12");
  await expect(page.getByTestId("result-memory")).toHaveAttribute("data-value", String(524288 * 264));
  await page.locator("select[name=role]").selectOption("nat");
  // 6.12: a 256 B slab object plus one kmalloc-128 extension area per entry.
  await expect(page.getByTestId("result-memory")).toHaveAttribute("data-value", String(524288 * (384 + 8)));
  await expect(page.locator("input[name=struct]")).toHaveAttribute("placeholder", "kernel's own: 384 B");
  await expect(page.getByTestId("struct-source")).toContainText("This host masquerades");
  await expect(page).toHaveURL(/[?&]role=nat(&|$)/);
  // 5.10 gives every entry the extension anyway: the role changes nothing there.
  await page.locator("input[name=kernel]").fill("5.10");
  await expect(page.locator("input[name=struct]")).toHaveAttribute("placeholder", "kernel's own: 470 B");
});

test("on a Kubernetes node every block says kube-proxy rewrites the value, and its fields open", async ({
  page,
}) => {
  await page.goto("./?ram=16GiB&kernel=6.12");
  await page.locator("select[name=role]").selectOption("kubernetes");
  await expect(page.locator("input[name=cores]")).toBeVisible();
  const warning = "# Kubernetes node: kube-proxy writes net.netfilter.nf_conntrack_max at its next start";
  for (const testId of ["sysctl-snippet", "apply-commands", "setup-script"]) {
    await expect(page.getByTestId(testId)).toContainText(warning);
  }
  await page.locator("input[name=cores]").fill("16");
  await page.locator("input[name=k8s]").fill("1.33");
  await expect(page.getByTestId("sysctl-snippet")).toContainText(
    "# Kubernetes node, 16 cores, kube-proxy 1.33: kube-proxy writes net.netfilter.nf_conntrack_max",
  );
  await expect(page.getByTestId("apply-commands")).toContainText("conntrack.maxPerCore");
});

test("a traffic preset describes a role: the Docker host sets role and traffic together", async ({
  page,
}) => {
  await page.goto("./");
  await page.locator("input[name=sizing-mode][value=traffic]").check();
  await page.getByRole("button", { name: "Docker host" }).click();
  await expect(page.locator("select[name=role]")).toHaveValue("docker");
  // 500 × 130 + 200 × 30 = 71,000 entries, + 50 % = 106,500: the answer.
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "106500");
});

test("with no traffic typed, sizing from traffic says the RAM rule stands in", async ({ page }) => {
  await page.goto("./");
  await page.locator("input[name=sizing-mode][value=traffic]").check();
  await expect(page.getByTestId("answer-basis")).toContainText("No traffic entered yet");
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "524288");
  await page.locator("input[name=tcp_cps]").fill("100");
  // 100 × (10 + 120) = 13,000, + 20 % = 15,600.
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "15600");
  // The reader's own max wins, and says the traffic's need is overridden.
  await page.locator("input[name=max]").fill("20000");
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "20000");
  await expect(page.getByTestId("answer-basis")).toContainText("overrides the traffic's need");
});

test("sizing from a pasted dump: the RAM rule on what the host shows, with its table beside it", async ({
  page,
}) => {
  await page.goto("./");
  await page.locator("input[name=sizing-mode][value=paste]").check();
  await page
    .locator("textarea[name=paste]")
    .fill(
      "MemTotal:       32768000 kB\n6.1.0-18-amd64 x86_64\n" +
        "net.netfilter.nf_conntrack_max = 262144\nnet.netfilter.nf_conntrack_count = 1234\n",
    );
  await expect(page.locator("input[name=ram]")).toHaveValue("32768000 KiB");
  await expect(page.getByTestId("answer-basis")).toContainText("what the pasted dump shows");
  await expect(page.getByTestId("result-max")).toHaveAttribute("data-value", "1024000");
  await expect(page.getByTestId("answer-reference")).toContainText(
    "holds 1,234 entries now, under its limit of 262,144",
  );
  await expect(page).toHaveURL(/[?&]from=paste&/);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("a shared traffic link shows the answer and its verdict on the first screen", async ({ page }) => {
    await page.goto("./?ram=16GiB&tcp_cps=1000&tcp_life=30&udp_cps=5000&udp_life=0&headroom=20");
    const verdict = page.getByTestId("verdict-kernel");
    await expect(verdict).toHaveAttribute("data-value", "does-not-fit");
    await expect(verdict).toBeInViewport();
    await expect(page.getByTestId("result-max")).toBeInViewport();
  });

  test("a bad value in a link opens with its error, not with a config for the defaults", async ({ page }) => {
    await page.goto("./?ram=-5&kernel=banana");
    await expect(page.getByTestId("answer-invalid")).toContainText("RAM and Kernel version are not valid");
    await expect(page.locator("input[name=ram]")).toBeVisible();
    await expect(page.getByTestId("sysctl-snippet")).toHaveCount(0);
  });
});
