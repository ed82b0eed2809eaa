/**
 * Pulumi's DIY-backend stack lock, as its error message describes it:
 *   "<lock file>: created by <user>@<host> (pid <N>) at <time>"
 * (pkg/backend/diy/lock.go). A lock is stale when it was taken on this host by
 * a process that no longer exists (e.g. an apply killed with SIGKILL).
 */
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { fileURLToPath } from "node:url";

export interface LockInfo {
  file?: string;
  user: string;
  host: string;
  pid: number;
  at: string;
}

export function parseLock(message: string): LockInfo | undefined {
  const m = /(\S+?\.json)(?:\?\S*)?: created by (\S+?)@(\S+) \(pid (\d+)\) at (\S+)/.exec(message);
  if (!m) return undefined;
  const raw = m[1]!;
  const file = raw.startsWith("file://") ? fileURLToPath(raw) : raw;
  return { file, user: m[2]!, host: m[3]!, pid: Number(m[4]), at: m[5]! };
}

export function describeLock(l: LockInfo): string {
  return `held by ${l.user}@${l.host} (pid ${l.pid}) since ${l.at}`;
}

/** The process runs (a zombie does not: it runs no code). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  return !zombie(pid);
}

/**
 * A process killed with SIGKILL stays a zombie until its parent reaps it; when
 * its parent died too (a killed apply and its Pulumi engine), a container's
 * init may take a while. A zombie holds no lock: it runs no code.
 */
function zombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.charAt(stat.lastIndexOf(")") + 2) === "Z";
  } catch {
    return false;
  }
}

export function staleLock(l: LockInfo, host: string = hostname()): boolean {
  return l.host === host && !alive(l.pid);
}
