import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/**
 * A child's pid file also names the process that started it, each with its start time, so a
 * later start tells a leftover (its starter is gone) from a sibling's child, and never mistakes
 * a process that reused the pid after a reboot for ours.
 */
interface PidRecord {
  pid: number;
  startedAt: string;
  owner: number;
  ownerStartedAt: string;
}

const HAS_PROC = existsSync('/proc/self/stat');

/** When the process started (an opaque token), or undefined when it is gone or a zombie. */
export function processStartTime(pid: number): string | undefined {
  if (HAS_PROC) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return fields[0] === 'Z' ? undefined : fields[19];
    } catch {
      return undefined;
    }
  }
  try {
    return execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function isRunning(pid: number): boolean {
  return processStartTime(pid) !== undefined;
}

export function writePidFile(file: string, pid: number): void {
  const record: PidRecord = { pid, startedAt: processStartTime(pid) ?? '', owner: process.pid, ownerStartedAt: processStartTime(process.pid) ?? '' };
  writeFileSync(file, JSON.stringify(record) + '\n');
}

export type PidFileState = { state: 'none' } | { state: 'owned'; pid: number; owner: number } | { state: 'leftover'; pid: number };

export function readPidFile(file: string): PidFileState {
  let record: PidRecord;
  try {
    record = JSON.parse(readFileSync(file, 'utf8')) as PidRecord;
  } catch {
    return { state: 'none' };
  }
  if (!record.startedAt || processStartTime(record.pid) !== record.startedAt) {
    rmSync(file, { force: true });
    return { state: 'none' };
  }
  if (processStartTime(record.owner) === record.ownerStartedAt) return { state: 'owned', pid: record.pid, owner: record.owner };
  return { state: 'leftover', pid: record.pid };
}

/** Signals a process group, then SIGKILL after `graceMs`; resolves once its leader is gone. */
export async function stopGroup(pid: number, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  const send = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s);
    } catch {
      /* already gone */
    }
  };
  send(signal);
  const deadline = Date.now() + graceMs;
  while (isRunning(pid)) {
    if (Date.now() > deadline) send('SIGKILL');
    await new Promise((r) => setTimeout(r, 100));
  }
}
