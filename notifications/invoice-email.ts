import { formatMinor } from '../domain/money';

export interface InvoiceEmailInput {
  ispName: string;
  customerName: string;
  language: string;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  totalMinor: number;
  paymentReference: string;
  lines: Array<{ description: string; netMinor: number; taxRateBp: number; taxMinor: number; totalMinor: number }>;
}

const WORDS = {
  en: { subject: 'Invoice', dear: 'Dear', intro: 'your invoice', total: 'Total', due: 'Due date', ref: 'Payment reference (variable symbol)', vat: 'VAT', pay: 'Please pay by the due date quoting the payment reference.' },
  bn: { subject: 'চালান', dear: 'প্রিয়', intro: 'আপনার চালান', total: 'মোট', due: 'পরিশোধের শেষ তারিখ', ref: 'পেমেন্ট রেফারেন্স', vat: 'ভ্যাট', pay: 'অনুগ্রহ করে শেষ তারিখের মধ্যে পেমেন্ট রেফারেন্স উল্লেখ করে পরিশোধ করুন।' },
  cs: { subject: 'Faktura', dear: 'Vážený zákazníku', intro: 'vaše faktura', total: 'Celkem', due: 'Splatnost', ref: 'Variabilní symbol', vat: 'DPH', pay: 'Prosíme o úhradu do data splatnosti s uvedením variabilního symbolu.' },
};

/** The invoice as a plain-text email: every line, the total, the due date and how to pay. */
export function renderInvoiceEmail(i: InvoiceEmailInput): { subject: string; text: string } {
  const w = WORDS[(i.language as keyof typeof WORDS) in WORDS ? (i.language as keyof typeof WORDS) : 'en'];
  const money = (m: number) => formatMinor(m, i.currency);
  const lines = i.lines.map((l) => `  ${l.description}\n      ${money(l.netMinor)} + ${w.vat} ${(l.taxRateBp / 100).toFixed(2)}% ${money(l.taxMinor)} = ${money(l.totalMinor)}`);
  return {
    subject: `${w.subject} ${i.number} — ${i.ispName}`,
    text: [
      `${w.dear} ${i.customerName},`,
      '',
      `${i.ispName}: ${w.intro} ${i.number} (${i.issueDate}).`,
      '',
      ...lines,
      '',
      `${w.total}: ${money(i.totalMinor)}`,
      `${w.due}: ${i.dueDate}`,
      `${w.ref}: ${i.paymentReference}`,
      '',
      w.pay,
    ].join('\n'),
  };
}
