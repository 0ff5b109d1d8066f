// The HTTP load both search benches drive: 16 loops posting the mixed queries to one URL until `until`
// settles, with latencies and the server's CPU time (search-http.ts, deploy-load.ts).
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { MIXED } from "./search-engine";

export const CONCURRENCY = 16;

/** CPU time (user + system, all threads) a process has used so far, in ms (Linux; 0 elsewhere). */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return 0;
  }
}

/** Latencies (ms) of the answered requests, errors, the seconds it ran and the server's CPU ms per request (unrounded; undefined without a pid). */
export async function postLoad(url: string, headers: Record<string, string>, until: Promise<unknown>, pid?: number) {
  const cpu0 = cpuMs(pid);
  const started = performance.now();
  const times: number[] = [];
  let errors = 0;
  let stop = false;
  void until.finally(() => (stop = true));
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, w) => {
      for (let i = w; !stop; i++) {
        const t = performance.now();
        try {
          const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(MIXED[i % MIXED.length]) });
          await res.arrayBuffer();
          if (res.ok) times.push(performance.now() - t);
          else errors++;
        } catch {
          errors++; // a reset connection is an error of this request, not the end of the bench
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = pid === undefined ? undefined : (cpuMs(pid) - cpu0) / Math.max(1, times.length + errors);
  return { times, errors, seconds, cpu };
}
