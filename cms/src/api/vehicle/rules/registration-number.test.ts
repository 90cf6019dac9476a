import { parseRegistrationNumber } from './registration-number';

/** The key of a plate that must parse; fails the test with the parser's error otherwise. */
function keyOf(input: string): string {
  const result = parseRegistrationNumber(input);
  if ('error' in result) throw new Error(`${input}: ${result.error}`);
  return result.key;
}

describe('zonal registration numbers', () => {
  it('gives the Latin, dashed and Devanagari spellings of one plate the same key', () => {
    const keys = ['BA 2 PA 1234', 'ba-2-pa-1234', 'बा २ प १२३४'].map(keyOf);
    expect(new Set(keys)).toEqual(new Set(['BA-2-PA-1234']));
  });

  it.each([
    'Ba 2 Pa 1234',
    'BA2PA1234',
    'Ba. 2 Pa. 1234',
    '  BA  2  PA  1234  ',
    'BA 02 PA 1234',
    'BA 2 PA 01234',
    'बा२प१२३४',
    'बा २ पा १२३४',
    'ब २ प १२३४',
    'BA २ प 1234',
    'BA 2 PA 1234'.replace(/ /g, '\u00a0'),
    'बा\u200d २ प १२३४',
    'BA–2–PA–1234',
  ])('folds %j to BA-2-PA-1234', (input) => {
    expect(parseRegistrationNumber(input)).toEqual({
      key: 'BA-2-PA-1234',
      display: 'BA 2 PA 1234',
      format: 'zonal',
    });
  });

  it.each([
    ['ME 1 KHA 55', 'ME-1-KHA-55', 'ME 1 KHA 55'],
    ['JA 12 CHA 9999', 'JA-12-CHA-9999', 'JA 12 CHA 9999'],
    ['BA 85 PA 4321', 'BA-85-PA-4321', 'BA 85 PA 4321'],
    ['मे १ ख ५५', 'ME-1-KHA-55', 'ME 1 KHA 55'],
    ['को ३ च १', 'KO-3-CHA-1', 'KO 3 CHA 1'],
    ['लु 4 ज 77', 'LU-4-JA-77', 'LU 4 JA 77'],
    ['DH 3 PA 100', 'DHA-3-PA-100', 'DHA 3 PA 100'],
    ['ध ३ प १००', 'DHA-3-PA-100', 'DHA 3 PA 100'],
    ['भे 4 ख 200', 'BHE-4-KHA-200', 'BHE 4 KHA 200'],
    ['Na 101 Jha 5', 'NA-101-JHA-5', 'NA 101 JHA 5'],
    ['से १ ह १२', 'SE-1-HA-12', 'SE 1 HA 12'],
    ['Ga 1 Ta 3', 'GA-1-TA-3', 'GA 1 TA 3'],
  ])('reads %j as key %s, shown as %s', (input, key, display) => {
    expect(parseRegistrationNumber(input)).toEqual({ key, display, format: 'zonal' });
  });

  it('treats leading zeros in the number as insignificant', () => {
    expect(keyOf('BA 2 PA 0123')).toBe(keyOf('BA 2 PA 123'));
    expect(keyOf('BA 2 PA 0123')).toBe('BA-2-PA-123');
  });

  it('keeps apart zones whose Devanagari codes differ only in the vowel', () => {
    expect(keyOf('मे १ प १')).toBe('ME-1-PA-1');
    expect(keyOf('म १ प १')).toBe('MA-1-PA-1');
    expect(keyOf('मा १ प १')).toBe('MA-1-PA-1');
    expect(keyOf('से १ प १')).toBe('SE-1-PA-1');
    expect(keyOf('स १ प १')).toBe('SA-1-PA-1');
    expect(keyOf('को १ प १')).toBe('KO-1-PA-1');
    expect(keyOf('क १ प १')).toBe('KA-1-PA-1');
  });

  it('keeps different plates apart', () => {
    const keys = ['BA 2 PA 1234', 'BA 2 CHA 1234', 'BA 3 PA 1234', 'NA 2 PA 1234', 'BA 2 PA 1235'];
    expect(new Set(keys.map(keyOf)).size).toBe(keys.length);
  });
});

