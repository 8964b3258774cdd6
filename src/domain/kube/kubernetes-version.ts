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

/** Orders versions by minor, then patch (a missing patch counts as 0). */
function compareKubernetesVersions(a: KubernetesVersion, b: KubernetesVersion): number {
  return a.minor - b.minor || (a.patch ?? 0) - (b.patch ?? 0);
}

export const k8sAtLeast = (a: KubernetesVersion, b: KubernetesVersion): boolean =>
  compareKubernetesVersions(a, b) >= 0;
