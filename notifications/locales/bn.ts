import type { Locale, MessageFields as F } from './locale';

// Amounts, dates and references stay in Latin digits: customers type the reference
// into bKash / Nagad / their bank app, which expect ASCII.
const invoice = (f: F) => (f.invoice ? ` (ইনভয়েস নং ${f.invoice})` : '');
const billOf = (f: F) => `${f.isp} ইন্টারনেট বিলের${invoice(f)}`;
const smsPay = (f: F) =>
  `${f.wallets ? 'বিকাশ/নগদ/ব্যাংকে' : 'ব্যাংক ট্রান্সফারে'} রেফারেন্স ${f.ref} দিয়ে পরিশোধ করুন।`;

export const bn: Locale = {
  greeting: (f) => `প্রিয় ${f.name},`,
  howToPay: (f) =>
    [
      `কীভাবে পরিশোধ করবেন (পরিমাণ ${f.amount}, রেফারেন্স ${f.ref}):`,
      ...(f.wallets ? [`- বিকাশ (bKash) বা নগদ (Nagad): "Payment" অপশনে রেফারেন্স হিসেবে ${f.ref} লিখুন।`] : []),
      `- ব্যাংক ট্রান্সফার: পেমেন্টের বিবরণে ${f.ref} লিখুন।`,
      ...(f.url ? [`- অনলাইনে: ${f.url}`] : []),
    ].join('\n'),
  closing: (f) => `আপনি যদি ইতিমধ্যে পরিশোধ করে থাকেন, তাহলে এই বার্তাটি উপেক্ষা করুন।\n\nধন্যবাদান্তে,\n${f.isp}`,
  templates: {
    reminder_before_due: (f) => ({
      subject: `${f.isp}: ${f.amount} পরিশোধের শেষ তারিখ ${f.due}`,
      lead: `মনে করিয়ে দিচ্ছি, আপনার ${billOf(f)} ${f.amount} পরিশোধের শেষ তারিখ ${f.due}।`,
      sms: `${f.isp}: আপনার বিল ${f.amount}, শেষ তারিখ ${f.due}। ${smsPay(f)}`,
    }),
    due_today: (f) => ({
      subject: `${f.isp}: আজ ${f.amount} পরিশোধের শেষ দিন (${f.due})`,
      lead:
        `আজ (${f.due}) আপনার ${billOf(f)} ${f.amount} পরিশোধের শেষ দিন। ` +
        'সংযোগ সচল রাখতে অনুগ্রহ করে আজই পরিশোধ করুন।',
      sms: `${f.isp}: আজ (${f.due}) ${f.amount} বিল পরিশোধের শেষ দিন। ${smsPay(f)}`,
    }),
    overdue_reminder: (f) => ({
      subject: `${f.isp}: ${f.amount} বিল বকেয়া`,
      lead:
        `আপনার ${billOf(f)} ${f.amount}, যার শেষ তারিখ ছিল ${f.due}, এখনও পরিশোধ করা হয়নি। ` +
        'ইন্টারনেটের গতি কমানো বা সংযোগ বন্ধ হওয়া এড়াতে অনুগ্রহ করে দ্রুত পরিশোধ করুন।',
      sms: `${f.isp}: ${f.due} তারিখের ${f.amount} বিল বকেয়া। ${smsPay(f)}`,
    }),
    throttle_warning: (f) => ({
      subject: `${f.isp}: আপনার ইন্টারনেটের গতি কমানো হচ্ছে`,
      lead:
        `${f.due} তারিখের মধ্যে পরিশোধযোগ্য ${f.amount}${invoice(f)} এখনও বকেয়া থাকায় আপনার ইন্টারনেটের গতি কমানো হচ্ছে। ` +
        'পেমেন্ট পাওয়ামাত্র পূর্ণ গতি স্বয়ংক্রিয়ভাবে ফিরে আসবে।',
      sms: `${f.isp}: ${f.due} তারিখের ${f.amount} বকেয়া, তাই গতি কমানো হচ্ছে। ${smsPay(f)}`,
    }),
    blocked_notice: (f) => ({
      subject: `${f.isp}: আপনার ইন্টারনেট সংযোগ সাময়িকভাবে বন্ধ`,
      lead:
        `${f.due} তারিখের মধ্যে পরিশোধযোগ্য ${f.amount}${invoice(f)} বকেয়া থাকায় আপনার ইন্টারনেট সংযোগ সাময়িকভাবে বন্ধ করা হয়েছে। ` +
        'পেমেন্ট পাওয়ামাত্র সংযোগ স্বয়ংক্রিয়ভাবে চালু হবে।',
      sms: `${f.isp}: ${f.amount} বকেয়া (শেষ তারিখ ${f.due}), সংযোগ বন্ধ। ${smsPay(f)}`,
    }),
    late_fee_notice: (f) => ({
      subject: `${f.isp}: বিলম্ব ফি যোগ করা হয়েছে`,
      lead:
        `${f.due} তারিখের মধ্যে বিল${invoice(f)} পরিশোধ না হওয়ায় আপনার অ্যাকাউন্টে${f.fee ? ` ${f.fee}` : ''} বিলম্ব ফি যোগ করা হয়েছে। ` +
        `এখন মোট পরিশোধযোগ্য: ${f.amount}।`,
      sms: `${f.isp}: বিলম্ব ফি যোগ হয়েছে, এখন বকেয়া ${f.amount} (শেষ তারিখ ছিল ${f.due})। ${smsPay(f)}`,
    }),
  },
};