describe('provincial registration numbers', () => {
  it.each([
    'Bagmati 01-002 Pa 1234',
    'P-3 01-002 Pa 1234',
    'P 3 01-002 Pa 1234',
    'P3 01-002 Pa 1234',
    'Province 3 01-002 Pa 1234',
    'Province No. 3 01-002 PA 1234',
    'Bagmati Pradesh 01-002 Pa 1234',
    'bagmati 01 002 pa 1234',
    'BAGMATI 01002 PA 1234',
    'P301002PA1234',
    'बागमती ०१-००२ प १२३४',
    'बाग्मती ०१-००२ पा १२३४',
    'बागमती प्रदेश ०१-००२ प १२३४',
    'प्रदेश ३ ०१-००२ प १२३४',
    'प्रदेश नं. ३ ०१-००२ प १२३४',
  ])('folds %j to Bagmati 01-002 PA 1234', (input) => {
    expect(parseRegistrationNumber(input)).toEqual({
      key: 'P3-01-002-PA-1234',
      display: 'Bagmati 01-002 PA 1234',
      format: 'provincial',
    });
  });

  it.each([
    ['Koshi 02-001 Cha 0001', 'P-1 02-001 CHA 0001', 'कोशी ०२-००१ च ०००१'],
    ['Madhesh 01-001 Pa 0042', 'P2 01-001 Pa 0042', 'मधेश ०१-००१ प ००४२'],
    ['Gandaki 01-003 Kha 2020', 'Province 4 01-003 Kha 2020', 'गण्डकी ०१-००३ ख २०२०'],
    ['Lumbini 03-010 Pa 7777', 'P 5 03-010 Pa 7777', 'लुम्बिनी ०३-०१० प ७७७७'],
    ['Karnali 01-001 Cha 1000', 'Province 6 01-001 Cha 1000', 'कर्णाली ०१-००१ च १०००'],
    ['Sudurpashchim 01-001 Pa 0001', 'Sudur Pashchim 01-001 Pa 0001', 'सुदूरपश्चिम ०१-००१ प ०००१'],
  ])('gives %j, %j and %j one key', (byName, byNumber, inDevanagari) => {
    const keys = [byName, byNumber, inDevanagari].map(keyOf);
    expect(new Set(keys).size).toBe(1);
  });

  it('shows the province by name whichever way it was written', () => {
    expect(parseRegistrationNumber('P-7 01-001 Pa 0001')).toMatchObject({
      display: 'Sudurpashchim 01-001 PA 0001',
    });
  });

  it('never gives a zonal and a provincial plate the same key', () => {
    expect(keyOf('BA 2 PA 1234')).not.toBe(keyOf('Bagmati 01-002 Pa 1234'));
  });

  it('keeps plates of different provinces, offices and lots apart', () => {
    const keys = [
      'Bagmati 01-002 Pa 1234',
      'Gandaki 01-002 Pa 1234',
      'Bagmati 02-002 Pa 1234',
      'Bagmati 01-003 Pa 1234',
      'Bagmati 01-002 Cha 1234',
    ];
    expect(new Set(keys.map(keyOf)).size).toBe(keys.length);
  });
});

describe('rejected registration numbers', () => {
  it.each([
    ['hello', /must look like "BA 2 PA 1234"/],
    ['1234', /must look like/],
    ['BA PA', /must look like/],
    ['BA 2 PA 1234 X', /must look like/],
    ['', /is empty/],
    ['   ', /is empty/],
    ['B'.repeat(100), /too long/],
    ['BA 2 PA 1234 '.repeat(8), /too long/],
    ['XY 2 PA 1234', /unknown zone "XY"/],
    ['BA 2 ZZ 1234', /unknown vehicle class "ZZ"/],
    ['बा २ त १२३४', /unknown vehicle class "त"/],
    ['BA 2 PA 12345', /number must be 1 to 4 digits/],
    ['BA 1234 PA 1', /lot must be 1 to 3 digits/],
    ['BA 0 PA 1', /lot cannot be 0/],
    ['BA 2 PA 0000', /number cannot be 0/],
    ['BA@2PA1234', /contains "@"/],
    ['बा २ प १२३४।', /contains "।"/],
    ['Bagmati 1-2 Pa 1', /2-digit office and a 3-digit lot/],
    ['Bagmati 01-002 Pa 12345', /number must be exactly 4 digits/],
    ['Bagmati 01-002 Pa 123', /number must be exactly 4 digits/],
    ['Bagmati 00-002 Pa 1234', /office cannot be 00/],
    ['P-8 01-002 Pa 1234', /province number must be 1 to 7/],
    ['P 01-002 Pa 1234', /province number 1 to 7, then/],
    ['Foo 01-002 Pa 1234', /unknown province "FOO"/],
  ])('rejects %j', (input, message) => {
    const result = parseRegistrationNumber(input);
    expect(result).toEqual({ error: expect.stringMatching(message) });
  });
});
