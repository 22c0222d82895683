// Fixed-width GPC/ABO records (128 characters; positions below are 1-based as in the
// banks' documentation). 074 = statement header, 075 = transaction.
import { CalendarDate } from '../billing/calendar-date';
import { domesticAccount } from './account-number';
import { dateFromDdMmYy } from './statement-dates';
import { FieldFormatError } from './statement-format-error';

export const GPC_RECORD_LENGTH = 128;

export interface GpcSignedHundredths {
  digits: string;
  negative: boolean;
}

export interface GpcHeaderRecord {
  account: string;
  accountName: string;
  openingDate?: CalendarDate;
  opening: GpcSignedHundredths;
  closing: GpcSignedHundredths;
  statementNumber?: string;
  date?: CalendarDate;
}

export interface GpcItemRecord {
  account: string;
  counterAccount?: string;
  documentNumber?: string;
  amountHundredths: string;
  accountingCode: '1' | '2' | '4' | '5';
  variableSymbol: string;
  constantSymbol: string;
  specificSymbol: string;
  valueDate?: CalendarDate;
  counterName?: string;
  currencyNumeric: string;
  bookingDate?: CalendarDate;
}

/** Characters at 1-based positions from..to inclusive. */
function field(record: string, from: number, to: number): string {
  return record.slice(from - 1, to);
}

function digits(record: string, from: number, to: number, what: string): string {
  const value = field(record, from, to);
  if (!/^\d+$/.test(value)) throw new FieldFormatError(`${what} (positions ${from}–${to}) must be digits, got '${value}'`);
  return value;
}

function optionalDate(record: string, from: number, what: string): CalendarDate | undefined {
  const value = digits(record, from, from + 5, what);
  return /^0+$/.test(value) ? undefined : dateFromDdMmYy(value);
}

function signed(record: string, from: number, to: number, what: string): GpcSignedHundredths {
  const sign = field(record, to + 1, to + 1);
  if (!['+', '-', '0', ' '].includes(sign)) throw new FieldFormatError(`${what} sign must be '+' or '-', got '${sign}'`);
  return { digits: digits(record, from, to, what), negative: sign === '-' };
}

function ownAccount(record: string): string {
  const raw = digits(record, 4, 19, 'account number');
  return domesticAccount(raw.slice(0, 6), raw.slice(6)) ?? '0';
}

export function readHeaderRecord(record: string): GpcHeaderRecord {
  const statementNumber = digits(record, 106, 108, 'statement number').replace(/^0+/, '');
  return {
    account: ownAccount(record),
    accountName: field(record, 20, 39).trim(),
    openingDate: optionalDate(record, 40, 'old balance date'),
    opening: signed(record, 46, 59, 'old balance'),
    closing: signed(record, 61, 74, 'new balance'),
    statementNumber: statementNumber || undefined,
    date: optionalDate(record, 109, 'statement date'),
  };
}

export function readItemRecord(record: string): GpcItemRecord {
  const code = field(record, 61, 61);
  if (code !== '1' && code !== '2' && code !== '4' && code !== '5') {
    throw new FieldFormatError(`accounting code (position 61) must be 1, 2, 4 or 5, got '${code}'`);
  }
  const counter = digits(record, 20, 35, 'counter-account');
  const constant = digits(record, 72, 81, 'bank code and constant symbol');
  const document = digits(record, 36, 48, 'document number').replace(/^0+/, '');
  return {
    account: ownAccount(record),
    counterAccount: domesticAccount(counter.slice(0, 6), counter.slice(6), constant.slice(2, 6)),
    documentNumber: document || undefined,
    amountHundredths: digits(record, 49, 60, 'amount'),
    accountingCode: code,
    variableSymbol: digits(record, 62, 71, 'variable symbol'),
    constantSymbol: constant.slice(6),
    specificSymbol: digits(record, 82, 91, 'specific symbol'),
    valueDate: optionalDate(record, 92, 'value date'),
    counterName: field(record, 98, 117).trim() || undefined,
    currencyNumeric: digits(record, 119, 122, 'currency code'),
    bookingDate: optionalDate(record, 123, 'booking date'),
  };
}
