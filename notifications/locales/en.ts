import type { Locale, MessageFields as F } from './locale';

const bill = (f: F) => `your ${f.isp} internet bill${f.invoice ? ` (invoice ${f.invoice})` : ''}`;
// Plain ASCII keeps the SMS in the GSM-7 alphabet: 160 characters per segment instead of 70.
const smsPay = (f: F) => `Pay by ${f.wallets ? 'bKash/Nagad/bank' : 'bank transfer'} with ref ${f.ref}.`;

export const en: Locale = {
  greeting: (f) => `Dear ${f.name},`,
  howToPay: (f) =>
    [
      `How to pay ${f.amount} (always quote the reference ${f.ref}):`,
      ...(f.wallets ? [`- bKash or Nagad: choose "Payment" and enter ${f.ref} as the reference.`] : []),
      `- Bank transfer: put ${f.ref} in the payment reference.`,
      ...(f.url ? [`- Online: ${f.url}`] : []),
    ].join('\n'),
  closing: (f) => `If you have already paid, please ignore this message.\n\nThank you,\n${f.isp}`,
  templates: {
    reminder_before_due: (f) => ({
      subject: `${f.isp}: ${f.amount} due on ${f.due}`,
      lead: `This is a friendly reminder that ${bill(f)} of ${f.amount} is due on ${f.due}.`,
      sms: `${f.isp}: your bill of ${f.amount} is due on ${f.due}. ${smsPay(f)}`,
    }),
    due_today: (f) => ({
      subject: `${f.isp}: ${f.amount} is due today (${f.due})`,
      lead: `${capitalize(bill(f))} of ${f.amount} is due today, ${f.due}. Please pay today to keep your connection running.`,
      sms: `${f.isp}: your bill of ${f.amount} is due today (${f.due}). ${smsPay(f)}`,
    }),
    overdue_reminder: (f) => ({
      subject: `${f.isp}: overdue payment of ${f.amount}`,
      lead:
        `We have not yet received the payment of ${f.amount} for ${bill(f)}, which was due on ${f.due}. ` +
        'Please pay as soon as possible to avoid a slower connection or suspension.',
      sms: `${f.isp}: your bill of ${f.amount} was due on ${f.due} and is overdue. ${smsPay(f)}`,
    }),
    throttle_warning: (f) => ({
      subject: `${f.isp}: your internet speed is being reduced`,
      lead:
        `Because ${f.amount} for ${bill(f)}, due on ${f.due}, is still unpaid, your internet speed is being reduced. ` +
        'Full speed returns automatically as soon as we receive your payment.',
      sms: `${f.isp}: ${f.amount} due ${f.due} is unpaid, so your speed is reduced. ${smsPay(f)}`,
    }),
    blocked_notice: (f) => ({
      subject: `${f.isp}: your internet service is suspended`,
      lead:
        `Because ${f.amount} for ${bill(f)}, due on ${f.due}, is still unpaid, your internet service has been suspended. ` +
        'It is restored automatically as soon as we receive your payment.',
      sms: `${f.isp}: service suspended, ${f.amount} due ${f.due} is unpaid. ${smsPay(f)}`,
    }),
    late_fee_notice: (f) => ({
      subject: `${f.isp}: a late fee has been added`,
      lead:
        `Because ${bill(f)} due on ${f.due} was not paid on time, a late fee${f.fee ? ` of ${f.fee}` : ''} ` +
        `has been added to your account. The amount now due is ${f.amount}.`,
      sms: `${f.isp}: late fee added, ${f.amount} now due (was due ${f.due}). ${smsPay(f)}`,
    }),
  },
};

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
