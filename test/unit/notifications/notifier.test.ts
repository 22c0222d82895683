import { createNotifier, createSmsSender, NotificationError, type NotificationLogger } from '../../../notifications';
import { rebase } from '../../../notifications/twilio-base-url';

function spyLogger() {
  const entries: { details: Record<string, unknown>; message: string }[] = [];
  const logger: NotificationLogger = { info: (details, message) => entries.push({ details: details as Record<string, unknown>, message }) };
  return { logger, entries };
}

describe('createNotifier without SMTP or Twilio settings (the embedded default)', () => {
  const { logger, entries } = spyLogger();
  const notifier = createNotifier({ MAIL_FROM: 'DhakaNet Billing <billing@dhakanet.example>', SMTP_URL: '', TWILIO_ACCOUNT_SID: '' }, logger);
  afterAll(() => notifier.email.close());

  it('logs email instead of sending it, with a Message-ID derived from the idempotency key', async () => {
    expect(notifier.email.transport).toBe('log');
    const msg = { to: 'rahim@example.com', subject: 'Bill due', text: 'Pay 1250.00 BDT', idempotencyKey: '7:12:overdue:email' };
    const first = await notifier.email.send(msg);
    expect(first).toEqual({ messageId: expect.stringMatching(/^<[0-9a-f]{32}\.settle@dhakanet\.example>$/), transport: 'log', delivered: false });
    expect((await notifier.email.send(msg)).messageId).toBe(first.messageId);
    expect((await notifier.email.send({ ...msg, idempotencyKey: 'other' })).messageId).not.toBe(first.messageId);
    expect(entries[0]).toMatchObject({ details: { to: 'rahim@example.com', text: 'Pay 1250.00 BDT', idempotencyKey: '7:12:overdue:email' } });
  });

  it('logs SMS instead of sending it', async () => {
    expect(notifier.sms.transport).toBe('log');
    const sent = await notifier.sms.send({ to: '+8801711000000', body: 'Pay 1250.00 BDT', idempotencyKey: 'k1' });
    expect(sent).toEqual({ sid: expect.stringMatching(/^log-[0-9a-f]{32}$/), transport: 'log', delivered: false });
    expect(entries.at(-1)).toMatchObject({ details: { to: '+8801711000000', body: 'Pay 1250.00 BDT', idempotencyKey: 'k1' } });
  });
});

describe('createSmsSender', () => {
  it('refuses half a Twilio configuration instead of silently only logging', () => {
    expect(() => createSmsSender({ accountSid: `AC${'0'.repeat(32)}`, authToken: 'secret' })).toThrow(NotificationError);
    expect(() => createSmsSender({ accountSid: `AC${'0'.repeat(32)}`, from: '+15005550006' })).toThrow(/TWILIO_AUTH_TOKEN/);
  });

  it('uses Twilio when credentials are given', () => {
    expect(createSmsSender({ accountSid: `AC${'0'.repeat(32)}`, authToken: 'secret', from: '+15005550006' }).transport).toBe('twilio');
  });
});

describe('rebase', () => {
  const uri = 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?PageSize=1';
  it('swaps the origin of a Twilio URI', () => {
    expect(rebase(uri, new URL('http://127.0.0.1:4010'))).toBe('http://127.0.0.1:4010/2010-04-01/Accounts/AC1/Messages.json?PageSize=1');
  });
  it('keeps a path prefix of the base URL', () => {
    expect(rebase(uri, new URL('https://sms.example.com/twilio/'))).toBe('https://sms.example.com/twilio/2010-04-01/Accounts/AC1/Messages.json?PageSize=1');
  });
});

describe('NotificationError', () => {
  it('is not retryable unless told so', () => {
    expect(new NotificationError('bad number').retryable).toBe(false);
    expect(new NotificationError('outage', true, { status: 503 })).toMatchObject({ retryable: true, status: 503, name: 'NotificationError' });
  });
});
