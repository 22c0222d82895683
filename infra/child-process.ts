import { spawn, type ChildProcess } from 'node:child_process';
import { logger } from './logger';

export interface ManagedProcess {
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Spawns a long-running child in its own process group so that stopping it
 * also stops anything it started, and registers nothing global: the owner stops it.
 */
export function spawnManaged(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ManagedProcess {
  const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = logger.child({ process: name });
  child.stdout?.on('data', (b: Buffer) => log.debug(b.toString().trim()));
  child.stderr?.on('data', (b: Buffer) => log.debug(b.toString().trim()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
