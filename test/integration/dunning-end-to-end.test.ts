import { Client as Pg } from 'pg';
import { createActivities } from '../../activities';
import { CoaClient } from '../../network/coa-client';
import { FREERADIUS_SCHEMA_SQL, FreeradiusSqlAdapter } from '../../network/freeradius-sql.adapter';
import { RadiusAdapter } from '../../network/radius.adapter';
import { RadiusCode } from '../../network/radius-packet';
import { createNotifier } from '../../notifications';
import { FakeNas } from './network/fake-nas';
import { startSmtpTestServer, type SmtpTestServer } from './notifications/smtp-test-server';
import { startTwilioStub, type TwilioStub } from './notifications/twilio-stub';
import { eventually, startTestSystem, type TestSystem } from '../support/test-system';

// The whole dunning path on real parts: Postgres, Temporal dev server, worker, API, a real
// SMTP server, the real twilio client against a local stub of its API, FreeRADIUS SQL
// tables and RFC 5176 packets to a NAS listening on loopback.
const ACCOUNT_SID = `AC${'0'.repeat(32)}`;
const RADIUS_SECRET = 'testing123';

describe('dunning end to end', () => {
  let sys: TestSystem;
  let smtp: SmtpTestServer;
  let twilio: TwilioStub;
  let nas: FakeNas;
  let admin: string;
  let radiusUrl: string;

  beforeAll(async () => {
    smtp = await startSmtpTestServer({ user: 'settle', pass: 'secret' });
    twilio = await startTwilioStub();
    nas = await FakeNas.start(RADIUS_SECRET);
    const notifier = createNotifier({ SMTP_URL: `smtp://settle:secret@127.0.0.1:${smtp.port}`, MAIL_FROM: 'billing@isp.test', TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: 'token', TWILIO_FROM: '+8809600000000', TWILIO_API_BASE: twilio.baseUrl });
    let radius: RadiusAdapter | undefined;
    sys = await startTestSystem({
      notifier,
      // The RADIUS tables live in the test's own database, known only once it exists.
      network: { name: 'radius', apply: (t) => radius!.apply(t), close: async () => radius?.close() },
      beforeWorker: async (url: string) => {
        radiusUrl = url;
        const pg = new Pg({ connectionString: url });
        await pg.connect();
        await pg.query(FREERADIUS_SCHEMA_SQL);
        await pg.end();
        radius = new RadiusAdapter(new FreeradiusSqlAdapter(url), new CoaClient({ host: '127.0.0.1', port: nas.port, secret: RADIUS_SECRET, timeoutMs: 500 }));
      },
    });
    admin = (await sys.operatorKey('admin')).key;
    await sys.allowEnforcementAnyTime(admin);
  });
  afterAll(async () => {
    await sys?.stop();
    await Promise.all([smtp?.stop(), twilio?.stop(), nas?.stop()]);
  });

  async function overdueCustomer(username: string, daysOverdue: number) {
    const c = await sys.call(admin, 'POST', '/v1/customers', { username, name: 'Karim Hossain', email: `${username}@mail.test`, phone: '+8801711000001', paymentReference: `VS${Date.now() % 1e8}` });
    const tariff = await sys.db.tariff.upsert({ where: { name: 'Home 20' }, update: {}, create: { name: 'Home 20', serviceKind: 'internet', priceMinor: 120_000n, speedProfile: '20M/20M', throttledProfile: '1M/1M' } });
    await sys.db.subscription.create({ data: { customerId: c.body.id, tariffId: tariff.id, startsOn: new Date('2026-01-01') } });
    const due = new Date(Date.now() - daysOverdue * 86_400_000);
    await sys.db.invoice.create({ data: { number: `T-${username}`, customerId: c.body.id, period: '2026-10', issueDate: due, dueDate: due, currency: 'BDT', netMinor: 120_000n, taxMinor: 0n, totalMinor: 120_000n } });
    return c.body.id as number;
  }

  it('blocks an overdue customer with one email, one SMS and a Disconnect, and restores on payment', async () => {
    const id = await overdueCustomer('karim', 20);
    expect((await sys.call(admin, 'POST', `/v1/customers/${id}/billing-workflow`)).status).toBe(202);

    const blocked = await eventually(async () => {
      const r = await sys.call(admin, 'GET', `/v1/customers/${id}/dunning`);
      return r.body.network === 'block' ? r.body : undefined;
    });
    expect(blocked.state).toBe('blocked');
    expect(blocked.reasons.join(' ')).toMatch(/past due/);
    await eventually(async () => smtp.received.length === 1 && twilio.requests.length === 1);
    expect(smtp.received[0]!.to).toEqual(['karim@mail.test']);
    expect(smtp.received[0]!.raw).toContain('1200.00');
    expect(twilio.requests[0]!.form.To).toBe('+8801711000001');
    expect(nas.received.map((r) => r.packet.code)).toEqual([RadiusCode.DisconnectRequest]);
    const pg = new Pg({ connectionString: radiusUrl });
    await pg.connect();
    expect((await pg.query(`select groupname from radusergroup where username = 'karim'`)).rows).toEqual([{ groupname: 'settle-blocked' }]);

    const paid = await sys.call(admin, 'POST', '/v1/payments', { customerId: id, amountMinor: 120_000, currency: 'BDT', method: 'bkash', receivedAt: new Date().toISOString(), reference: 'TRX-1' });
    expect(paid.status).toBe(201);
    const restored = await eventually(async () => {
      const r = await sys.call(admin, 'GET', `/v1/customers/${id}/dunning`);
      return r.body.network === 'none' && r.body.state === 'paid' ? r.body : undefined;
    });
    expect(restored.overdueMinor).toBe(0);
    expect(nas.received.at(-1)!.packet.code).toBe(RadiusCode.CoaRequest);
    expect((await pg.query(`select groupname from radusergroup where username = 'karim'`)).rows).toEqual([{ groupname: 'settle-active' }]);
    await pg.end();
    const sub = await sys.db.subscription.findFirstOrThrow({ where: { customerId: id } });
    expect(sub.networkState).toBe('active');
  });

  it('a retried notice activity sends exactly one email and one SMS', async () => {
    const id = await overdueCustomer('rina', 1);
    const acts = createActivities({ db: sys.db, notifier: createNotifier({ SMTP_URL: `smtp://settle:secret@127.0.0.1:${smtp.port}`, MAIL_FROM: 'b@isp.test', TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: 'token', TWILIO_FROM: '+8809600000000', TWILIO_API_BASE: twilio.baseUrl }), network: { name: 'none', apply: async () => undefined }, ispName: 'Test ISP', temporal: sys.temporal, taskQueue: sys.taskQueue });
    const invoice = await sys.db.invoice.findFirstOrThrow({ where: { customerId: id } });
    const [mails, sms] = [smtp.received.length, twilio.requests.length];
    for (let attempt = 0; attempt < 3; attempt++) {
      await acts.sendDunningNotice({ customerId: id, invoiceId: invoice.id, state: 'overdue_reminder', channel: 'email', template: 'overdue_reminder' });
      await acts.sendDunningNotice({ customerId: id, invoiceId: invoice.id, state: 'overdue_reminder', channel: 'sms', template: 'overdue_reminder' });
    }
    expect(smtp.received.length - mails).toBe(1);
    expect(twilio.requests.length - sms).toBe(1);
    expect(await sys.db.notificationLog.count({ where: { customerId: id, status: 'sent' } })).toBe(2);
  });

  it('rejects an invalid policy with the reason and keeps the old one', async () => {
    const before = (await sys.call(admin, 'GET', '/v1/dunning/policy')).body;
    const bad = structuredClone(before.policy);
    bad.states[1].conditions.daysPastDue = -99;
    bad.states[0].actions.notify.template = 'no_such_template';
    const r = await sys.call(admin, 'PUT', '/v1/dunning/policy', bad);
    expect(r.status).toBe(400);
    expect(r.body.issues.map((i: { field: string }) => i.field).join(' ')).toMatch(/states/);
    expect((await sys.call(admin, 'GET', '/v1/dunning/policy')).body.version).toBe(before.version);
  });
});
