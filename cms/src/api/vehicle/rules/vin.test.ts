import { validateVin, vinCheckDigit } from './vin';

describe('VIN validation', () => {
  // Published example VINs, each confirmed to carry a correct check digit.
  it.each([
    '1HGCM82633A004352', // Honda Accord; check digit 3
    '1M8GDM9AXKP042788', // Motor Coach Industries; remainder 10, check digit X
    'JH4KA7561PC008269', // Acura; check digit 1
    '11111111111111111', // all ones: the sum is 89, remainder 1
  ])('accepts %s', (vin) => {
    expect(validateVin(vin)).toEqual({ vin });
  });

  it('stores the trimmed, upper-case form without spaces or dashes', () => {
    expect(validateVin('  1hgcm8-2633-a004352 ')).toEqual({ vin: '1HGCM82633A004352' });
    expect(validateVin('1M8 GDM9 AXKP 042788')).toEqual({ vin: '1M8GDM9AXKP042788' });
  });

  it('computes the check digit, including X for remainder 10', () => {
    expect(vinCheckDigit('1HGCM82633A004352')).toBe('3');
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
  });

  it.each([
    '1HGCM82633A004353', // last character changed
    '1HGCM82643A004352', // check digit itself changed
    '2HGCM82633A004352', // first character changed
    '1M8GDM9A0KP042788', // X replaced by 0
  ])('rejects %s, a one-character change that breaks the check digit', (vin) => {
    expect(validateVin(vin)).toEqual({ error: 'VIN check digit does not match' });
  });

  it.each(['1HGCM82633A0O4352', '1HGCM82633A0I4352', '1HGCM82633A0Q4352'])(
    'rejects %s, which contains I, O or Q',
    (vin) => {
      expect(validateVin(vin)).toEqual({ error: 'VIN must not contain the letters I, O or Q' });
    },
  );

  it.each(['1HGCM82633A00435', '1HGCM82633A0043521', '', '   '])(
    'rejects %j, which is not 17 characters',
    (vin) => {
      expect(validateVin(vin)).toEqual({
        error: expect.stringMatching(/^VIN must be 17 characters/),
      });
    },
  );

  it('rejects punctuation other than spaces and dashes', () => {
    expect(validateVin('1HGCM82633A00435.')).toEqual({
      error: 'VIN must contain only letters and digits',
    });
  });

  it('accepts a European or Indian VIN with a filler in position 9, where no check digit is required', () => {
    expect(validateVin('WP0ZZZ99ZTS392124')).toEqual({ vin: 'WP0ZZZ99ZTS392124' });
    expect(validateVin('MA3ERLF1S00183735')).toEqual({ vin: 'MA3ERLF1S00183735' });
  });

  it('requires the check digit for Chinese VINs as for North American ones', () => {
    const chinese = 'LSGWB54E7FS123457';
    const expected = vinCheckDigit(chinese);
    const valid = `${chinese.slice(0, 8)}${expected}${chinese.slice(9)}`;
    const wrong = `${chinese.slice(0, 8)}${expected === '1' ? '2' : '1'}${chinese.slice(9)}`;
    expect(validateVin(valid)).toEqual({ vin: valid });
    expect(validateVin(wrong)).toEqual({ error: 'VIN check digit does not match' });
  });
});
