import type { Locale, MessageFields as F } from './locale';

const invoice = (f: F) => (f.invoice ? ` (faktura č. ${f.invoice})` : '');
const number = (f: F) => (f.invoice ? ` č. ${f.invoice}` : '');
// Czech SMS are customarily sent without diacritics: č, ř, ů … are outside GSM-7 and
// would shrink a segment from 160 to 70 characters.
const smsPay = (f: F) => `Zaplatte ${f.wallets ? 'pres bKash/Nagad nebo ' : ''}prevodem, zprava pro prijemce ${f.ref}.`;

export const cs: Locale = {
  // Czech addresses people in the vocative, which cannot be derived from a stored name.
  greeting: () => 'Dobrý den,',
  howToPay: (f) =>
    [
      `Jak zaplatit ${f.amount}:`,
      `- Bankovním převodem: do zprávy pro příjemce (nebo jako variabilní symbol) uveďte ${f.ref}.`,
      ...(f.wallets ? [`- bKash nebo Nagad: jako referenci uveďte ${f.ref}.`] : []),
      ...(f.url ? [`- Online: ${f.url}`] : []),
    ].join('\n'),
  closing: (f) => `Pokud jste již zaplatili, považujte prosím tuto zprávu za bezpředmětnou.\n\nDěkujeme,\n${f.isp}`,
  templates: {
    reminder_before_due: (f) => ({
      subject: `${f.isp}: platba ${f.amount} splatná ${f.due}`,
      lead: `Připomínáme, že faktura${number(f)} za internet ve výši ${f.amount} je splatná ${f.due}.`,
      sms: `${f.isp}: platba ${f.amount} je splatna ${f.due}. ${smsPay(f)}`,
    }),
    due_today: (f) => ({
      subject: `${f.isp}: dnes (${f.due}) je splatná platba ${f.amount}`,
      lead:
        `Dnes, ${f.due}, je splatná faktura${number(f)} za internet ve výši ${f.amount}. ` +
        'Zaplaťte ji prosím ještě dnes, aby vaše připojení nebylo přerušeno.',
      sms: `${f.isp}: dnes (${f.due}) je splatna platba ${f.amount}. ${smsPay(f)}`,
    }),
    overdue_reminder: (f) => ({
      subject: `${f.isp}: neuhrazená platba ${f.amount}`,
      lead:
        `Dosud jsme neobdrželi platbu ${f.amount}${invoice(f)}, která byla splatná ${f.due}. ` +
        'Uhraďte ji prosím co nejdříve, abyste předešli zpomalení nebo pozastavení připojení.',
      sms: `${f.isp}: platba ${f.amount} splatna ${f.due} je po splatnosti. ${smsPay(f)}`,
    }),
    throttle_warning: (f) => ({
      subject: `${f.isp}: rychlost vašeho připojení snižujeme`,
      lead:
        `Platba ${f.amount}${invoice(f)} splatná ${f.due} zůstává neuhrazená, proto snižujeme rychlost vašeho připojení. ` +
        'Plná rychlost se obnoví automaticky, jakmile platbu obdržíme.',
      sms: `${f.isp}: platba ${f.amount} splatna ${f.due} je neuhrazena, snizujeme rychlost. ${smsPay(f)}`,
    }),
    blocked_notice: (f) => ({
      subject: `${f.isp}: vaše připojení je pozastaveno`,
      lead:
        `Platba ${f.amount}${invoice(f)} splatná ${f.due} zůstává neuhrazená, proto jsme vaše připojení pozastavili. ` +
        'Připojení se obnoví automaticky, jakmile platbu obdržíme.',
      sms: `${f.isp}: pripojeni pozastaveno, platba ${f.amount} splatna ${f.due} je neuhrazena. ${smsPay(f)}`,
    }),
    late_fee_notice: (f) => ({
      subject: `${f.isp}: naúčtovali jsme poplatek z prodlení`,
      lead:
        `Platba splatná ${f.due}${invoice(f)} nebyla uhrazena včas, proto jsme naúčtovali poplatek z prodlení` +
        `${f.fee ? ` ${f.fee}` : ''}. Nyní k úhradě: ${f.amount}.`,
      sms: `${f.isp}: uctovan poplatek z prodleni, nyni k uhrade ${f.amount} (splatnost ${f.due}). ${smsPay(f)}`,
    }),
  },
};
