import type { FieldIssue } from "../core/field-spec";
import { fail, ok, type Result } from "../core/result";

/**
 * What the host does with its traffic, which decides what the kernel allocates per entry
 * (entry-size.ts entryBytesFor()) and which warnings the config carries:
 * - `host`: a plain host or a filtering firewall, no NAT;
 * - `nat`: a NAT gateway or router (MASQUERADE, SNAT or DNAT rules);
 * - `kubernetes`: a Kubernetes node, whose kube-proxy NATs service traffic and rewrites
 *   nf_conntrack_max at its start (kube-proxy-policy.ts);
 * - `docker`: a Docker host, whose daemon adds a MASQUERADE rule for its bridge networks.
 */
export const HOST_ROLES = ["host", "nat", "kubernetes", "docker"] as const;

export type HostRole = (typeof HOST_ROLES)[number];

/** Reads a role word, exactly as the URL and the select write it. Never throws. */
export function tryParseRole(text: string): Result<HostRole, FieldIssue> {
  const trimmed = text.trim();
  const role = HOST_ROLES.find((r) => r === trimmed);
  return role === undefined ? fail({ code: "choice" }) : ok(role);
}
