import { SERVICE_KINDS } from '../../catalog/service-kinds';
import { smsSize } from '@motorghar/reminders';
import { reminderMessage, type ReminderMessageInput } from './reminder-message';

const input = (overrides: Partial<ReminderMessageInput> = {}): ReminderMessageInput => ({
  locale: 'en',
  vehicle: {
    nickname: 'Rato Pulsar',
    makeModel: 'Bajaj Pulsar 150',
    registrationNumber: 'BA 2 PA 1234',
  },
  what: 'Engine oil change',
  dueDate: '2027-01-15',
  dueKm: null,
  portalUrl: 'https://motorghar.com.np',
  vehicleId: 'k3j2h1g9f8d7s6a5p4o3i2u1',
  ...overrides,
});

const LONG_VEHICLE = {
  nickname: 'Hajurbuwa ko purano tara ekdam majboot Mahindra Scorpio gadi',
  makeModel: 'Mahindra Scorpio N Z8L Diesel 4x4 Automatic',
  registrationNumber: 'Bagmati 01-002 Pa 1234',
};
const LONG_VEHICLE_NE = {
  nickname: 'हजुरबुबाको पुरानो तर एकदमै बलियो महिन्द्रा स्कर्पियो गाडी',
  makeModel: 'महिन्द्रा स्कर्पियो एन जेड८एल डिजेल',
  registrationNumber: 'बागमती ०१-००२ प १२३४',
};

describe('reminder messages', () => {
  it('says in English which vehicle, what is due, when, and links to the vehicle', () => {
    const message = reminderMessage(input({ dueKm: 15_000 }));
    expect(message.email.subject).toBe(
      'Reminder: Engine oil change for Rato Pulsar (BA 2 PA 1234)',
    );
    expect(message.email.text).toContain('Vehicle: Rato Pulsar (BA 2 PA 1234)');
    expect(message.email.text).toContain(
      'When: on 15 Jan 2027 or at 15,000 km, whichever comes first',
    );
    expect(message.email.text).toContain(
      'https://motorghar.com.np/en/garage/k3j2h1g9f8d7s6a5p4o3i2u1',
    );
    expect(message.email.html).toContain(
      '<a href="https://motorghar.com.np/en/garage/k3j2h1g9f8d7s6a5p4o3i2u1">',
    );
    expect(message.sms.text).toBe(
      'MotorGhar: Rato Pulsar (BA 2 PA 1234) Engine oil change due 15 Jan 2027 or 15,000 km, whichever first. https://motorghar.com.np/en/garage/k3j2h1g9f8d7s6a5p4o3i2u1',
    );
  });

  it('says it in Nepali with the Bikram Sambat date beside the AD date', () => {
    const message = reminderMessage(
      input({
        locale: 'ne',
        what: 'इन्जिन आयल फेर्ने',
        dueKm: 15_000,
        vehicle: { nickname: 'रातो पल्सर', makeModel: null, registrationNumber: 'बा २ प १२३४' },
      }),
    );
    expect(message.email.subject).toBe('सम्झना: रातो पल्सर (बा २ प १२३४) — इन्जिन आयल फेर्ने');
    expect(message.email.text).toContain(
      'कहिले: २०८३ माघ १ (15 Jan 2027) वा १५,००० कि.मि. पुगेपछि, जुन पहिले आउँछ',
    );
    expect(message.email.text).toContain('https://motorghar.com.np/ne/garage/');
    expect(message.sms.text).toMatch(
      /^मोटरघर: रातो पल्सर \(बा २ प १२३४\) इन्जिन आयल फेर्ने २०८३\/१०\/०१/,
    );
    expect(smsSize(message.sms.text).encoding).toBe('UCS-2');
  });

  it('names the make and model when the vehicle has no nickname, and no vehicle when there is none', () => {
    expect(
      reminderMessage(
        input({
          vehicle: {
            nickname: null,
            makeModel: 'Bajaj Pulsar 150',
            registrationNumber: 'BA 2 PA 1234',
          },
        }),
      ).email.text,
    ).toContain('Vehicle: Bajaj Pulsar 150 (BA 2 PA 1234)');
    const licence = reminderMessage(
      input({ vehicle: null, vehicleId: null, what: 'Driving licence renewal' }),
    );
    expect(licence.email.text).not.toContain('Vehicle:');
    expect(licence.email.text).toContain('https://motorghar.com.np/en/garage\n');
  });

  it('escapes what the owner wrote in the HTML email', () => {
    const message = reminderMessage(input({ what: '<script>alert(1)</script>' }));
    expect(message.email.html).not.toContain('<script>');
    expect(message.email.html).toContain('&#60;script&#62;');
  });

  describe.each(['en', 'ne'] as const)('every SMS in %s fits two segments', (locale) => {
    const vehicles = [input().vehicle, LONG_VEHICLE, LONG_VEHICLE_NE, null];
    const dues = [
      { dueDate: '2027-01-15', dueKm: null },
      { dueDate: null, dueKm: 1_234_567 },
      { dueDate: '2027-01-15', dueKm: 1_234_567 },
    ];
    const kinds = SERVICE_KINDS.map((kind) => (locale === 'ne' ? kind.ne : kind.en));
    const whats = [
      ...kinds,
      'A very long free-text title an owner typed about the rear shock absorbers',
    ];

    it.each(vehicles.map((vehicle, index) => [index, vehicle]))('vehicle %i', (_index, vehicle) => {
      for (const due of dues) {
        for (const what of whats) {
          const { sms } = reminderMessage(
            input({ locale, vehicle, what, ...due, portalUrl: 'https://portal.motorghar.com.np' }),
          );
          expect([what, sms.text, sms.segments]).toEqual([
            what,
            sms.text,
            smsSize(sms.text).segments,
          ]);
          expect([sms.text, sms.segments <= 2]).toEqual([sms.text, true]);
          // What stays readable: the vehicle's plate or name, and some of what is due.
          expect(sms.text.length).toBeGreaterThan(30);
        }
      }
    });
  });

  it('keeps the link and the plate when it shortens a long Nepali SMS', () => {
    const { sms } = reminderMessage(
      input({
        locale: 'ne',
        vehicle: LONG_VEHICLE_NE,
        what: 'इन्जिन आयल र फिल्टर फेर्ने',
        dueKm: 15_000,
      }),
    );
    expect(sms.segments).toBeLessThanOrEqual(2);
    expect(sms.text).toContain('बागमती ०१-००२ प १२३४');
    expect(sms.text).toContain('https://motorghar.com.np/ne/garage');
  });
});
