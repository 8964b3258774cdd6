// A deterministic, large conntrack table for the benchmark: the same bytes for the same seed and
// count on any machine. The lines follow the real formats of fixtures/table/lab-6.18.44 and
// /work/shared/conntrack-formats.md: first a `conntrack -L 2>&1` listing (compressed IPv6, use=1)
// ending in conntrack's stderr summary, then a `cat /proc/net/nf_conntrack` listing (l3 columns,
// zero-padded IPv6, zone=0, use=2), as two dumps of a busy Kubernetes node appended to one file.
// The mix: TCP in every common state (SYN_SENT unreplied), UDP (DNS to the cluster resolver, some
// unreplied; VXLAN; assured streams), ICMP and ICMPv6, about 15 % IPv6, DNAT'd Services
// (ClusterIP to pod) and masqueraded egress, some marks and zones, and enough distinct addresses
// that the top lists are approximate.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { createGzip } from "node:zlib";
import { pipeline } from "node:stream/promises";
import { createReadStream } from "node:fs";

/** mulberry32: a small seeded PRNG (public domain, Tommy Ettinger), so the file is reproducible. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from [weight, value] pairs. */
const weighted = (random, table) => {
  const total = table.reduce((sum, [w]) => sum + w, 0);
  let x = random() * total;
  for (const [w, value] of table) {
    x -= w;
    if (x < 0) return value;
  }
  return table[table.length - 1][1];
};

/** TCP states with their share and the largest seconds left (the 6.x defaults). */
const TCP_STATES = [
  [50, ["ESTABLISHED", 432000]],
  [28, ["TIME_WAIT", 120]],
  [8, ["SYN_SENT", 120]],
  [5, ["CLOSE_WAIT", 60]],
  [3, ["FIN_WAIT", 120]],
  [3, ["SYN_RECV", 60]],
  [2, ["LAST_ACK", 30]],
  [1, ["CLOSE", 10]],
];

/** Destination services: [weight, protocol, port]. */
const SERVICES = [
  [30, ["tcp", 443]],
  [12, ["tcp", 80]],
  [8, ["tcp", 8080]],
  [4, ["tcp", 6379]],
  [3, ["tcp", 5432]],
  [2, ["tcp", 22]],
  [25, ["udp", 53]],
  [4, ["udp", 4789]],
  [3, ["udp", 123]],
  [2, ["udp", 8125]],
  [2, ["udp", "random"]],
  [3, ["icmp", 8]],
  [2, ["icmpv6", 128]],
];

const hex4 = (n) => n.toString(16).padStart(4, "0");

/**
 * Writes `entries` entry lines (plus conntrack's summary line) to `path`. Returns the byte count.
 *
 * @param {{ path: string, entries: number, seed?: number, procShare?: number }} options
 */
