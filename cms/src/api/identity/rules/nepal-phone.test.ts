import { normalizeNepalMobile } from './nepal-phone';

describe('Nepal mobile numbers', () => {
  it.each([
    ['9841234567', '+9779841234567'],
    ['+977 984-1234567', '+9779841234567'],
    ['977 9801234567', '+9779801234567'],
    ['00977-9761234567', '+9779761234567'],
    ['(+977) 980.123.4567', '+9779801234567'],
    ['९८४१२३४५६७', '+9779841234567'],
  ])('stores %s as %s', (input, stored) => {
    expect(normalizeNepalMobile(input)).toBe(stored);
  });

  it.each(['01-4412345', '984123456', '98412345678', '+91 9841234567', '9541234567', 'abc', ''])(
    'rejects %s',
    (input) => {
      expect(normalizeNepalMobile(input)).toBeNull();
    },
  );
});
