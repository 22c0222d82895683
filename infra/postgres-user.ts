import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

export interface OsUser {
  uid: number;
  gid: number;
}

function osUserIds(name: string): OsUser | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', name]).toString().trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** Postgres refuses to run as root: as root it runs as the `postgres` OS user (created if missing). */
export function postgresOsUser(): OsUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  if (!osUserIds('postgres')) execFileSync('useradd', ['--system', '--user-group', 'postgres']);
  return osUserIds('postgres');
}

/** Whether `user` may enter `dir` (the kernel decides: modes, ACLs, every folder above it). */
export function canEnter(user: OsUser, dir: string): boolean {
  return spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;
}

/** The outermost folder on the way to `dir` that `user` cannot enter. */
export function firstClosedFolder(user: OsUser, dir: string): string {
  const parts = path.resolve(dir).split(path.sep).filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const folder = path.sep + parts.slice(0, i).join(path.sep);
    if (!canEnter(user, folder)) return folder;
  }
  return dir;
}
