import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BADGE_TONES, daysBetween } from './badge';

const tokens = readFileSync(new URL('../styles/tokens.css', import.meta.url), 'utf8');
const [light, dark] = tokens.split('@media (prefers-color-scheme: dark)') as [string, string];

function token(block: string, name: string): string {
  const value = new RegExp(`--${name}:\\s*(#[0-9a-f]{6});`, 'i').exec(block)?.[1];
  if (!value) throw new Error(`--${name} is not a #rrggbb colour in this scheme`);
  return value;
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

describe('badge colours', () => {
  it.each(BADGE_TONES)('%s text passes WCAG AA on its background, light and dark', (tone) => {
    for (const scheme of [light, dark]) {
      const ratio = contrast(
        token(scheme, `badge-${tone}-text`),
        token(scheme, `badge-${tone}-bg`),
      );
      expect(ratio).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });
});

describe('daysBetween', () => {
  it('counts calendar days either way, across months and a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-07-30', '2024-07-30')).toBe(0);
    expect(daysBetween('2024-07-30', '2024-07-27')).toBe(-3);
  });
});
