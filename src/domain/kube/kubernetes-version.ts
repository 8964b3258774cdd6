/** A Kubernetes minor release: "1.36". */
export interface KubernetesVersion {
  readonly major: 1;
  readonly minor: number;
  readonly patch: number | null;
}

/** Shorthand for a version literal: k8s(36) is 1.36. */
export const k8s = (minor: number, patch: number | null = null): KubernetesVersion => ({
  major: 1,
  minor,
  patch,
});

/**
 * The oldest release this tool models: KubeProxyConfiguration v1alpha1 with conntrack.maxPerCore and
 * conntrack.min. Older releases (256k fixed in 1.2, per-core scaling since 1.3) are long unsupported.
 * Here rather than in KUBE_PROXY, so the fields' validation (kube-proxy-fields.ts, in the page's
 * first download) does not bring kube-proxy's whole policy with it.
 */
export const OLDEST_KUBE_PROXY = k8s(10);

/** Orders versions by minor, then patch (a missing patch counts as 0). */
function compareKubernetesVersions(a: KubernetesVersion, b: KubernetesVersion): number {
  return a.minor - b.minor || (a.patch ?? 0) - (b.patch ?? 0);
}

export const k8sAtLeast = (a: KubernetesVersion, b: KubernetesVersion): boolean =>
  compareKubernetesVersions(a, b) >= 0;
