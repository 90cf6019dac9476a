// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js');
import { escapeText, foldLine, writeCalendar } from './ics';

describe('the ICS writer', () => {
  it('escapes backslash, semicolon, comma and newlines in text', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets with CRLF and a space, never inside a UTF-8 character', () => {
    const line = `SUMMARY:${'सर्भिसिङ '.repeat(20)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(parts.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
  });

  it('leaves a short line alone', () => {
    expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
  });

  it('writes a calendar a real parser reads back, with its events and their text intact', () => {
    const summary = 'Rato Pulsar: इन्जिन आयल फेर्ने, chain; check\\adjust';
    const ics = writeCalendar('MotorGhar', [
      {
        uid: 'abc123@motorghar',
        start: new Date('2026-12-05T04:45:00Z'),
        summary,
        location: 'Sharma Auto Works, Kalimati',
        description: 'line one\nline two',
        updatedAt: new Date('2026-12-01T00:00:00Z'),
      },
    ]);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const [event] = calendar.getAllSubcomponents('vevent').map((v: unknown) => new ICAL.Event(v));
    expect(event.uid).toBe('abc123@motorghar');
    expect(event.summary).toBe(summary);
    expect(event.location).toBe('Sharma Auto Works, Kalimati');
    expect(event.description).toBe('line one\nline two');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-05T04:45:00.000Z');
    expect(event.startDate.zone.tzid).toBe('UTC');
  });
});
