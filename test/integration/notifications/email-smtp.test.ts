import { createEmailSender, IDEMPOTENCY_HEADER, NotificationError, renderNotification, type EmailSender } from '../../../notifications';
import { freePort } from '../../../infra/free-port';
import { parseMail, startSmtpTestServer, type SmtpTestServer } from './smtp-test-server';

const vars = {
  customerName: 'Rahim Uddin',
  amountMinor: 125_000,
  currency: 'BDT',
  dueDate: '2025-07-10',
  paymentReference: 'STL-000123',
  invoiceNumber: 'INV-42',
  ispName: 'DhakaNet',
};

describe('email over a real SMTP server', () => {
  let smtp: SmtpTestServer;
  let sender: EmailSender;
  beforeAll(async () => {
    smtp = await startSmtpTestServer({ user: 'settle', pass: 's3cret' });
    sender = createEmailSender({ smtpUrl: smtp.url, from: 'DhakaNet Billing <billing@dhakanet.example>' });
  });
  afterAll(async () => {
    sender?.close();
    await smtp?.stop();
  });

  it('delivers the reminder with subject, amount, reference and the idempotency header', async () => {
    const message = renderNotification('reminder_before_due', 'en', vars);
    const result = await sender.send({ to: 'rahim@example.com', subject: message.subject, text: message.text, idempotencyKey: '7:42:reminder:email' });

    expect(result).toEqual({ messageId: expect.stringMatching(/^<[0-9a-f]{32}\.settle@dhakanet\.example>$/), transport: 'smtp', delivered: true });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    expect(mail).toMatchObject({ from: 'billing@dhakanet.example', to: ['rahim@example.com'] });
    const { headers, body } = parseMail(mail.raw);
    expect(headers.subject).toBe('DhakaNet: 1250.00 BDT due on 2025-07-10');
    expect(headers[IDEMPOTENCY_HEADER.toLowerCase()]).toBe('7:42:reminder:email');
    expect(headers['message-id']).toBe(result.messageId);
    expect(body).toContain('Dear Rahim Uddin,');
    expect(body).toContain('1250.00 BDT is due on 2025-07-10');
    expect(body).toContain('enter STL-000123 as the reference');
  });

  it('delivers Bengali text intact and repeats the Message-ID for the same idempotency key', async () => {
    const message = renderNotification('overdue_reminder', 'bn', vars);
    const msg = { to: 'karim@example.com', subject: message.subject, text: message.text, idempotencyKey: '8:43:overdue:email' };
    const first = await sender.send(msg);
    const second = await sender.send(msg);
    expect(second.messageId).toBe(first.messageId);

    const [a, b] = smtp.received.slice(-2).map((m) => parseMail(m.raw));
    expect(a.headers.subject).toBe(message.subject);
    expect(a.body.trimEnd()).toBe(message.text.trimEnd());
    expect(a.body).toContain('প্রিয় Rahim Uddin,');
    expect(b.headers['message-id']).toBe(a.headers['message-id']);
    expect(b.headers[IDEMPOTENCY_HEADER.toLowerCase()]).toBe('8:43:overdue:email');
  });

  it('turns a permanent 5xx rejection into a non-retryable NotificationError', async () => {
    const error = await sender.send({ to: 'reject550@example.com', subject: 's', text: 't', idempotencyKey: 'k550' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotificationError);
    expect(error).toMatchObject({ retryable: false, status: 550 });
  });

  it('keeps a temporary 4xx rejection retryable', async () => {
    const error = await sender.send({ to: 'defer451@example.com', subject: 's', text: 't', idempotencyKey: 'k451' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NotificationError', retryable: true, status: 451 });
  });

  it('does not retry wrong SMTP credentials', async () => {
    const wrong = createEmailSender({ smtpUrl: `smtp://settle:wrong@127.0.0.1:${smtp.port}`, from: 'billing@dhakanet.example' });
    const error = await wrong.send({ to: 'rahim@example.com', subject: 's', text: 't', idempotencyKey: 'kauth' }).catch((e: unknown) => e);
    wrong.close();
    expect(error).toMatchObject({ name: 'NotificationError', retryable: false, status: 535 });
  });

  it('reports an unreachable mail server as retryable', async () => {
    const down = createEmailSender({ smtpUrl: `smtp://127.0.0.1:${await freePort()}`, from: 'billing@dhakanet.example' });
    const error = await down.send({ to: 'rahim@example.com', subject: 's', text: 't', idempotencyKey: 'kdown' }).catch((e: unknown) => e);
    down.close();
    expect(error).toBeInstanceOf(NotificationError);
    expect(error).toMatchObject({ retryable: true });
  });
});
