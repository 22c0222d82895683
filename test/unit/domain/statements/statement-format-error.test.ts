import { atLocation, FieldFormatError, StatementFormatError } from '../../../../domain/statements/statement-format-error';

describe('StatementFormatError', () => {
  it('says where and why', () => {
    const error = new StatementFormatError('camt053', { element: 'Stmt[1]/Ntry[7]', lineNo: 14 }, 'bad');
    expect(error.message).toBe('camt053 Stmt[1]/Ntry[7] at line 14: bad');
    expect([error.lineNo, error.element, error.reason, error.format, error.name]).toEqual([14, 'Stmt[1]/Ntry[7]', 'bad', 'camt053', 'StatementFormatError']);
    expect(new StatementFormatError('gpc', {}, 'empty').message).toBe('gpc file: empty');
  });

  it('turns field errors into located statement errors and lets others through', () => {
    expect(() => atLocation('csv', { lineNo: 3 }, () => {
      throw new FieldFormatError('bad date');
    })).toThrow(new StatementFormatError('csv', { lineNo: 3 }, 'bad date'));
    expect(() => atLocation('csv', () => ({ lineNo: 4 }), () => {
      throw new RangeError('bug');
    })).toThrow(RangeError);
    expect(atLocation('csv', {}, () => 42)).toBe(42);
  });
});
