import { parseInformation } from '../../../../domain/statements/mt940-information';

describe('parseInformation', () => {
  it('reads ?-subfields across physical lines: purpose, name, account with Czech bank code', () => {
    expect(parseInformation(['166?00PLATBA?20Internet unor VS:1001?3008', '00?312000145399?32Jiri Dvorak'])).toEqual({
      variableSymbol: '1001',
      message: 'Internet unor VS:1001',
      counterName: 'Jiri Dvorak',
      counterAccount: '2000145399/0800',
    });
  });

  it('joins a subfield cut at 27 characters without a space and others with one', () => {
    const info = parseInformation(['166?20INTERNET BILL - BUSINESS PA?21CKAGE?22VS 20105?32TANVIR AHMED CHOWDHURY TRAD?33ERS']);
    expect(info).toMatchObject({ message: 'INTERNET BILL - BUSINESS PACKAGE VS 20105', variableSymbol: '20105', counterName: 'TANVIR AHMED CHOWDHURY TRADERS' });
  });

  it('reads SEPA keywords: EREF for symbols, SVWZ as message; ?38 IBAN wins over ?31', () => {
    expect(parseInformation(['166?20EREF+/VS/1001/SS/7?21SVWZ+Rechnung 2026-000101?31123?38DE89370400440532013000'])).toEqual({
      variableSymbol: '1001',
      specificSymbol: '7',
      message: 'Rechnung 2026-000101',
      counterAccount: 'DE89370400440532013000',
    });
  });

  it('accepts another subfield separator and keeps question marks in text', () => {
    expect(parseInformation(['020>00TRANSFER>20Why? VS 42>32Nusrat Jahan'])).toMatchObject({ message: 'Why? VS 42', variableSymbol: '42', counterName: 'Nusrat Jahan' });
  });

  it('falls back to the posting text and reads free text line by line', () => {
    expect(parseInformation(['805?00KONTOFUEHRUNG'])).toEqual({ message: 'KONTOFUEHRUNG' });
    expect(parseInformation(['NPSB TRANSFER FROM FARHANA AKTER ', 'REF /VS/20102/'])).toEqual({ message: 'NPSB TRANSFER FROM FARHANA AKTER REF /VS/20102/', variableSymbol: '20102' });
  });
});

describe('parseInformation dialects', () => {
  it('reads the slash-keyed layout: /REMI/ message, /IBAN/ account, /NAME/ holder', () => {
    expect(parseInformation(['/EREF/NOTPROVIDED/REMI/USTD//Internet VS 1001 FA 2026-0001/', '/IBAN/CZ65 0800 0000 1920 0014 5399/NAME/Jiri Dvorak/'])).toEqual({
      variableSymbol: '1001',
      message: 'Internet VS 1001 FA 2026-0001',
      counterName: 'Jiri Dvorak',
      counterAccount: 'CZ6508000000192000145399',
    });
  });

  it('keeps free text with slashes that are no keys', () => {
    expect(parseInformation(['/VS/20103/ PARTIAL PAYMENT'])).toEqual({ variableSymbol: '20103', message: '/VS/20103/ PARTIAL PAYMENT' });
  });

  it('reads a PROTIUCET marker in free text or purpose as the counter-account', () => {
    expect(parseInformation(['PLATBA INTERNET VS:1002 PROTIUCET 217543110/0300']).counterAccount).toBe('217543110/0300');
    expect(parseInformation(['Protiúčet: 19-2000145399/0800']).counterAccount).toBe('19-2000145399/0800');
    expect(parseInformation(['166?00SEPA?20Platba FA1?21PROTIUCET 19-2000145399/0800?32Jan']).counterAccount).toBe('19-2000145399/0800');
    expect(parseInformation(['PROTIUCETNI ZAPIS 123']).counterAccount).toBeUndefined();
  });
});
