// A node:http stand-in for Twilio's Messages API, answering the way api.twilio.com does.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  method: string;
  path: string;
  authorization: string;
  contentType: string;
  form: Record<string, string>;
}

export interface TwilioStub {
  baseUrl: string;
  requests: StubRequest[];
  stop(): Promise<void>;
}

const MESSAGES = /^(?:\/[^/]+)*\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\.json$/;

/** "To" numbers with a scripted answer; any other number is accepted with 201. */
export const INVALID_NUMBER = '+15005550001';
export const OUTAGE_NUMBER = '+15005550500';

export async function startTwilioStub(): Promise<TwilioStub> {
  const requests: StubRequest[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const form = Object.fromEntries(new URLSearchParams(raw));
      const path = req.url ?? '';
      requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization ?? '', contentType: req.headers['content-type'] ?? '', form });
      const match = MESSAGES.exec(path);
      if (req.method !== 'POST' || !match) return reply(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      if (form.To === INVALID_NUMBER) {
        return reply(res, 400, { code: 21211, message: "Invalid 'To' Phone Number", more_info: 'https://www.twilio.com/docs/errors/21211', status: 400 });
      }
      if (form.To === OUTAGE_NUMBER) return reply(res, 503, { code: 20500, message: 'Service Unavailable', status: 503 });
      reply(res, 201, messageResource(match[1], requests.length, form));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function messageResource(accountSid: string, n: number, form: Record<string, string>) {
  const sid = `SM${n.toString(16).padStart(32, '0')}`;
  const now = new Date().toUTCString();
  return {
    account_sid: accountSid,
    api_version: '2010-04-01',
    body: form.Body,
    date_created: now,
    date_sent: null,
    date_updated: now,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: form.From ?? null,
    messaging_service_sid: form.MessagingServiceSid ?? null,
    num_media: '0',
    num_segments: '1',
    price: null,
    price_unit: 'USD',
    sid,
    status: form.MessagingServiceSid ? 'accepted' : 'queued',
    subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
    to: form.To,
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