export async function writeTable({ path, entries, seed = 20261201, procShare = 0.4 }) {
  const random = prng(seed);
  const int = (n) => Math.floor(random() * n);
  const port = () => 32768 + int(28232);
  const pod = () => `10.244.${int(64)}.${2 + int(250)}`;
  const client = () => `${11 + int(180)}.${int(256)}.${int(256)}.${1 + int(254)}`;
  const clusterIp = (service) => `10.96.${service % 7}.${10 + (service % 200)}`;
  const v6Groups = () => [0x2001, 0xdb8, 1 + int(15), 0, 0, 0, 1 + int(4), 1 + int(4000)];
  // inet_ntop's form (RFC 5952): the three zero groups in the middle compressed to `::`.
  const v6Short = (g) =>
    `${g
      .slice(0, 3)
      .map((n) => n.toString(16))
      .join(":")}::${g[6].toString(16)}:${g[7].toString(16)}`;
  const v6Long = (g) => g.map(hex4).join(":");
  const NODE = "192.168.1.10";
  const DNS_V4 = ["10.96.0.10", "169.254.20.10"];

  const out = createWriteStream(path);
  let bytes = 0;
  let buffer = "";
  const flush = async () => {
    bytes += Buffer.byteLength(buffer);
    if (!out.write(buffer)) await once(out, "drain");
    buffer = "";
  };
  const conntrackEntries = Math.round(entries * (1 - procShare));

  for (let i = 0; i < entries; i += 1) {
    const proc = i >= conntrackEntries;
    if (i === conntrackEntries) {
      buffer += `conntrack v1.4.7 (conntrack-tools): ${conntrackEntries} flow entries have been shown.\n`;
    }
    const [protocol, servicePort] = weighted(random, SERVICES);
    const ipv6 = protocol === "icmpv6" || (protocol !== "icmp" && random() < 0.12);
    const address = ipv6 ? (proc ? () => v6Long(v6Groups()) : () => v6Short(v6Groups())) : null;
    let src, dst, rsrc, rdst;
    let sport = port();
    let dport = servicePort === "random" ? 1024 + int(60000) : servicePort;
    let rsport = dport;
    let rdport = sport;
    if (address) {
      src = address();
      dst = address();
      rsrc = dst;
      rdst = src;
    } else {
      const kind = random();
      if (kind < 0.25 && protocol !== "icmp") {
        // DNAT: a Service's ClusterIP to one of its pods (kube-proxy), target port 8000+.
        const service = int(300);
        src = random() < 0.5 ? pod() : client();
        dst = protocol === "udp" && dport === 53 ? DNS_V4[0] : clusterIp(service);
        rsrc = `10.244.${service % 64}.${2 + int(6)}`;
        rdst = src;
        rsport = dport === 53 ? 53 : 8000 + (service % 50);
      } else if (kind < 0.4 && protocol !== "icmp") {
        // Masquerade: a pod's egress leaves with the node's address.
        src = pod();
        dst = client();
        rsrc = dst;
        rdst = NODE;
        if (random() < 0.1) rdport = port();
      } else {
        src = random() < 0.6 ? pod() : client();
        dst = protocol === "udp" && dport === 53 ? DNS_V4[int(2)] : random() < 0.7 ? pod() : client();
        rsrc = dst;
        rdst = src;
      }
    }

    let state = "";
    let timeout;
    let unreplied = false;
    let assured = false;
    let l4;
    if (protocol === "tcp") {
      const [name, max] = weighted(random, TCP_STATES);
      state = `${name} `;
      timeout = int(max);
      unreplied = name === "SYN_SENT";
      assured = name !== "SYN_SENT" && name !== "SYN_RECV";
      l4 = "tcp      6";
    } else if (protocol === "udp") {
      unreplied = dport === 4789 || dport === 8125 || random() < 0.15;
      assured = !unreplied && random() < 0.3;
      timeout = int(assured ? 120 : 30);
      l4 = "udp      17";
    } else if (protocol === "icmp") {
      timeout = int(30);
      l4 = "icmp     1";
    } else {
      timeout = int(30);
      l4 = "icmpv6   58";
    }

    let original;
    let reply;
    if (protocol === "icmp" || protocol === "icmpv6") {
      const id = int(65536);
      const [request, answer] = protocol === "icmp" ? [8, 0] : [128, 129];
      original = `src=${src} dst=${dst} type=${request} code=0 id=${id}`;
      reply = `src=${rsrc} dst=${rdst} type=${answer} code=0 id=${id}`;
      unreplied = random() < 0.1;
    } else {
      original = `src=${src} dst=${dst} sport=${sport} dport=${dport}`;
      reply = `src=${rsrc} dst=${rdst} sport=${rsport} dport=${rdport}`;
    }
    const mark = random() < 0.02 ? 16384 + int(4) : 0;
    const zone = random() < 0.01 ? 1 + int(3) : 0;
    const flags = assured ? " [ASSURED]" : "";
    const middle = `${timeout} ${state}${original}${unreplied ? " [UNREPLIED]" : ""} ${reply}${flags} mark=${mark}`;
    if (proc) {
      const l3 = ipv6 ? "ipv6     10" : "ipv4     2";
      buffer += `${l3} ${l4} ${middle} zone=${zone} use=2\n`;
    } else {
      buffer += `${l4} ${middle}${zone ? ` zone=${zone}` : ""} use=1\n`;
    }
    if (buffer.length > 1 << 20) await flush();
  }
  await flush();
  out.end();
  await once(out, "finish");
  return bytes;
}

/** gzip -6 of a file, as `gzip` writes it by default. Returns nothing; stat the result. */
export async function gzipFile(from, to) {
  await pipeline(createReadStream(from), createGzip({ level: 6 }), createWriteStream(to));
}
