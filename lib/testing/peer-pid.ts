// Which process owns the other end of a loopback connection (Linux /proc): lets a test receiver
// SIGKILL exactly the worker that is sending to it, between its send and its record.
import fs from "node:fs";

function inodeOfLocalPort(port: number): string | undefined {
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[1]?.endsWith(`:${hex}`)) return cols[9];
    }
  }
  return undefined;
}

/** The pid among `pids` holding the socket whose local port is `port`, if any. */
export function pidOfPeer(port: number, pids: number[]): number | undefined {
  const inode = inodeOfLocalPort(port);
  if (!inode) return undefined;
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) return pid;
      } catch {
        /* closed meanwhile */
      }
    }
  }
  return undefined;
}
