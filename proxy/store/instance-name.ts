/**
 * Which proxy process reserved a usage row: `host/pid`. A process that restarts on the same machine can then tell
 * at start-up which reservations belong to a process that no longer runs (killed, crashed, out of memory) and
 * settle them at once, instead of holding the person's quota until the reservation lifetime runs out.
 */
import { hostname } from 'node:os';

/** This process's name in the `usage.instance` column. */
export function thisInstance(): string {
  return `${hostname()}/${process.pid}`;
}

/**
 * True only when `instance` names a process on this machine that is not running. Another machine's process
 * cannot be checked from here: its reservations are left to the reservation lifetime (`reservation-ttl.ts`).
 */
export function isGoneFromThisHost(instance: string): boolean {
  const slash = instance.lastIndexOf('/');
  const pid = Number(instance.slice(slash + 1));
  if (slash < 0 || instance.slice(0, slash) !== hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
