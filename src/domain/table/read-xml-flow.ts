import { canonicalAddress } from "./ipv6";
import { PROTOCOL_NUMBERS, type Family, type TableEntry, type Tuple } from "./entry";

/**
 * Reads one `<flow>…</flow>` of `conntrack -L -o xml` (libnetfilter_conntrack
 * src/conntrack/snprintf_xml.c): `<meta direction="original">` and `"reply"` each hold
 * `<layer3 protoname=…><src/><dst/></layer3>` and `<layer4 protonum= protoname=><sport/><dport/>`
 * (ICMP: `<type/><code/><id/>`); `<meta direction="independent">` holds `<state>`, `<timeout>`,
 * `<mark>`, `<zone>`, `<assured/>`, `<unreplied/>`. Null if the flow lacks a tuple.
 *
 * @example readXmlFlow('<flow><meta direction="original"><layer3 protonum="2" protoname="ipv4"><src>1.1.1.1</src><dst>2.2.2.2</dst></layer3><layer4 protonum="17" protoname="udp"><sport>5</sport><dport>53</dport></layer4></meta></flow>')?.protocol === "udp"
 */
export function readXmlFlow(xml: string): TableEntry | null {
  const metas = new Map<string, string>();
  for (const match of xml.matchAll(/<meta direction="(\w+)">([\s\S]*?)<\/meta>/g)) {
    metas.set(match[1] ?? "", match[2] ?? "");
  }
  const originalXml = metas.get("original");
  if (originalXml === undefined) return null;
  const original = readTuple(originalXml);
  if (!original) return null;
  const replyXml = metas.get("reply");
  const reply = replyXml === undefined ? null : readTuple(replyXml);
  const independent = metas.get("independent") ?? "";
  const layer3 = /<layer3 protonum="\d+" protoname="(\w+)">/.exec(originalXml)?.[1];
  const layer4 = /<layer4 protonum="(\d+)" protoname="([\w-]+)">/.exec(originalXml);
  const protocolNumber = Number(layer4?.[1] ?? NaN);
  if (!layer4 || !Number.isInteger(protocolNumber) || protocolNumber > 255) return null;
  const name = layer4[2] ?? "unknown";
  const timeout = tag(independent, "timeout");
  const family: Family = layer3 === "ipv6" || original.src.includes(":") ? "ipv6" : "ipv4";
  return {
    family,
    protocol: PROTOCOL_NUMBERS[name] === undefined ? "unknown" : name,
    protocolNumber,
    timeoutSeconds: timeout === null ? null : Number(timeout),
    state: tag(independent, "state"),
    original,
    reply,
    assured: independent.includes("<assured/>"),
    unreplied: independent.includes("<unreplied/>"),
    offload: independent.includes("<hw_offload/>")
      ? "hw-offload"
      : independent.includes("<offload/>")
        ? "offload"
        : "none",
    mark: Number(tag(independent, "mark") ?? 0),
    zone: Number(tag(independent, "zone") ?? tag(originalXml, "zone") ?? 0),
  };
}

/** The text of `<name>…</name>` if it is a whole number (or, for src/dst, any text), else null. */
function tag(xml: string, name: string): string | null {
  const value = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
  if (value === undefined) return null;
  if (name === "src" || name === "dst" || name === "state") return value;
  return /^\d{1,10}$/.test(value) ? value : null;
}

function readTuple(xml: string): Tuple | null {
  const src = canonicalAddress(tag(xml, "src") ?? "");
  const dst = canonicalAddress(tag(xml, "dst") ?? "");
  if (src === null || dst === null) return null;
  const number = (name: string, max: number) => {
    const value = tag(xml, name);
    return value === null || Number(value) > max ? null : Number(value);
  };
  return {
    src,
    dst,
    sport: number("sport", 65535),
    dport: number("dport", 65535),
    icmpType: number("type", 255),
  };
}
