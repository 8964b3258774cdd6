import type { Expectation, FreeUnit } from "./parse-state";
import { sysctlField } from "./read-sysctl";

/**
 * Commands whose lines are input, not output. An output line never starts with one of these
 * followed by a space (error messages start with "grep:", "dmesg:", ...).
 */
const COMMANDS = new Set(
  "awk bash busybox cat cd conntrack dmesg docker doas echo egrep find for free getconf grep head ip iptables journalctl kubectl less ls lsmod modinfo modprobe more nft nsenter printf sed sh slabtop ssh su sudo sysctl tail uname watch wc zcat zgrep".split(
    " ",
  ),
);

/**
 * A shell prompt: `$ `, `# `, `% `, optionally after `user@host:dir` or `[user@host dir]`.
 * The character classes exclude the prompt characters, so matching is linear.
 */
const PROMPT = /^(?:\[[^\]]{1,200}\]|[\w.@:~/-]{1,200})? ?([$#%]) /;

/**
 * Null when the line is neither a command nor a comment. A `#` line is a root prompt when a known
 * command follows, else a comment (slabinfo's `# name ...` header, sysctl.conf comments).
 */
export function readCommandLine(line: string): { isCommand: boolean; text: string } | null {
  const prompt = PROMPT.exec(line);
  if (prompt) {
    const rest = line.slice(prompt[0].length);
    if (prompt[1] === "#" && !startsWithCommand(rest)) return { isCommand: false, text: rest };
    return { isCommand: true, text: rest };
  }
  if (line.startsWith("#")) return { isCommand: false, text: line };
  return startsWithCommand(line) ? { isCommand: true, text: line } : null;
}

function startsWithCommand(text: string): boolean {
  const space = text.indexOf(" ");
  const word = space < 0 ? text : text.slice(0, space);
  if (!COMMANDS.has(word)) return false;
  // `conntrack v1.4.8 (conntrack-tools): 1530 flow entries have been shown.` is output.
  return !(word === "conntrack" && /^conntrack\s+v\d/.test(text));
}

/**
 * The single value a command prints, if it asks for exactly one known value: `getconf PAGESIZE`
 * or the collector's busybox fallback that reads KernelPageSize from /proc/self/smaps,
 * `conntrack -C` (conntrack-tools: the entry count), or one conntrack key (`sysctl -n <key>`,
 * `cat /proc/sys/net/netfilter/<key>`, `cat /sys/module/nf_conntrack/parameters/hashsize`).
 */
export function expectationOf(command: string): Expectation | null {
  const names = new Set<string>();
  if (/\bgetconf PAGE_?SIZE\b|\bKernelPageSize\b.*\/smaps\b/.test(command)) names.add("page");
  if (/\bconntrack (?:-C|--count)\b/.test(command)) names.add("count-option");
  for (const match of command.matchAll(/(?:nf|ip)_conntrack_[a-z0-9_]{1,64}|parameters\/hashsize/g)) {
    names.add(match[0]);
    if (names.size > 1) return null;
  }
  const [name] = names;
  if (name === undefined || names.size > 1) return null;
  if (name === "page") return { field: "page" };
  if (name === "count-option") return { field: "count" };
  if (name === "parameters/hashsize") return { field: "buckets" };
  const field = sysctlField(name);
  if (field === "timeout") return { field, key: name };
  return field === "other" ? null : { field };
}

/**
 * procps-ng free(1): -b/--bytes, -k/--kibi (the default), -m/--mebi, -g/--gibi, -h/--human,
 * --kilo/--mega/--si (powers of 1000); busybox free: -b, -k (default), -m, -g.
 */
export function freeUnitOf(command: string): FreeUnit | null {
  const words = command.split(" ");
  const at = words.findIndex(
    (w, i) => w === "free" && (i === 0 || /^(?:sudo|doas|busybox|[;|&(]{1,2})$/.test(words[i - 1] ?? "")),
  );
  if (at < 0) return null;
  let unit: FreeUnit = "kib";
  for (const option of words.slice(at + 1)) {
    if (!option.startsWith("-")) break;
    if (option === "--bytes") unit = "bytes";
    else if (option === "--kibi") unit = "kib";
    else if (/^--(?:mebi|gibi|tebi|pebi|kilo|mega|giga|tera|peta|si|human)$/.test(option))
      unit = "unsupported";
    else if (/^-[a-z]{1,8}$/.test(option)) {
      // Bundled short options (-bt, -hw): the last unit letter wins, as in free's own parsing.
      for (const letter of option.slice(1)) {
        if (letter === "b") unit = "bytes";
        else if (letter === "k") unit = "kib";
        else if ("mgh".includes(letter)) unit = "unsupported";
      }
    }
  }
  return unit;
}
