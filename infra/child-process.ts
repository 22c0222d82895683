import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { logger } from './logger';
import { stopGroup, writePidFile } from './pid-file';
import { stopWhenWeDie } from './watchdog';

export interface ManagedProcess {
  child: ChildProcess;
  /** Resolves with how the child ended (exit code, signal or spawn error). */
  ended: Promise<string>;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  uid?: number;
  gid?: number;
  /** What asks the child to stop (Postgres: SIGINT, its fast shutdown); SIGKILL follows after graceMs. */
  stopSignal?: NodeJS.Signals;
  graceMs?: number;
  /** Records the child and us, so a start after our `kill -9` stops what we left. */
  pidFile?: string;
}

/**
 * Spawns a long-running child in its own process group (stopping it stops anything it
 * started; Ctrl-C reaches only us, and we stop children in order), watched by a watchdog
 * that stops it if we die. Registers nothing global: the owner stops it.
 */
export function spawnManaged(name: string, command: string, args: string[], options: SpawnOptions = {}): ManagedProcess {
  const { stopSignal = 'SIGTERM', graceMs = 5000, pidFile } = options;
  const child = spawn(command, args, { env: options.env ?? process.env, uid: options.uid, gid: options.gid, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = logger.child({ process: name });
  child.stdout?.on('data', (b: Buffer) => log.debug(b.toString().trim()));
  child.stderr?.on('data', (b: Buffer) => log.debug(b.toString().trim()));
  const ended = new Promise<string>((resolve) => {
    child.once('error', (err) => resolve(`could not run ${command}: ${err.message}`));
    child.once('exit', (code, signal) => resolve(signal ? `killed by ${signal}` : `exited with code ${code}`));
  });
  if (child.pid !== undefined) {
    stopWhenWeDie(child.pid, stopSignal, Math.ceil(graceMs / 1000));
    if (pidFile) writePidFile(pidFile, child.pid);
  }
  return {
    child,
    ended,
    async stop() {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        await Promise.all([stopGroup(child.pid, stopSignal, graceMs), ended]);
      }
      if (pidFile) rmSync(pidFile, { force: true });
    },
  };
}

/** Runs a short-lived command to its end; a failure names the command and its stderr. */
export function runToEnd(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; uid?: number; gid?: number } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.once('error', (err) => reject(new Error(`could not run ${command}: ${err.message}`)));
    child.once('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} failed (${signal ?? code}): ${stderr.trim()}`))));
  });
}
