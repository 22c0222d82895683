import type { PaymentLogFilter } from '../data/payment-log';
import type { Db } from '../infra/prisma';
import { decimalAmount, neutraliseFormula, PAYMENT_EXPORT_COLUMNS, type ExportValue } from './payment-export-columns';
import { allPayments } from './payment-log.service';
import { xlsxFile } from './xlsx-file';
import { excelSerial, type SheetCell } from './xlsx-sheet';

const WIDTH: Record<ExportValue['kind'], number> = { text: 24, integer: 12, amount: 14, instant: 20 };

/** Excel has no time zones: instants are written as the wall-clock time in `timeZone`. */
function sheetCell(v: ExportValue, timeZone: string): SheetCell {
  switch (v.kind) {
    case 'text':
      return v.value === null ? null : { kind: 'text', value: neutraliseFormula(v.value) };
    case 'integer':
      return v.value === null ? null : { kind: 'number', value: v.value };
    case 'amount':
      return { kind: 'amount', decimal: decimalAmount(v.minor) };
    case 'instant':
      return v.value === null ? null : { kind: 'dateTime', serial: excelSerial(v.value, timeZone) };
  }
}

async function* sheetPages(db: Db, filter: PaymentLogFilter, timeZone: string): AsyncGenerator<SheetCell[][]> {
  for await (const page of allPayments(db, filter)) {
    yield page.map((p) => PAYMENT_EXPORT_COLUMNS.map((c) => sheetCell(c.value(p), timeZone)));
  }
}

/** The payment log as an .xlsx byte stream with the CSV export's columns, read page by page. */
export function paymentXlsx(db: Db, filter: PaymentLogFilter, timeZone: string): AsyncGenerator<Buffer> {
  const columns = PAYMENT_EXPORT_COLUMNS.map((c) => ({ header: c.name, width: WIDTH[c.kind] }));
  return xlsxFile('Payments', columns, sheetPages(db, filter, timeZone));
}
