import { KNOWN_TEMPLATES } from '../../../domain/dunning/policy-schema';
import { NotificationError, renderNotification, smsSegments, type NotificationVars } from '../../../notifications';

// Deliberately long but realistic values: the English SMS must still fit one segment.
const vars: NotificationVars = {
  customerName: 'Mohammad Rahim Uddin',
  amountMinor: 1_234_567,
  currency: 'BDT',
  dueDate: '2025-07-10',
  paymentReference: 'STL-2025-000123',
  invoiceNumber: 'INV-2025-0042',
  ispName: 'DhakaNet Broadband',
};
const AMOUNT = '12345.67 BDT';

describe.each(KNOWN_TEMPLATES)('%s', (template) => {
  it.each(['en', 'bn', 'cs'] as const)('in %s names amount, due date and reference in subject, email and SMS', (language) => {
    const r = renderNotification(template, language, vars);
    for (const part of [r.text, r.sms]) {
      expect(part).toContain(AMOUNT);
      expect(part).toContain('2025-07-10');
      expect(part).toContain('STL-2025-000123');
    }
    expect(r.subject).toContain('DhakaNet Broadband');
    expect(r.subject).not.toContain('\n');
    expect(r.text).toContain('INV-2025-0042');
  });

  it('in English tells how to pay by bKash, Nagad and bank transfer, quoting the reference', () => {
    const { text, sms } = renderNotification(template, 'en', vars);
    expect(text).toMatch(/^Dear Mohammad Rahim Uddin,\n/);
    expect(text).toContain('bKash or Nagad: choose "Payment" and enter STL-2025-000123');
    expect(text).toContain('Bank transfer: put STL-2025-000123');
    expect(sms).toContain('bKash/Nagad/bank with ref STL-2025-000123');
  });

  it('in Bengali is written in Bengali and names bKash / Nagad', () => {
    const { subject, text, sms } = renderNotification(template, 'bn', vars);
    expect(text).toMatch(/^প্রিয় Mohammad Rahim Uddin,\n/);
    expect(text).toContain('বিকাশ (bKash) বা নগদ (Nagad)');
    expect(text).toContain('ধন্যবাদান্তে');
    expect(subject).toMatch(/[\u0980-\u09FF]/);
    expect(sms).toContain('বিকাশ/নগদ/ব্যাংকে রেফারেন্স STL-2025-000123');
  });

  it('fits one GSM-7 segment as an English SMS', () => {
    expect(smsSegments(renderNotification(template, 'en', vars).sms)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('keeps the Czech SMS without diacritics, in GSM-7', () => {
    const { sms } = renderNotification(template, 'cs', { ...vars, currency: 'CZK' });
    expect(smsSegments(sms).encoding).toBe('GSM-7');
  });

  it('costs at most three UCS-2 segments as a Bengali SMS', () => {
    const info = smsSegments(renderNotification(template, 'bn', vars).sms);
    expect(info.encoding).toBe('UCS-2');
    expect(info.segments).toBeLessThanOrEqual(3);
  });
});

describe('renderNotification', () => {
  it('gives every template its own subject', () => {
    for (const language of ['en', 'bn', 'cs']) {
      const subjects = KNOWN_TEMPLATES.map((t) => renderNotification(t, language, vars).subject);
      expect(new Set(subjects).size).toBe(KNOWN_TEMPLATES.length);
    }
  });

  it('falls back to English for a language it has no copy for, and reads region tags', () => {
    expect(renderNotification('due_today', 'de', vars)).toEqual(renderNotification('due_today', 'en', vars));
    expect(renderNotification('due_today', 'bn-BD', vars)).toEqual(renderNotification('due_today', 'bn', vars));
    expect(renderNotification('due_today', 'CS', vars)).toEqual(renderNotification('due_today', 'cs', vars));
  });

  it('puts the pay link in the email, and in the SMS only when it costs no extra segment', () => {
    const short = renderNotification('overdue_reminder', 'en', { ...vars, payUrl: 'https://dn.bd/p/123' });
    expect(short.text).toContain('- Online: https://dn.bd/p/123');
    expect(short.sms).toMatch(/ https:\/\/dn\.bd\/p\/123$/);
    expect(smsSegments(short.sms).segments).toBe(1);

    const long = renderNotification('overdue_reminder', 'en', { ...vars, payUrl: `https://pay.dhakanet.example/${'x'.repeat(40)}` });
    expect(long.text).toContain('https://pay.dhakanet.example/');
    expect(long.sms).not.toContain('https://');
  });

  it('names the late fee when it is given', () => {
    expect(renderNotification('late_fee_notice', 'en', { ...vars, lateFeeMinor: 10_000 }).text).toContain('a late fee of 100.00 BDT');
    expect(renderNotification('late_fee_notice', 'bn', { ...vars, lateFeeMinor: 10_000 }).text).toContain('100.00 BDT বিলম্ব ফি');
    expect(renderNotification('late_fee_notice', 'en', vars).text).toContain('a late fee has been added');
  });

  it('offers only bank transfer for bills outside Bangladesh', () => {
    const { text, sms } = renderNotification('reminder_before_due', 'en', { ...vars, currency: 'CZK' });
    expect(text).toContain('12345.67 CZK');
    expect(text).not.toContain('bKash');
    expect(sms).toContain('Pay by bank transfer with ref STL-2025-000123');
    const cs = renderNotification('reminder_before_due', 'cs', { ...vars, currency: 'CZK' });
    expect(cs.text).toMatch(/^Dobrý den,\n/);
    expect(cs.text).toContain('variabilní symbol');
  });

  it('leaves the invoice number out when there is none', () => {
    const { text } = renderNotification('due_today', 'en', { ...vars, invoiceNumber: undefined });
    expect(text).not.toContain('invoice');
  });

  it('is deterministic', () => {
    expect(renderNotification('blocked_notice', 'bn', vars)).toEqual(renderNotification('blocked_notice', 'bn', vars));
  });

  it.each([
    ['a due date that is not YYYY-MM-DD', { dueDate: '10/07/2025' }, /dueDate/],
    ['an amount that is not whole minor units', { amountMinor: 12.5 }, /amountMinor/],
    ['a currency that is not ISO 4217', { currency: 'Tk' }, /currency/],
    ['an empty payment reference', { paymentReference: ' ' }, /paymentReference/],
  ])('rejects %s with a non-retryable NotificationError', (_what, override, message) => {
    const render = () => renderNotification('due_today', 'en', { ...vars, ...override });
    expect(render).toThrow(NotificationError);
    expect(render).toThrow(message);
    try {
      render();
    } catch (e) {
      expect((e as NotificationError).retryable).toBe(false);
    }
  });

  it('rejects an unknown template', () => {
    expect(() => renderNotification('welcome' as never, 'en', vars)).toThrow('unknown notification template "welcome"');
  });
});
