import pino from 'pino';
import { CoaClient } from '../../../network/coa-client';
import { FREERADIUS_SCHEMA_SQL, FreeradiusSqlAdapter } from '../../../network/freeradius-sql.adapter';
import type { LineTarget } from '../../../network/network-adapter';
import { RadiusAdapter } from '../../../network/radius.adapter';
import { RadiusCode } from '../../../network/radius-packet';
import { FakeNas } from './fake-nas';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database';

const secret = 'nas-shared-secret';
const alice: LineTarget = {
  subscriptionId: 1, customerId: 10, username: 'alice@isp', state: 'active', speedProfile: '20M/20M', throttledProfile: '1M/1M',
};

describe('RadiusAdapter: FreeRADIUS SQL for the next login, CoA/Disconnect for the live session', () => {
  let db: ScratchDatabase;
  let nas: FakeNas;
  let adapter: RadiusAdapter;

  beforeAll(async () => {
    db = await createScratchDatabase();
    await db.pool.query(FREERADIUS_SCHEMA_SQL);
  });
  afterAll(() => db?.drop());
  beforeEach(async () => {
    await db.pool.query('TRUNCATE radusergroup, radreply');
    nas = await FakeNas.start(secret);
    const coa = new CoaClient({ host: '127.0.0.1', port: nas.port, secret, timeoutMs: 150, retries: 1 });
    adapter = new RadiusAdapter(new FreeradiusSqlAdapter(db.pool), coa, pino({ level: 'silent' }));
  });
  afterEach(() => nas.stop());

  const group = async () => (await db.pool.query('SELECT groupname FROM radusergroup WHERE username = $1', [alice.username])).rows;
  const rateLimit = async () => (await db.pool.query('SELECT value FROM radreply WHERE username = $1', [alice.username])).rows;
  const sent = () => nas.received.map((r) => ({ valid: r.authenticatorValid, code: r.packet.code, attributes: r.packet.attributes }));

  it('throttles: settle-throttled row, then a CoA with the throttled rate limit', async () => {
    await adapter.apply({ ...alice, state: 'throttled' });
    expect(await group()).toEqual([{ groupname: 'settle-throttled' }]);
    expect(await rateLimit()).toEqual([{ value: '1M/1M' }]);
    expect(sent()).toEqual([{
      valid: true, code: RadiusCode.CoaRequest,
      attributes: [{ type: 'User-Name', value: 'alice@isp' }, { type: 'Mikrotik-Rate-Limit', value: '1M/1M' }],
    }]);
  });

  it('blocks: settle-blocked row without a rate limit, then a Disconnect-Request forcing re-authentication', async () => {
    await adapter.apply({ ...alice, state: 'blocked' });
    expect(await group()).toEqual([{ groupname: 'settle-blocked' }]);
    expect(await rateLimit()).toEqual([]);
    expect(sent()).toEqual([{ valid: true, code: RadiusCode.DisconnectRequest, attributes: [{ type: 'User-Name', value: 'alice@isp' }] }]);
  });

  it('restores: settle-active row, then a CoA with the full speed', async () => {
    await adapter.apply({ ...alice, state: 'blocked' });
    await adapter.apply(alice);
    expect(await group()).toEqual([{ groupname: 'settle-active' }]);
    expect(sent()[1]).toMatchObject({ code: RadiusCode.CoaRequest, attributes: [{ value: 'alice@isp' }, { type: 'Mikrotik-Rate-Limit', value: '20M/20M' }] });
  });

  it('counts "Session Context Not Found" as done: the line is offline and the SQL rows decide its next login', async () => {
    nas.answer = () => ({ kind: 'nak', errorCause: 503 });
    await expect(adapter.apply({ ...alice, state: 'blocked' })).resolves.toBeUndefined();
    await expect(adapter.apply({ ...alice, state: 'throttled' })).resolves.toBeUndefined();
    expect(await group()).toEqual([{ groupname: 'settle-throttled' }]);
  });

  it('rejects retryably on any other NAK, with the SQL state already written', async () => {
    nas.answer = () => ({ kind: 'nak', errorCause: 506 });
    await expect(adapter.apply({ ...alice, state: 'blocked' })).rejects.toMatchObject({
      retryable: true, message: expect.stringContaining('Error-Cause 506 (Resources Unavailable)'),
    });
    expect(await group()).toEqual([{ groupname: 'settle-blocked' }]);
  });

  it('rejects retryably when the NAS does not answer', async () => {
    nas.answer = () => ({ kind: 'silent' });
    await expect(adapter.apply({ ...alice, state: 'throttled' })).rejects.toMatchObject({ retryable: true, message: expect.stringContaining('no answer') });
    expect(nas.received).toHaveLength(2);
  });
});
