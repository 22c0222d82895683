// Setup shared by the payments test files. Invoices are inserted straight into the
// database because invoicing is tested (and owned) elsewhere.
import { randomBytes } from 'node:crypto';
import { signWebhook } from '../../services/webhook-signature';
import type { TestSystem } from '../support/test-system';

let serial = 0;

export function unique(prefix: string): string {
  serial += 1;
  return `${prefix}${serial}${randomBytes(2).toString('hex')}`;
}

export async function newCustomer(sys: TestSystem, key: string, fields: { name?: string; username?: string; paymentReference?: string } = {}): Promise<{ id: number; username: string; paymentReference: string }> {
  const body = { name: 'Test Customer', username: unique('user'), paymentReference: unique('R'), ...fields };
  const r = await sys.call(key, 'POST', '/v1/customers', body);
  if (r.status !== 201) throw new Error(`customer not created: ${r.status} ${JSON.stringify(r.body)}`);
  return { id: r.body.id, username: body.username, paymentReference: body.paymentReference };
}

export async function newInvoice(sys: TestSystem, customerId: number, period: string, totalMinor: number, dueDate = `${period}-15`): Promise<number> {
  const invoice = await sys.db.invoice.create({
    data: {
      number: unique(`${period}-`), customerId, period, issueDate: new Date(`${period}-01`), dueDate: new Date(dueDate),
      currency: 'BDT', netMinor: BigInt(totalMinor), taxMinor: 0n, totalMinor: BigInt(totalMinor),
    },
  });
  return invoice.id;
}

/** Per invoice (by id): status and what its allocation rows add up to. */
export async function ledger(sys: TestSystem, customerId: number): Promise<Array<{ id: number; status: string; paidMinor: number; totalMinor: number }>> {
  const invoices = await sys.db.invoice.findMany({ where: { customerId }, include: { allocations: true }, orderBy: { id: 'asc' } });
  return invoices.map((i) => ({
    id: i.id,
    status: i.status,
    totalMinor: Number(i.totalMinor),
    paidMinor: i.allocations.reduce((sum, a) => sum + Number(a.amountMinor), 0),
  }));
}

export function manualPayment(customerId: number, amountMinor: number, extra: Record<string, unknown> = {}) {
  return { customerId, amountMinor, currency: 'BDT', method: 'cash', ...extra };
}

/** POSTs a gateway notification signed with `secret` (or with the header given). */
export async function sendWebhook(sys: TestSystem, gateway: string, body: unknown, auth: { secret: string } | { header?: string }): Promise<{ status: number; body: any }> {
  const raw = JSON.stringify(body);
  const signature = 'secret' in auth ? signWebhook(auth.secret, raw) : auth.header;
  const res = await fetch(`${sys.api.url}/v1/webhooks/${gateway}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-settle-signature': signature } : {}) },
    body: raw,
  });
  return { status: res.status, body: await res.json() };
}

export async function fetchText(sys: TestSystem, key: string, path: string): Promise<{ status: number; contentType: string | null; text: string }> {
  const res = await fetch(`${sys.api.url}${path}`, { headers: { authorization: `Bearer ${key}` } });
  // res.text() would silently drop a byte order mark; the export's BOM is part of what we test.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  return { status: res.status, contentType: res.headers.get('content-type'), text };
}

/** RFC 4180 parser, enough to read our own export back. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += ch;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}
