import { smsSize } from './segments';

describe('smsSize', () => {
  it('counts GSM-7 texts in 160 then 153 septets', () => {
    expect(smsSize('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSize('a'.repeat(161)).segments).toBe(2);
    expect(smsSize('a'.repeat(306)).segments).toBe(2);
    expect(smsSize('a'.repeat(307)).segments).toBe(3);
  });

  it('counts extension characters (€, [, ]) as two septets', () => {
    expect(smsSize('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSize('€'.repeat(81)).segments).toBe(2);
  });

  it('makes a text with any Devanagari UCS-2: 70 then 67 units', () => {
    const nepali = 'तपाईंको बाइकको तेल फेर्ने बेला भयो';
    expect(smsSize(nepali).encoding).toBe('UCS-2');
    expect(smsSize('क'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsSize('क'.repeat(71)).segments).toBe(2);
    expect(smsSize('क'.repeat(134)).segments).toBe(2);
    expect(smsSize('क'.repeat(135)).segments).toBe(3);
    expect(smsSize(`Oil change ${'क'}`.padEnd(71, 'x')).segments).toBe(2);
  });

  it('makes a whole mixed text UCS-2 as soon as one Devanagari letter appears', () => {
    expect(smsSize(`${'a'.repeat(69)}क`)).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsSize(`${'a'.repeat(70)}क`).segments).toBe(2);
  });

  it('counts an extension character at the edge: 159 letters and { take two segments', () => {
    expect(smsSize(`${'a'.repeat(159)}{`).segments).toBe(2);
  });

  it('counts UTF-16 units, so a character outside the BMP takes two', () => {
    expect(smsSize('🚗').units).toBe(2);
  });

  it('takes no segment for an empty text', () => {
    expect(smsSize('')).toEqual({ encoding: 'GSM-7', units: 0, segments: 0 });
  });
});
