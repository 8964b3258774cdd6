// The traffic the table lab makes, and what the table must then hold: one list read by the
// traffic generator (in-namespace.mjs) and written into each fixture's provenance, so the unit
// tests compare every dump with what was made.

/** Each kind of traffic: how many entries it leaves, and what they are. */
export const TRAFFIC = [
  {
    id: "udp-many-ports",
    entries: 20,
    what: "UDP datagrams from 127.0.0.1 to 127.0.0.1 ports 20000-20019, nothing listening (unreplied)",
  },
  {
    id: "dns-like",
    entries: 30,
    what: "30 UDP queries from 30 sockets to a server on 127.0.0.53:53 that answers each once",
  },
  { id: "tcp-established", entries: 5, what: "5 TCP connections to 127.0.0.1:8080 held open" },
  {
    id: "tcp-time-wait",
    entries: 10,
    what: "10 TCP connections to 127.0.0.1:8080 closed by the client first (TIME_WAIT)",
  },
  {
    id: "tcp-unanswered-syn",
    entries: 4,
    what: "4 TCP connects to 127.0.0.1:9999 whose SYNs an input rule drops (SYN_SENT, unreplied)",
  },
  { id: "icmp", entries: 3, what: "3 × ping -c 1 127.0.0.1" },
  { id: "icmpv6", entries: 2, what: "2 × ping -6 -c 1 ::1" },
  { id: "tcp6-marked", entries: 2, what: "2 TCP connections to [::1]:8080 held open, ct mark set 7" },
  {
    id: "udp6",
    entries: 3,
    what: "UDP datagrams from ::1 to ::1 ports 21000-21002, nothing listening (unreplied)",
  },
  {
    id: "dnat",
    entries: 5,
    what: "5 UDP queries to 10.99.0.1:9000, DNAT'd to 127.0.0.1:9001, answered once",
  },
  {
    id: "snat",
    entries: 3,
    what: "3 TCP connections to 127.0.0.6:7000, SNAT'd from 127.0.0.1 to 127.0.0.7, held open",
  },
  {
    id: "zone",
    entries: 4,
    what: "4 UDP datagrams to 127.0.0.4:8888 in ct zone 3, nothing listening (unreplied)",
  },
];

/** What the analysis must read from every dump of that table. */
export const EXPECTED = {
  entries: 91,
  ipv4: 84,
  ipv6: 7,
  protocols: { icmp: 3, icmpv6: 2, tcp: 24, udp: 62 },
  tcpStates: { ESTABLISHED: 10, SYN_SENT: 4, TIME_WAIT: 10 },
  assured: 20,
  unreplied: 31,
  nat: 8,
  zones: { 3: 4 },
  marks: { 7: 2 },
  topServices: [
    ["udp|53", 30],
    ["tcp|8080", 17],
  ],
  natPairs: [
    ["udp|10.99.0.1|9000|127.0.0.1|9001", 5],
    ["tcp|127.0.0.6|7000|127.0.0.6|7000", 3],
  ],
};
