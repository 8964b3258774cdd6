// Runs inside `unshare -n` (a private network namespace: its own loopback and conntrack table).
// Sets up the rules, makes the traffic of plan.mjs, dumps the table in every format into the
// directory given, then ends every socket. Usage: unshare -n node in-namespace.mjs <out-dir>
import { execFileSync } from "node:child_process";
import { createSocket } from "node:dgram";
import { connect, createServer } from "node:net";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const out = process.argv[2];
if (!out) throw new Error("usage: in-namespace.mjs <out-dir>");

const run = (cmd, args, input) =>
  execFileSync(cmd, args, { encoding: "utf8", input, stdio: ["pipe", "pipe", "pipe"] });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

run("ip", ["link", "set", "lo", "up"]);
run("ip", ["addr", "add", "10.99.0.1/32", "dev", "lo"]);
// The rules: one `ct state` rule makes the namespace track; the rest shape the traffic.
run(
  "nft",
  ["-f", "-"],
  `
table inet lab {
  chain raw_out { type filter hook output priority raw; policy accept;
    ip daddr 127.0.0.4 udp dport 8888 ct zone set 3
  }
  chain out { type filter hook output priority filter; policy accept;
    ct state new counter
    ip6 daddr ::1 tcp dport 8080 ct mark set 7
  }
  chain in { type filter hook input priority filter; policy accept;
    tcp dport 9999 drop
  }
}
table ip labnat {
  chain out { type nat hook output priority -100; policy accept;
    ip daddr 10.99.0.1 udp dport 9000 dnat to 127.0.0.1:9001
  }
  chain post { type nat hook postrouting priority 100; policy accept;
    ip daddr 127.0.0.6 tcp dport 7000 snat to 127.0.0.7
  }
}
`,
);

const sockets = [];
const listen = (port, host) =>
  new Promise((resolve) => {
    const server = createServer((socket) => {
      sockets.push(socket);
      socket.on("end", () => socket.end());
      socket.on("error", () => {});
    });
    server.listen(port, host, () => resolve(server));
  });
const udpServer = (port, host) =>
  new Promise((resolve) => {
    const server = createSocket(host.includes(":") ? "udp6" : "udp4");
    server.on("message", (message, from) => server.send(message, from.port, from.address));
    server.bind(port, host, () => resolve(server));
  });
const send = (port, host) =>
  new Promise((resolve) => {
    const socket = createSocket(host.includes(":") ? "udp6" : "udp4");
    socket.on("error", () => {});
    socket.send("x", port, host, () => resolve(socket));
  });
const ask = (port, host) =>
  new Promise((resolve) => {
    const socket = createSocket("udp4");
    socket.on("message", () => resolve(socket));
    socket.send("q", port, host);
  });
const open = (port, host) =>
  new Promise((resolve) => {
    const socket = connect({ port, host }, () => resolve(socket));
    socket.on("error", () => {});
  });
const closed = (port, host) =>
  new Promise((resolve) => {
    const socket = connect({ port, host }, () => socket.end());
    socket.on("close", resolve);
    socket.on("error", () => {});
  });

const servers = [
  await listen(8080, "127.0.0.1"),
  await listen(8080, "::1"),
  await listen(7000, "0.0.0.0"),
  await udpServer(53, "127.0.0.53"),
  await udpServer(9001, "127.0.0.1"),
];
const clients = [];
for (let i = 0; i < 20; i += 1) clients.push(await send(20000 + i, "127.0.0.1"));
for (let i = 0; i < 30; i += 1) clients.push(await ask(53, "127.0.0.53"));
for (let i = 0; i < 5; i += 1) clients.push(await open(8080, "127.0.0.1"));
for (let i = 0; i < 10; i += 1) await closed(8080, "127.0.0.1");
const syns = [];
for (let i = 0; i < 4; i += 1) {
  const socket = connect({ port: 9999, host: "127.0.0.1" });
  socket.on("error", () => {});
  syns.push(socket);
}
for (let i = 0; i < 3; i += 1) run("ping", ["-c", "1", "-W", "1", "127.0.0.1"]);
for (let i = 0; i < 2; i += 1) run("ping", ["-6", "-c", "1", "-W", "1", "::1"]);
for (let i = 0; i < 2; i += 1) clients.push(await open(8080, "::1"));
for (let i = 0; i < 3; i += 1) clients.push(await send(21000 + i, "::1"));
for (let i = 0; i < 5; i += 1) clients.push(await ask(9000, "10.99.0.1"));
for (let i = 0; i < 3; i += 1) clients.push(await open(7000, "127.0.0.6"));
for (let i = 0; i < 4; i += 1) clients.push(await send(8888, "127.0.0.4"));
await sleep(300);

const dump = (name, args) => {
  const result = execFileSync("conntrack", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  writeFileSync(join(out, name), result);
};
// `conntrack -L 2>&1` as users paste it: the entries, then the summary line from stderr.
writeFileSync(join(out, "conntrack-L.txt"), run("sh", ["-c", "conntrack -L 2>&1"]));
dump("conntrack-L-extended.txt", ["-L", "-o", "extended"]);
dump("conntrack-L-xml.xml", ["-L", "-o", "xml"]);
dump("conntrack-L-save.txt", ["-L", "-o", "save"]);
writeFileSync(join(out, "proc-net-nf_conntrack.txt"), run("cat", ["/proc/net/nf_conntrack"]));

for (const socket of [...clients, ...syns, ...sockets]) (socket.destroy ?? socket.close).call(socket);
for (const server of servers) server.close();
process.exit(0);
