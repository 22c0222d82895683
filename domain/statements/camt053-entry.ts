// One camt.053 <Ntry> as read from the XML, and its conversion into statement lines.
// A batch entry (several <TxDtls>, e.g. a collection service crediting many payers at
// once) becomes one line per transaction, so each payer's money can be matched on its own.
import { Minor } from '../money';
import { compactAccount, isIbanLike } from './account-number';
import { currencyExponent } from './currency';
import { negate, parseDecimalMinor } from './decimal-amount';
import { mergeSymbols, normalizeSymbol, PaymentSymbols, symbolsInText } from './payment-symbols';
import { LineDraft } from './statement-builder';
import { FieldFormatError } from './statement-format-error';
import { dateFromIso } from './statement-dates';

export interface CamtAmount {
  value: string;
  currency: string;
}

export interface CamtParty {
  name?: string;
  account?: string;
  bankCode?: string;
}

export interface CamtTransaction {
  amount?: CamtAmount;
  creditDebit?: string;
  endToEndId?: string;
  bankReference?: string;
  unstructured: string[];
  creditorReferences: string[];
  additionalInfo?: string;
  debtor: CamtParty;
  creditor: CamtParty;
}

export interface CamtEntry {
  amount?: CamtAmount;
  creditDebit?: string;
  status?: string;
  bookingDate?: string;
  bankReference?: string;
  additionalInfo?: string;
  /** RvslInd: the entry reverses an earlier one (a returned payment). */
  reversal?: boolean;
  transactions: CamtTransaction[];
}

export const newEntry = (): CamtEntry => ({ transactions: [] });
export const newTransaction = (): CamtTransaction => ({ unstructured: [], creditorReferences: [], debtor: {}, creditor: {} });

/** Signed minor units of an amount element; CdtDbtInd decides the sign. */
export function signedAmount(amount: CamtAmount, creditDebit: string | undefined): Minor {
  if (creditDebit !== 'CRDT' && creditDebit !== 'DBIT') throw new FieldFormatError(`CdtDbtInd must be CRDT or DBIT, got '${creditDebit ?? ''}'`);
  const minor = parseDecimalMinor(amount.value, currencyExponent(amount.currency), { decimalSeparator: '.' });
  if (minor < 0) throw new FieldFormatError(`amount '${amount.value}' must be unsigned; CdtDbtInd carries the sign`);
  return creditDebit === 'DBIT' ? negate(minor) : minor;
}

/** Lines for one entry, numbered from `firstLineNo`. */
export function entryLines(entry: CamtEntry, firstLineNo: number): LineDraft[] {
  if (!entry.amount) throw new FieldFormatError('entry has no Amt');
  if (entry.status !== undefined && entry.status !== 'BOOK') {
    throw new FieldFormatError(`entry status is ${entry.status}; a camt.053 statement holds booked (BOOK) entries only`);
  }
  if (!entry.bookingDate) throw new FieldFormatError('entry has no BookgDt');
  const bookingDate = dateFromIso(entry.bookingDate);
  const total = signedAmount(entry.amount, entry.creditDebit);
  const txs = entry.transactions;
  if (txs.length <= 1) {
    const tx = txs[0] ?? newTransaction();
    return [line(firstLineNo, bookingDate, total, entry.amount.currency, tx, entry.bankReference ?? tx.bankReference, entry)];
  }
  let sum = 0;
  const lines = txs.map((tx, i) => {
    if (!tx.amount) throw new FieldFormatError(`batch entry transaction ${i + 1} has no amount of its own`);
    if (tx.amount.currency !== entry.amount?.currency) {
      throw new FieldFormatError(`multiple currencies: transaction ${i + 1} is ${tx.amount.currency}, entry is ${entry.amount?.currency}`);
    }
    const amount = signedAmount(tx.amount, tx.creditDebit ?? entry.creditDebit);
    sum += amount;
    const reference = tx.bankReference ?? (entry.bankReference ? `${entry.bankReference}/${i + 1}` : undefined);
    return line(firstLineNo + i, bookingDate, amount, tx.amount.currency, tx, reference, entry);
  });
  if (sum !== total) throw new FieldFormatError(`batch transactions add up to ${sum} minor units, the entry states ${total}`);
  return lines;
}

function line(lineNo: number, bookingDate: string, amountMinor: Minor, currency: string, tx: CamtTransaction, bankReference: string | undefined, entry: CamtEntry): LineDraft {
  const counter = amountMinor < 0 ? tx.creditor : tx.debtor;
  const message = tx.unstructured.join(' ').trim() || tx.additionalInfo || entry.additionalInfo;
  const symbols = mergeSymbols(
    symbolsInText(tx.endToEndId),
    ...tx.creditorReferences.map(creditorReferenceSymbols),
    symbolsInText(message),
  );
  return {
    lineNo, bookingDate, amountMinor, currency, ...symbols,
    counterAccount: partyAccount(counter), counterName: counter.name, message, bankReference, reversal: entry.reversal || undefined,
  };
}

// Czech banks put a bare variable symbol into the structured creditor reference.
function creditorReferenceSymbols(reference: string): PaymentSymbols {
  const found = symbolsInText(reference);
  if (found.variableSymbol || !/^\d{1,10}$/.test(reference)) return found;
  return { ...found, variableSymbol: normalizeSymbol(reference) };
}

function partyAccount(party: CamtParty): string | undefined {
  if (!party.account) return undefined;
  if (isIbanLike(party.account)) return compactAccount(party.account);
  return party.bankCode && /^\d{4}$/.test(party.bankCode) ? `${party.account}/${party.bankCode}` : party.account;
}
