import { CamtEntry, entryLines, newEntry, newTransaction, signedAmount } from '../../../../domain/statements/camt053-entry';

const czk = (value: string) => ({ value, currency: 'CZK' });

function entry(overrides: Partial<CamtEntry> = {}): CamtEntry {
  return { ...newEntry(), amount: czk('1098.00'), creditDebit: 'CRDT', status: 'BOOK', bookingDate: '2026-02-20', bankReference: 'E-1', ...overrides };
}

describe('signedAmount', () => {
  it('applies the credit/debit indicator', () => {
    expect(signedAmount(czk('12.30'), 'CRDT')).toBe(1230);
    expect(signedAmount(czk('12.30'), 'DBIT')).toBe(-1230);
    expect(Object.is(signedAmount(czk('0.00'), 'DBIT'), 0)).toBe(true);
    expect(() => signedAmount(czk('1'), undefined)).toThrow("CdtDbtInd must be CRDT or DBIT, got ''");
  });
});

describe('entryLines', () => {
  it('makes one line of a single entry, the counterparty being the debtor of a credit', () => {
    const tx = { ...newTransaction(), endToEndId: 'NOTPROVIDED', creditorReferences: ['0000001004'], debtor: { name: 'Petra Šťastná' }, creditor: { name: 'Settle ISP' } };
    expect(entryLines(entry({ amount: czk('500'), transactions: [tx] }), 5)).toEqual([
      { lineNo: 5, bookingDate: '2026-02-20', amountMinor: 50000, currency: 'CZK', variableSymbol: '1004', counterName: 'Petra Šťastná', bankReference: 'E-1' },
    ]);
  });

  it('takes the creditor as counterparty of a debit and a structured EndToEndId before text', () => {
    const tx = { ...newTransaction(), endToEndId: '/VS/1005/KS/0308', unstructured: ['VS 9999 refund'], creditor: { name: 'Věra Horáková', account: 'CZ71 5500 0000 0012 3456 7890' } };
    const [line] = entryLines(entry({ amount: czk('300'), creditDebit: 'DBIT', transactions: [tx] }), 1);
    expect(line).toMatchObject({ amountMinor: -30000, variableSymbol: '1005', constantSymbol: '0308', counterName: 'Věra Horáková', counterAccount: 'CZ7155000000001234567890', message: 'VS 9999 refund' });
  });

  it('splits a batch into one line per transaction with derived references', () => {
    const a = { ...newTransaction(), amount: czk('399.00'), endToEndId: 'VS1007' };
    const b = { ...newTransaction(), amount: czk('699.00'), endToEndId: 'VS1009', bankReference: 'OWN-REF' };
    expect(entryLines(entry({ transactions: [a, b], additionalInfo: 'SIPO' }), 14).map((l) => [l.lineNo, l.amountMinor, l.variableSymbol, l.bankReference, l.message])).toEqual([
      [14, 39900, '1007', 'E-1/1', 'SIPO'],
      [15, 69900, '1009', 'OWN-REF', 'SIPO'],
    ]);
  });

  it('rejects a batch in another currency or not adding up', () => {
    const eur = { ...newTransaction(), amount: { value: '1', currency: 'EUR' } };
    expect(() => entryLines(entry({ transactions: [eur, eur] }), 1)).toThrow('multiple currencies: transaction 1 is EUR, entry is CZK');
    const part = { ...newTransaction(), amount: czk('1.00') };
    expect(() => entryLines(entry({ transactions: [part, part] }), 1)).toThrow('batch transactions add up to 200 minor units, the entry states 109800');
  });

  it('rejects entries without amount, booking date or booked status', () => {
    expect(() => entryLines(entry({ amount: undefined }), 1)).toThrow('entry has no Amt');
    expect(() => entryLines(entry({ bookingDate: undefined }), 1)).toThrow('entry has no BookgDt');
    expect(() => entryLines(entry({ status: 'INFO' }), 1)).toThrow('entry status is INFO');
  });
});
