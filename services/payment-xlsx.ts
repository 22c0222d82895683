import type { PaymentLogFilter } from '../data/payment-log';
import type { Db } from '../infra/prisma';
import { decimalAmount, neutraliseFormula, PAYMENT_EXPORT_COLUMNS, type ExportColumn } from './payment-export-columns';
import { allPayments, type PaymentLogEntry } from './payment-log.service';
import { xlsxFile } from './xlsx-file';
import { excelSerial, type SheetCell } from './xlsx-sheet';

const WIDTH: Record<ExportColumn['kind'], number> = { text: 24, integer: 12, amount: 14, instant: 20 };

/** Excel has no time zones: instants are written as the wall-clock time in `timeZone`. */
function sheetCell(column: ExportColumn, p: PaymentLogEntry, timeZone: string): SheetCell {
  switch (column.kind) {
    case 'text': {
      const value = column.get(p);
      return value === null ? null : { kind: 'text', value: neutraliseFormula(value) };
    }
    case 'integer': {
      const value = column.get(p);
      return value === null ? null : { kind: 'number', value };
    }
    case 'amount':
      return { kind: 'amount', decimal: decimalAmount(column.get(p)) };
    case 'instant': {
      const value = column.get(p);
      return value === null ? null : { kind: 'dateTime', serial: excelSerial(value, timeZone) };
    }
  }
}

async function* sheetPages(db: Db, filter: PaymentLogFilter, timeZone: string): AsyncGenerator<SheetCell[][]> {
  for await (const page of allPayments(db, filter)) {
    yield page.map((p) => PAYMENT_EXPORT_COLUMNS.map((c) => sheetCell(c, p, timeZone)));
  }
}

/** The payment log as an .xlsx byte stream with the CSV export's columns, read page by page. */
export function paymentXlsx(db: Db, filter: PaymentLogFilter, timeZone: string): AsyncGenerator<Buffer> {
  const columns = PAYMENT_EXPORT_COLUMNS.map((c) => ({ header: c.name, width: WIDTH[c.kind] }));
  return xlsxFile('Payments', columns, sheetPages(db, filter, timeZone));
}
