import { startTestSystem, type TestSystem } from '../support/test-system';
import { manualPayment, newCustomer, newInvoice } from './payments-fixtures';
import { tariffBody } from './billing-admin-fixtures';

// Issue #13: bad input is a 400 naming the field, never a 500, and changes nothing.
describe('bad input is a 400 naming the field', () => {
  let sys: TestSystem;
  let admin: string;
  let customerId: number;

  beforeAll(async () => {
    sys = await startTestSystem();
    admin = (await sys.operatorKey('admin')).key;
    customerId = (await newCustomer(sys, admin)).id;
  });
  afterAll(() => sys?.stop());

  const raw = async (method: string, path: string, body: string, contentType = 'application/json') => {
    const res = await fetch(`${sys.api.url}${path}`, { method, headers: { authorization: `Bearer ${admin}`, 'content-type': contentType }, body });
    return { status: res.status, body: (await res.json()) as { issues?: Array<{ field: string }> } };
  };
  const field = (r: { body: { issues?: Array<{ field: string }> } }) => r.body.issues?.[0]?.field;

  it('refuses amounts above 10^12 minor units, where totals would start losing precision', async () => {
    for (const amount of [2 ** 53 - 1, 10 ** 12 + 1]) {
      const r = await sys.call(admin, 'POST', '/v1/payments', manualPayment(customerId, amount));
      expect([r.status, field(r)]).toEqual([400, 'body.amountMinor']);
    }
    const tariff = await sys.call(admin, 'POST', '/v1/tariffs', tariffBody({ priceMinor: 2 ** 53 - 1 }));
    expect([tariff.status, field(tariff)]).toEqual([400, 'body.priceMinor']);
    expect(await sys.db.payment.count({ where: { customerId } })).toBe(0);
  });

  it('keeps the statement exact at the ceiling: billed, paid and outstanding add up to the minor unit', async () => {
    const { id } = await newCustomer(sys, admin);
    for (const period of ['2026-01', '2026-02', '2026-03']) await newInvoice(sys, id, period, 10 ** 12 - 1);
    const paid = await sys.call(admin, 'POST', '/v1/payments', manualPayment(id, 10 ** 12));
    expect(paid.status).toBe(201);
    const statement = await sys.call(admin, 'GET', `/v1/customers/${id}/statement`);
    expect(statement.status).toBe(200);
    expect(statement.body).toMatchObject({ billedMinor: 2999999999997, paidMinor: 1000000000000, outstandingMinor: 1999999999997 });
  });

  it('refuses ids and id filters of 2^31 and more, in paths, queries and bodies', async () => {
    const big = 2 ** 31;
    const cases: Array<[string, string, unknown, string]> = [
      ['GET', `/v1/customers/${big}`, undefined, 'params.id'],
      ['GET', `/v1/invoices?customerId=${big}`, undefined, 'querystring.customerId'],
      ['GET', `/v1/customers?after=${big}`, undefined, 'querystring.after'],
      ['GET', `/v1/reports/receivables?resellerId=${big}`, undefined, 'querystring.resellerId'],
      ['GET', `/v1/payments?operatorId=${big}`, undefined, 'querystring.operatorId'],
      ['GET', `/v1/statements?before=${big}`, undefined, 'querystring.before'],
      ['POST', `/v1/customers/1/subscriptions/${big}/end`, { endsOn: '2026-12-31' }, 'params.subId'],
      ['POST', '/v1/payments', manualPayment(big, 100), 'body.customerId'],
      ['POST', `/v1/payments/${big}/reverse`, { reason: 'wrong customer' }, 'params.id'],
    ];
    for (const [method, path, body, expected] of cases) {
      const r = await sys.call(admin, method, path, body);
      expect([path, r.status, field(r)]).toEqual([path, 400, expected]);
    }
  });

  it('refuses a NUL byte in a note, a name or a search', async () => {
    const note = await sys.call(admin, 'POST', '/v1/payments', manualPayment(customerId, 100, { note: 'paid\u0000at office' }));
    expect([note.status, field(note)]).toEqual([400, 'body.note']);
    const name = await sys.call(admin, 'POST', '/v1/customers', { name: 'Ra\u0000him', username: 'nul-user', paymentReference: 'NUL1' });
    expect([name.status, field(name)]).toEqual([400, 'body.name']);
    const q = await sys.call(admin, 'GET', '/v1/payments?q=a%00b');
    expect([q.status, field(q)]).toEqual([400, 'querystring.q']);
    expect(await sys.db.payment.count({ where: { customerId } })).toBe(0);
  });

  it('refuses dates outside sane years', async () => {
    const r = await sys.call(admin, 'GET', '/v1/payments?from=0001-01-01&to=9999-12-31');
    expect([r.status, field(r)]).toEqual([400, 'querystring.from']);
    const report = await sys.call(admin, 'GET', '/v1/reports/summary?asOf=9999-12-31');
    expect([report.status, field(report)]).toEqual([400, 'querystring.asOf']);
    const paidAt = await sys.call(admin, 'POST', '/v1/payments', manualPayment(customerId, 100, { receivedAt: '0001-01-01T00:00:00Z' }));
    expect([paidAt.status, field(paidAt)]).toEqual([400, 'body.receivedAt']);
  });

  it('refuses a JSON body that repeats a key, naming it', async () => {
    const r = await raw('POST', '/v1/payments', `{"customerId":${customerId},"amountMinor":100,"amountMinor":100000,"currency":"BDT","method":"cash"}`);
    expect([r.status, field(r)]).toEqual([400, 'body.amountMinor']);
    const nested = await raw('PUT', `/v1/customers/${customerId}/tags`, '{"tags":["a"],"x":{"y":1,"y":2}}');
    expect([nested.status, field(nested)]).toEqual([400, 'body.x.y']);
    expect(await sys.db.payment.count({ where: { customerId } })).toBe(0);
  });

  it('refuses a multipart upload without a boundary, or with broken framing', async () => {
    const none = await raw('POST', '/v1/statements', 'whatever', 'multipart/form-data');
    expect([none.status, field(none)]).toEqual([400, 'headers.content-type']);
    const broken = await raw('POST', '/v1/statements', '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nx', 'multipart/form-data; boundary=abc');
    expect(broken.status).toBe(400);
  });

  it('documents every error status with the error body in the OpenAPI document', async () => {
    const doc = (await fetch(`${sys.api.url}/docs/json`).then((r) => r.json())) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const payments = doc.paths['/v1/payments']!.post!.responses;
    for (const status of ['400', '401', '403', '404', '409', '413', '503']) expect(payments[status]).toBeDefined();
    const missing = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).filter(([, op]) => !op.responses['503']).map(([m]) => `${m} ${path}`));
    expect(missing).toEqual([]);
  });
});
