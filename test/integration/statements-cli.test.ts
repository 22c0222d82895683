import { spawn } from 'node:child_process';
import path from 'node:path';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { testServices } from '../support/test-services';
import { FIXTURE_DIR, loadFixtureCustomers } from './statements-fixtures';

const ROOT = path.join(__dirname, '../..');

// The clerk's command line: `npm run cli -- statement import <file> --json`, against the
// same database and Temporal namespace as the running worker.
describe('statement import from the command line', () => {
  let sys: TestSystem;

  beforeAll(async () => {
    sys = await startTestSystem();
    await loadFixtureCustomers(sys, 'customers-cz.json', 'CZK');
  });
  afterAll(() => sys?.stop());

  function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const env = {
      ...process.env, DATABASE_URL: sys.url, TEMPORAL_ADDRESS: testServices().temporalAddress,
      TEMPORAL_NAMESPACE: sys.temporal.options.namespace, TEMPORAL_TASK_QUEUE: sys.taskQueue, LOG_LEVEL: 'warn',
    };
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'cli/index.ts'), ...args], { env, cwd: ROOT });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('imports a GPC statement, waits for matching and prints the outcome as one JSON line; a second import adds nothing', async () => {
    const file = path.join(FIXTURE_DIR, 'gpc-cz-2026-03.gpc');
    const first = await cli(['statement', 'import', file, '--json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout.trim().split('\n').at(-1)!);
    expect(result).toEqual({
      statementId: expect.any(Number), sameFile: false, lines: 8, imported: 8, alreadyKnown: 0, matched: 5, matchedAmount: 329500,
      exceptions: { outgoing: 2, unknown_reference: 1 },
    });
    const payments = await sys.db.payment.count();
    expect(payments).toBe(5);

    const again = await cli(['statement', 'import', file, '--json']);
    expect(again.code).toBe(0);
    // The same statement, said so: its matches are the first import's, not new ones.
    expect(JSON.parse(again.stdout.trim().split('\n').at(-1)!)).toMatchObject({ statementId: result.statementId, sameFile: true, imported: 0, alreadyKnown: 8, matched: 5 });
    expect(await sys.db.payment.count()).toBe(payments);
  });

  it('rejects a malformed file with the line and reason and stores nothing', async () => {
    const before = await sys.db.bankStatement.count();
    const r = await cli(['statement', 'import', path.join(FIXTURE_DIR, 'camt053-multi-currency.xml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^settle: .*camt053-multi-currency\.xml: file\.line\.14: camt053 .*multiple currencies: line 7 is EUR, statement is CZK\n$/);
    expect(await sys.db.bankStatement.count()).toBe(before);
  });
});
