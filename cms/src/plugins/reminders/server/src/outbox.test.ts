import { DEFAULT_CONFIG, validateConfig } from './config';
import { deliveryRows, nepalMobile } from './outbox';
import type { DueNotice } from './types';

const notice = (
  overrides: Partial<DueNotice['recipient']> = {},
  smsText = 'Oil change due',
): DueNotice => ({
  key: 'rem:1:2026-12-01',
  ownerId: 7,
  dueAt: '2026-12-01T00:00:00.000Z',
  recipient: {
    email: 'owner@example.com',
    phone: '+977 9841234567',
    locale: 'en',
    channels: { email: true, sms: true },
    ...overrides,
  },
  message: { email: { subject: 'Due', text: 'Due', html: '<p>Due</p>' }, sms: { text: smsText } },
});

const noon = new Date('2026-12-01T06:15:00Z');

describe('deliveryRows', () => {
  it('writes one row per channel the owner chose and has an address for', () => {
    expect(
      deliveryRows([notice()], 's', DEFAULT_CONFIG, noon).map((row) => row.delivery_key),
    ).toEqual(['rem:1:2026-12-01:email', 'rem:1:2026-12-01:sms']);
    const emailOnly = notice({ channels: { email: true, sms: false } });
    expect(deliveryRows([emailOnly], 's', DEFAULT_CONFIG, noon)).toHaveLength(1);
    const noPhone = notice({ phone: null });
    expect(deliveryRows([noPhone], 's', DEFAULT_CONFIG, noon).map((row) => row.channel)).toEqual([
      'email',
    ]);
  });

  it('normalises the phone to 98XXXXXXXX and records the segment count', () => {
    const [, sms] = deliveryRows([notice()], 's', DEFAULT_CONFIG, noon);
    expect(sms).toMatchObject({ recipient: '9841234567', segments: 1, status: 'pending' });
  });

  it('refuses (failed, with the reason) an SMS over two segments', () => {
    const [, sms] = deliveryRows([notice({}, 'क'.repeat(135))], 's', DEFAULT_CONFIG, noon);
    expect(sms).toMatchObject({ status: 'failed', segments: 3 });
    expect(sms.last_error).toMatch(/3 segments/);
  });

  it('holds an SMS written in the quiet hours; email goes at once', () => {
    const evening = new Date('2026-12-01T16:00:00Z'); // 21:45 NPT
    const [email, sms] = deliveryRows([notice()], 's', DEFAULT_CONFIG, evening);
    expect(email.next_attempt_at).toEqual(evening);
    expect(sms.next_attempt_at).toEqual(new Date('2026-12-02T01:15:00Z'));
  });
});

describe('nepalMobile', () => {
  it.each([
    ['9841234567', '9841234567'],
    ['+977-984-1234567', '9841234567'],
    ['977 9741234567', '9741234567'],
    ['01-4412345', null],
    ['98412345', null],
  ])('%s → %s', (input, expected) => expect(nepalMobile(input)).toBe(expected));
});

describe('validateConfig', () => {
  it('accepts the defaults', () => expect(() => validateConfig(DEFAULT_CONFIG)).not.toThrow());
  it.each([
    [{ tickCron: 'every minute' }, /tickCron/],
    [{ timezone: 'UTC' }, /timezone must be Asia\/Kathmandu/],
    [{ maxAttempts: 0 }, /maxAttempts/],
    [{ leaseMs: 10 }, /leaseMs/],
    [{ quietHours: { start: '9pm', end: '07:00' } }, /quietHours/],
    [{ sms: { ...DEFAULT_CONFIG.sms, provider: 'http', baseUrl: null } }, /sms.baseUrl/],
  ])('refuses %j', (change, message) =>
    expect(() => validateConfig({ ...DEFAULT_CONFIG, ...change })).toThrow(message),
  );
});
