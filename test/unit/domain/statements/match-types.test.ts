import { EXCEPTION_REASONS, MatchInputError, MatchInvariantError } from '../../../../domain/statements/match-types';

describe('match types', () => {
  it('lists every exception reason once', () => {
    expect(EXCEPTION_REASONS).toEqual(['unknown_reference', 'ambiguous', 'duplicate', 'outgoing', 'zero_amount']);
  });

  it('names its errors', () => {
    expect(new MatchInputError('x').name).toBe('MatchInputError');
    expect(new MatchInvariantError('x').name).toBe('MatchInvariantError');
  });
});
