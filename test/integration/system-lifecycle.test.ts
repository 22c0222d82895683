import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { Client as Pg } from 'pg';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../infra/free-port';
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
function startSettle(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, node('cli/start.ts'), { env, cwd: ROOT });
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
});
