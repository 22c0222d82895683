import { createNotifier, createSmsSender, NotificationError, renderNotification, smsSegments } from '../../../notifications';
import { freePort } from '../../../infra/free-port';
import { INVALID_NUMBER, OUTAGE_NUMBER, startTwilioStub, type TwilioStub } from './twilio-stub';

const ACCOUNT_SID = `AC${'1a2b3c4d'.repeat(4)}`;
const AUTH_TOKEN = 'test-auth-token';
const FROM = '+15005550006';
const basicAuth = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;

const vars = {
  customerName: 'Rahim Uddin',
  amountMinor: 125_000,
  currency: 'BDT',
  dueDate: '2025-07-10',
  paymentReference: 'STL-000123',
  ispName: 'DhakaNet',
};

describe('SMS through the real twilio client against a local Messages API', () => {
  let stub: TwilioStub;
  beforeAll(async () => {
    stub = await startTwilioStub();
  });
  afterAll(() => stub?.stop());

  const sender = () => createSmsSender({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM, apiBaseUrl: stub.baseUrl });

  it('posts To/From/Body form-encoded with basic auth and returns the SID', async () => {
    const body = renderNotification('overdue_reminder', 'en', vars).sms;
    const result = await sender().send({ to: '+8801711000000', body, idempotencyKey: '7:42:overdue:sms' });

    expect(result).toEqual({ sid: expect.stringMatching(/^SM[0-9a-f]{32}$/), transport: 'twilio', delivered: true, status: 'queued' });
    const request = stub.requests.at(-1)!;
    expect(request).toMatchObject({
      method: 'POST',
      path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`,
      authorization: basicAuth,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(request.form).toEqual({ To: '+8801711000000', From: FROM, Body: body });
    expect(request.form.Body).toContain('1250.00 BDT');
    expect(request.form.Body).toContain('STL-000123');
  });

  it('sends Bengali text unchanged', async () => {
    const body = renderNotification('blocked_notice', 'bn', vars).sms;
    expect(smsSegments(body).encoding).toBe('UCS-2');
    await sender().send({ to: '+8801711000001', body, idempotencyKey: 'bn' });
    expect(stub.requests.at(-1)!.form.Body).toBe(body);
  });

  it('sends through a Messaging Service when TWILIO_FROM is an MG… SID, via createNotifier', async () => {
    const service = `MG${'0'.repeat(32)}`;
    const notifier = createNotifier({
      MAIL_FROM: 'billing@dhakanet.example',
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_FROM: service,
      TWILIO_API_BASE: `${stub.baseUrl}/gateway/`,
    });
    const result = await notifier.sms.send({ to: '+8801711000002', body: 'hello', idempotencyKey: 'mg' });
    notifier.email.close();
    expect(result).toMatchObject({ transport: 'twilio', status: 'accepted' });
    expect(stub.requests.at(-1)).toMatchObject({
      path: `/gateway/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`,
      form: { To: '+8801711000002', MessagingServiceSid: service, Body: 'hello' },
    });
  });

  it("turns Twilio's 400 / 21211 into a non-retryable NotificationError", async () => {
    const error = await sender().send({ to: INVALID_NUMBER, body: 'x', idempotencyKey: 'bad' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotificationError);
    expect(error).toMatchObject({ retryable: false, code: 21211, status: 400, message: "Twilio 21211: Invalid 'To' Phone Number" });
  });

  it('keeps a 5xx answer retryable', async () => {
    const error = await sender().send({ to: OUTAGE_NUMBER, body: 'x', idempotencyKey: 'outage' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NotificationError', retryable: true, status: 503 });
  });

  it('keeps a refused connection retryable', async () => {
    const down = createSmsSender({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: FROM, apiBaseUrl: `http://127.0.0.1:${await freePort()}` });
    const error = await down.send({ to: '+8801711000000', body: 'x', idempotencyKey: 'down' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotificationError);
    expect(error).toMatchObject({ retryable: true });
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });
});
