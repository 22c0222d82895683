import * as statements from '../../../../domain/statements';

describe('statements public API', () => {
  it('exports the parsers, format detection and the matcher', () => {
    for (const name of ['parseCamt053', 'parseMt940', 'parseGpc', 'parseCsvStatement', 'detectFormat', 'matchStatementLines', 'accountMatchKey', 'statementAccountOf']) {
      expect(typeof (statements as Record<string, unknown>)[name]).toBe('function');
    }
    expect(statements.StatementFormatError).toBeDefined();
    expect(statements.EXCEPTION_REASONS).toContain('duplicate');
  });
});
