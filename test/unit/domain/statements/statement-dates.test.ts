import { dateFromDdMmYy, dateFromIso, dateFromPattern, dateFromYyMmDd } from '../../../../domain/statements/statement-dates';

describe('statement dates', () => {
  it('reads the two-digit-year forms of GPC and MT940 as 20YY', () => {
    expect(dateFromDdMmYy('290224')).toBe('2024-02-29');
    expect(dateFromYyMmDd('260131')).toBe('2026-01-31');
    expect(() => dateFromDdMmYy('290225')).toThrow("'290225' is not a valid date");
    expect(() => dateFromYyMmDd('26013')).toThrow('not a date in the expected form');
  });

  it('takes the date part of ISO date-times as written', () => {
    expect(dateFromIso('2026-02-04T23:41:00-05:00')).toBe('2026-02-04');
    expect(dateFromIso(' 2026-02-04 ')).toBe('2026-02-04');
    expect(() => dateFromIso('04.02.2026')).toThrow('not a date in the expected form');
  });

  it.each([
    ['03.02.2026', 'DD.MM.YYYY', '2026-02-03'],
    ['3.2.2026', 'DD.MM.YYYY', '2026-02-03'],
    ['3. 2. 2026', 'DD.MM.YYYY', '2026-02-03'],
    ['02/03/2026', 'MM/DD/YYYY', '2026-02-03'],
    ['2026-02-03', 'YYYY-MM-DD', '2026-02-03'],
  ] as const)('reads %s as %s', (text, pattern, date) => {
    expect(dateFromPattern(text, pattern)).toBe(date);
  });

  it.each([
    ['2026-02-03T10:00', 'YYYY-MM-DD'],
    ['31.02.2026', 'DD.MM.YYYY'],
    ['13/01/2026', 'MM/DD/YYYY'],
    ['03.02.26', 'DD.MM.YYYY'],
  ] as const)('rejects %s as %s', (text, pattern) => {
    expect(() => dateFromPattern(text, pattern)).toThrow(text);
  });
});

describe('dateFromIso with an offset', () => {
  it('reads a date written with a time-zone offset or Z, as camt.053 banks do', () => {
    expect(dateFromIso('2017-04-01+02:00')).toBe('2017-04-01');
    expect(dateFromIso('2017-04-01Z')).toBe('2017-04-01');
    expect(() => dateFromIso('2017-04-01+2')).toThrow('not a date');
  });
});
