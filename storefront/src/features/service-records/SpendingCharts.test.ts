import { describe, expect, it } from 'vitest';
import { parseLocale, type Locale } from '~/i18n';
import { elements, renderComponent, textOf } from '~/lib/render-component.test-support';
import SpendingByKind from './SpendingByKind.astro';
import SpendingByMonth from './SpendingByMonth.astro';

const en = parseLocale('en') as Locale;
const ne = parseLocale('ne') as Locale;

describe('SpendingByMonth', () => {
  const months = [
    { month: '2024-07', amount: 123_456 },
    { month: '2024-03', amount: 4_500 },
  ];

  it('draws twelve bars named by a summary, in rupees with Devanagari digits and BS months in Nepali', async () => {
    const html = await renderComponent(SpendingByMonth, {
      locale: ne,
      months,
      today: '2024-07-30',
    });

    const svg = elements(html, 'svg')[0]!;
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="spending-by-month-summary"');
    expect(svg.match(/<rect\b/g)).toHaveLength(12);
    expect(textOf(elements(html, 'figcaption')[0]!)).toBe(
      'पछिल्ला १२ महिनामा जम्मा रु. १,२७,९५६ खर्च भयो; सबैभन्दा धेरै खर्च भएको महिना: २०२४ जुलाई (रु. १,२३,४५६)।',
    );
    expect(textOf(svg)).toContain('असार–साउन २०८१');
  });

  it('gives the figures as a table with a total, in English', async () => {
    const html = await renderComponent(SpendingByMonth, {
      locale: en,
      months,
      today: '2024-07-30',
    });

    const rows = elements(html, 'tr').map(textOf);
    expect(rows[0]).toBe('Month Amount');
    expect(rows).toContain('Jul 2024 Rs 1,23,456');
    expect(rows).toContain('Aug 2023 Rs 0');
    expect(rows.at(-1)).toBe('Total Rs 1,27,956');
  });

  it('says so when nothing was spent, without a chart', async () => {
    const html = await renderComponent(SpendingByMonth, {
      locale: en,
      months: [],
      today: '2024-07-30',
    });
    expect(html).not.toContain('<svg');
    expect(textOf(html)).toBe('Nothing spent in the last 12 months.');
  });
});

describe('SpendingByKind', () => {
  it('names each kind as the catalogue does, with its share', async () => {
    const html = await renderComponent(SpendingByKind, {
      locale: ne,
      kinds: [
        { kind: 'oil-change', amount: 3000 },
        { kind: 'tyres', amount: 9000 },
      ],
    });

    const rows = elements(html, 'tr').map(textOf);
    expect(rows).toEqual([
      'सर्भिसिङको प्रकार रकम हिस्सा',
      'टायर रु. ९,००० ७५%',
      'इन्जिन आयल फेर्ने रु. ३,००० २५%',
      'जम्मा रु. १२,०००',
    ]);
    expect(textOf(elements(html, 'figcaption')[0]!)).toBe(
      'जम्मा रु. १२,०००; सबैभन्दा धेरै खर्च: टायर, रु. ९,००० (७५%)।',
    );
  });
});
