import { fitsSegments, smsSize } from './sms-segments';

describe('smsSize', () => {
  it('counts plain English as GSM-7: 160 in one segment, 153 a segment after that', () => {
    expect(smsSize('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSize('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(smsSize('a'.repeat(306)).segments).toBe(2);
    expect(smsSize('a'.repeat(307)).segments).toBe(3);
  });

  it('counts an extension character such as € or { as two septets', () => {
    expect(smsSize('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSize(`${'a'.repeat(159)}{`).segments).toBe(2);
  });

  it('makes the whole text UCS-2 as soon as one Devanagari letter appears: 70, then 67', () => {
    expect(smsSize(`${'a'.repeat(69)}क`)).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsSize(`${'a'.repeat(70)}क`).segments).toBe(2);
    expect(smsSize('क'.repeat(134)).segments).toBe(2);
    expect(smsSize('क'.repeat(135)).segments).toBe(3);
  });

  it('counts UTF-16 units, so a character outside the BMP takes two', () => {
    expect(smsSize('🚗').units).toBe(2);
  });

  it('takes no segment for an empty text', () => {
    expect(smsSize('').segments).toBe(0);
  });

  it('says whether a text fits a number of segments', () => {
    expect(fitsSegments('क'.repeat(134), 2)).toBe(true);
    expect(fitsSegments('क'.repeat(135), 2)).toBe(false);
  });
});
