// One camt.053 <Ntry> as read from the XML, and its conversion into statement lines.
// A batch entry (several <TxDtls>, e.g. a collection service crediting many payers at
// once) becomes one line per transaction, so each payer's money can be matched on its own.
import { Minor } from '../money';
import { accountMatchKey, isIbanLike } from './account-number';
import { currencyExponent } from './currency';
import { parseDecimalMinor } from './decimal-amount';
import { mergeSymbols, normalizeSymbol, PaymentSymbols, symbolsInText } from './payment-symbols';
import { LineDraft } from './statement-builder';
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
  transactions: CamtTransaction[];
}

export const newEntry = (): CamtEntry => ({ transactions: [] });
export const newTransaction = (): CamtTransaction => ({ unstructured: [], creditorReferences: [], debtor: {}, creditor: {} });

/** Signed minor units of an amount element; CdtDbtInd decides the sign. */
export function signedAmount(amount: CamtAmount, creditDebit: string | undefined): Minor {
  if (creditDebit !== 'CRDT' && creditDebit !== 'DBIT') throw new CamtEntryError(`CdtDbtInd must be CRDT or DBIT, got '${creditDebit ?? ''}'`);
  const minor = parseDecimalMinor(amount.value, currencyExponent(amount.currency), { decimalSeparator: '.' });
  if (minor < 0) throw new CamtEntryError(`amount '${amount.value}' must be unsigned; CdtDbtInd carries the sign`);
  return creditDebit === 'DBIT' ? -minor : minor;
}

export class CamtEntryError extends Error {}

/** Lines for one entry, numbered from `firstLineNo`. */
export function entryLines(entry: CamtEntry, firstLineNo: number): LineDraft[] {
  if (!entry.amount) throw new CamtEntryError('entry has no Amt');
  if (entry.status !== undefined && entry.status !== 'BOOK') {
    throw new CamtEntryError(`entry status is ${entry.status}; a camt.053 statement holds booked (BOOK) entries only`);
  }
  if (!entry.bookingDate) throw new CamtEntryError('entry has no BookgDt');
  const bookingDate = dateFromIso(entry.bookingDate);
  const total = signedAmount(entry.amount, entry.creditDebit);
  const txs = entry.transactions;
  if (txs.length <= 1) {
    const tx = txs[0] ?? newTransaction();
    return [line(firstLineNo, bookingDate, total, entry.amount.currency, tx, entry.bankReference ?? tx.bankReference, entry)];
  }
  let sum = 0;
  const lines = txs.map((tx, i) => {
    if (!tx.amount) throw new CamtEntryError(`batch entry transaction ${i + 1} has no amount of its own`);
    if (tx.amount.currency !== entry.amount?.currency) {
      throw new CamtEntryError(`multiple currencies: transaction ${i + 1} is ${tx.amount.currency}, entry is ${entry.amount?.currency}`);
    }
    const amount = signedAmount(tx.amount, tx.creditDebit ?? entry.creditDebit);
    sum += amount;
    const reference = tx.bankReference ?? (entry.bankReference ? `${entry.bankReference}/${i + 1}` : undefined);
    return line(firstLineNo + i, bookingDate, amount, tx.amount.currency, tx, reference, entry);
  });
  if (sum !== total) throw new CamtEntryError(`batch transactions add up to ${sum} minor units, the entry states ${total}`);
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
  return { lineNo, bookingDate, amountMinor, currency, ...symbols, counterAccount: partyAccount(counter), counterName: counter.name, message, bankReference };
}

// Czech banks put a bare variable symbol into the structured creditor reference.
function creditorReferenceSymbols(reference: string): PaymentSymbols {
  const found = symbolsInText(reference);
  if (found.variableSymbol || !/^\d{1,10}$/.test(reference)) return found;
  return { ...found, variableSymbol: normalizeSymbol(reference) };
}

function partyAccount(party: CamtParty): string | undefined {
  if (!party.account) return undefined;
  if (isIbanLike(party.account)) return accountMatchKey(party.account).includes('/') ? compactIban(party.account) : compactIban(party.account);
  return party.bankCode && /^\d{4}$/.test(party.bankCode) ? `${party.account}/${party.bankCode}` : party.account;
}

function compactIban(iban: string): string {
  return iban.replace(/\s/g, '').toUpperCase();
}
