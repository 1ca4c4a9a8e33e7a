import { readFileSync, readdirSync } from "node:fs";

/** A process of the app under test, as the bench sees it from /proc (Linux). */
export interface AppProcess {
  pid: number;
  /** "primary" runs the outbox and retention; "worker" serves HTTP (a node:cluster worker); "single" does both. */
  role: "primary" | "worker" | "single";
  rssMb: number;
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // The process ended meanwhile.
  }
  return out;
}

function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

// Node processes only (tsx's esbuild service is a child too).
function isNode(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0]!.endsWith("node");
  } catch {
    return false;
  }
}

/** The app's node processes: the launched one is the cluster primary (its children are the HTTP workers) or the single process. */
export function appProcesses(app: number): AppProcess[] {
  const workers = childrenOf(app).filter(isNode);
  if (workers.length === 0) return [{ pid: app, role: "single", rssMb: rssMb(app) }];
  return [{ pid: app, role: "primary" as const, rssMb: rssMb(app) }, ...workers.map((pid) => ({ pid, role: "worker" as const, rssMb: rssMb(pid) }))];
}

/** The processes that serve HTTP (the workers, or the single process). */
export function httpProcesses(launchedPid: number): AppProcess[] {
  return appProcesses(launchedPid).filter((p) => p.role !== "primary");
}

/**
 * CPU seconds a process has used (user + system, /proc/<pid>/stat; 100 ticks a second on Linux).
 * Unlike throughput, CPU per request hardly moves with other work on a shared host.
 */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds of the app's node processes together. */
export function appCpuSeconds(app: number): number {
  return appProcesses(app).reduce((sum, p) => sum + cpuSeconds(p.pid), 0);
}
