import { ConfigError, ispCountry, loadConfig } from '../../../infra/config';

describe('ISP_COUNTRY', () => {
  it('defaults to Bangladesh and accepts the Czech Republic', () => {
    expect(ispCountry({})).toBe('BD');
    expect(ispCountry({ ISP_COUNTRY: 'CZ' })).toBe('CZ');
    expect(loadConfig({}).ISP_COUNTRY).toBe('BD');
  });

  it('names the variable and the countries it knows for anything else', () => {
    expect(() => ispCountry({ ISP_COUNTRY: 'bd' })).toThrow(new ConfigError('ISP_COUNTRY: must be one of BD, CZ'));
  });
});
