// Runs inside `unshare -n` (a private network namespace: its own loopback and conntrack table) for
// src/domain/table/notrack-live.node.test.ts. Turns tracking on with a `ct state` rule, applies a
// generated NOTRACK rule set (or none, the control), replays the lab's DNS-like traffic and other
// traffic, and prints one JSON object: what was answered, the table as `conntrack -L` and
// /proc/net/nf_conntrack show it, and how many packets the output hook saw untracked.
// Usage: unshare -n node notrack-replay.mjs <none|nft|iptables> [rules-file]
import { execFileSync } from "node:child_process";
import { createSocket } from "node:dgram";
import { connect, createServer } from "node:net";

const [variant, rulesFile] = process.argv.slice(2);
if (!["none", "nft", "iptables"].includes(variant ?? "") || (variant !== "none" && !rulesFile)) {
  throw new Error("usage: notrack-replay.mjs <none|nft|iptables> [rules-file]");
}

/** The traffic replayed: the same kinds as scripts/table-lab/plan.mjs, fewer of each. */
const REPLAY = { dnsQueries: 20, udpUnreplied: 10, tcpEstablished: 5, pings: 2 };
const DNS = { host: "127.0.0.53", port: 53 };

const run = (cmd, args, input) =>
  execFileSync(cmd, args, { encoding: "utf8", input, stdio: ["pipe", "pipe", "pipe"] });

run("ip", ["link", "set", "lo", "up"]);
// Tracking on: a `ct state` rule registers conntrack in this namespace. Its two counters, at a
// priority after the filter's, show what the output hook saw as new and as untracked.
run(
  "nft",
  ["-f", "-"],
  `table inet track {
  chain out { type filter hook output priority 10; policy accept;
    ct state new counter
    ct state untracked counter
  }
}
`,
);
if (variant === "nft") run("nft", ["-f", rulesFile]);
// The iptables block is a shell script of iptables-restore --noflush heredocs, copied as is.
if (variant === "iptables") run("sh", [rulesFile]);

const udpServer = (port, host) =>
  new Promise((resolve) => {
    const server = createSocket("udp4");
    server.on("message", (message, from) => server.send(message, from.port, from.address));
    server.bind(port, host, () => resolve(server));
  });
/** One query from its own socket; resolves true when answered, false after 1 s. */
const ask = (port, host, sockets) =>
  new Promise((resolve) => {
    const socket = createSocket("udp4");
    sockets.push(socket);
    const timer = setTimeout(() => resolve(false), 1000);
    socket.on("message", () => {
      clearTimeout(timer);
      resolve(true);
    });
    socket.send("q", port, host);
  });
const send = (port, host, sockets) =>
  new Promise((resolve) => {
    const socket = createSocket("udp4");
    sockets.push(socket);
    socket.on("error", () => {});
    socket.send("x", port, host, () => resolve());
  });
const open = (port, host, sockets) =>
  new Promise((resolve) => {
    const socket = connect({ port, host }, () => resolve());
    sockets.push(socket);
    socket.on("error", () => {});
  });

const sockets = [];
const accepted = [];
const tcpServer = createServer((socket) => {
  accepted.push(socket);
  socket.on("error", () => {});
});
await new Promise((resolve) => tcpServer.listen(8080, "127.0.0.1", resolve));
const dnsServer = await udpServer(DNS.port, DNS.host);

let answered = 0;
for (let i = 0; i < REPLAY.dnsQueries; i += 1) if (await ask(DNS.port, DNS.host, sockets)) answered += 1;
for (let i = 0; i < REPLAY.udpUnreplied; i += 1) await send(20000 + i, "127.0.0.1", sockets);
for (let i = 0; i < REPLAY.tcpEstablished; i += 1) await open(8080, "127.0.0.1", sockets);
for (let i = 0; i < REPLAY.pings; i += 1) run("ping", ["-c", "1", "-W", "1", "127.0.0.1"]);

const counters = JSON.parse(run("nft", ["-j", "list", "table", "inet", "track"]))
  .nftables.filter((item) => item.rule)
  .map((item) => {
    const counter = item.rule.expr.find((expr) => expr.counter)?.counter;
    const state = item.rule.expr.find((expr) => expr.match)?.match.right;
    return [state, counter?.packets ?? 0];
  });
const result = {
  variant,
  queries: REPLAY.dnsQueries,
  answered,
  replay: REPLAY,
  conntrackL: run("sh", ["-c", "conntrack -L 2>/dev/null"]),
  procNfConntrack: run("cat", ["/proc/net/nf_conntrack"]),
  outputPackets: Object.fromEntries(counters),
};
process.stdout.write(`${JSON.stringify(result)}\n`);

for (const socket of [...sockets, ...accepted]) (socket.destroy ?? socket.close).call(socket);
dnsServer.close();
tcpServer.close();
process.exit(0);
