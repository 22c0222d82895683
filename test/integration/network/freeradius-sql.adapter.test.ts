import { FREERADIUS_SCHEMA_SQL, FreeradiusSqlAdapter } from '../../../network/freeradius-sql.adapter';
import { NetworkApplyError, type LineTarget } from '../../../network/network-adapter';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database';

const alice: LineTarget = {
  subscriptionId: 1, customerId: 10, username: 'alice@isp', state: 'active', speedProfile: '20M/20M', throttledProfile: '1M/1M',
};

describe('FreeradiusSqlAdapter', () => {
  let db: ScratchDatabase;
  let adapter: FreeradiusSqlAdapter;

  beforeAll(async () => {
    db = await createScratchDatabase();
    await db.pool.query(FREERADIUS_SCHEMA_SQL);
    adapter = new FreeradiusSqlAdapter(db.pool);
  });
  afterAll(() => db?.drop());
  beforeEach(() => db.pool.query('TRUNCATE radusergroup, radreply RESTART IDENTITY'));

  const rows = async (username = alice.username) => ({
    groups: (await db.pool.query('SELECT id, username, groupname, priority FROM radusergroup WHERE username = $1 ORDER BY id', [username])).rows,
    replies: (await db.pool.query('SELECT id, username, attribute, op, value FROM radreply WHERE username = $1 ORDER BY id', [username])).rows,
  });

  it('puts an active line in settle-active with its speed as Mikrotik-Rate-Limit', async () => {
    await adapter.apply(alice);
    expect(await rows()).toEqual({
      groups: [{ id: 1, username: 'alice@isp', groupname: 'settle-active', priority: 1 }],
      replies: [{ id: 1, username: 'alice@isp', attribute: 'Mikrotik-Rate-Limit', op: ':=', value: '20M/20M' }],
    });
  });

  it('leaves identical rows (same ids) when the same state is applied again', async () => {
    for (const state of ['active', 'throttled', 'blocked'] as const) {
      await adapter.apply({ ...alice, state });
      const once = await rows();
      await adapter.apply({ ...alice, state });
      await adapter.apply({ ...alice, state });
      expect(await rows()).toEqual(once);
    }
  });

  it('throttles, blocks and restores the line', async () => {
    await adapter.apply(alice);
    await adapter.apply({ ...alice, state: 'throttled' });
    expect(await rows()).toMatchObject({
      groups: [{ groupname: 'settle-throttled', priority: 1 }],
      replies: [{ attribute: 'Mikrotik-Rate-Limit', op: ':=', value: '1M/1M' }],
    });

    await adapter.apply({ ...alice, state: 'blocked' });
    expect(await rows()).toMatchObject({ groups: [{ groupname: 'settle-blocked', priority: 1 }], replies: [] });

    await adapter.apply(alice);
    expect(await rows()).toMatchObject({
      groups: [{ groupname: 'settle-active', priority: 1 }],
      replies: [{ attribute: 'Mikrotik-Rate-Limit', op: ':=', value: '20M/20M' }],
    });
  });

  it('leaves other users and the groups and replies it does not own untouched', async () => {
    await db.pool.query(`INSERT INTO radusergroup (username, groupname, priority) VALUES ('alice@isp', 'static-ip', 5), ('bob@isp', 'settle-active', 1)`);
    await db.pool.query(`INSERT INTO radreply (username, attribute, op, value) VALUES
      ('alice@isp', 'Framed-IP-Address', ':=', '100.64.0.7'), ('bob@isp', 'Mikrotik-Rate-Limit', ':=', '50M/50M')`);

    await adapter.apply({ ...alice, state: 'blocked' });

    expect((await rows()).groups.map((g) => [g.groupname, g.priority])).toEqual([['static-ip', 5], ['settle-blocked', 1]]);
    expect((await rows()).replies.map((r) => [r.attribute, r.value])).toEqual([['Framed-IP-Address', '100.64.0.7']]);
    expect(await rows('bob@isp')).toMatchObject({ groups: [{ groupname: 'settle-active' }], replies: [{ value: '50M/50M' }] });
  });

  it('repairs a stale or duplicated rate limit left by hand', async () => {
    await db.pool.query(`INSERT INTO radusergroup (username, groupname, priority) VALUES ('alice@isp', 'settle-throttled', 1), ('alice@isp', 'settle-active', 3)`);
    await db.pool.query(`INSERT INTO radreply (username, attribute, op, value) VALUES
      ('alice@isp', 'Mikrotik-Rate-Limit', '=', '20M/20M'), ('alice@isp', 'Mikrotik-Rate-Limit', ':=', '5M/5M')`);

    await adapter.apply(alice);

    expect(await rows()).toMatchObject({
      groups: [{ groupname: 'settle-active', priority: 1 }],
      replies: [{ attribute: 'Mikrotik-Rate-Limit', op: ':=', value: '20M/20M' }],
    });
  });

  it('keeps exactly one group row when many applies for one user race', async () => {
    const states = ['active', 'throttled', 'blocked', 'active', 'throttled', 'active', 'blocked', 'active'] as const;
    await Promise.all(states.map((state) => adapter.apply({ ...alice, state })));
    const { groups, replies } = await rows();
    expect(groups).toHaveLength(1);
    expect(replies.length).toBeLessThanOrEqual(1);
  });

  it('fails retryably and writes nothing when the tables are missing', async () => {
    const empty = await createScratchDatabase();
    try {
      const failure = new FreeradiusSqlAdapter(empty.pool).apply(alice);
      await expect(failure).rejects.toBeInstanceOf(NetworkApplyError);
      await expect(failure).rejects.toMatchObject({ retryable: true, message: expect.stringContaining('relation "radusergroup" does not exist') });
    } finally {
      await empty.drop();
    }
  });

  it('fails retryably when the database cannot be reached', async () => {
    const unreachable = new FreeradiusSqlAdapter('postgresql://nobody@127.0.0.1:1/radius');
    await expect(unreachable.apply(alice)).rejects.toMatchObject({ retryable: true, message: expect.stringContaining('cannot reach the RADIUS database') });
    await unreachable.close();
  });
});
