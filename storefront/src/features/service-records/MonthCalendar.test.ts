import { describe, expect, it } from 'vitest';
import { parseLocale, type Locale } from '~/i18n';
import { elements, renderComponent, textOf } from '~/lib/render-component.test-support';
import MonthCalendar from './MonthCalendar.astro';

const en = parseLocale('en') as Locale;
const ne = parseLocale('ne') as Locale;
const oilChange = { day: '2024-07-30', title: 'इन्जिन आयल फेर्ने', href: '/ne/service/r1' };

describe('MonthCalendar', () => {
  it('shows a BS month in Nepali: title, AD range, Devanagari days with the AD day beside', async () => {
    const html = await renderComponent(MonthCalendar, {
      locale: ne,
      month: { calendar: 'bs', year: 2081, month: 4 },
      entries: [oilChange],
      today: '2024-07-30',
    });

    expect(textOf(elements(html, 'h2')[0]!)).toBe('साउन २०८१');
    expect(textOf(elements(html, 'p', 'class="range"')[0]!)).toMatch(
      /^२०२४ जुलाई १६\s?–\s?अगस्ट १६$/,
    );
    const headers = elements(html, 'th', 'scope="col"').map(textOf);
    expect(headers).toEqual(['आइत', 'सोम', 'मंगल', 'बुध', 'बिही', 'शुक्र', 'शनि']);
    const days = elements(html, 'td').filter((cell) => !cell.includes('class="outside"'));
    expect(days).toHaveLength(32);
    expect(textOf(days[0]!)).toContain('१ जुलाई १६');
  });

  it('marks today and places the service on its day, linked', async () => {
    const html = await renderComponent(MonthCalendar, {
      locale: ne,
      month: { calendar: 'bs', year: 2081, month: 4 },
      entries: [oilChange],
      today: '2024-07-30',
    });

    const today = elements(html, 'td', 'aria-current="date"');
    expect(today).toHaveLength(1);
    expect(textOf(today[0]!)).toBe(
      'मंगलबार, २०८१ साउन १५ (२०२४ जुलाई ३०), आज: १ वटा सर्भिसिङ १५ ३० इन्जिन आयल फेर्ने',
    );
    expect(today[0]).toContain('<a href="/ne/service/r1">इन्जिन आयल फेर्ने</a>');
  });

  it('links the neighbouring months with plain ?month= links named for screen readers', async () => {
    const html = await renderComponent(MonthCalendar, {
      locale: ne,
      month: { calendar: 'bs', year: 2081, month: 4 },
      entries: [],
      today: '2024-07-30',
    });

    expect(html).toContain(
      'href="?month=2081-03" rel="prev" aria-label="अघिल्लो महिना: असार २०८१"',
    );
    expect(html).toContain('href="?month=2081-05" rel="next" aria-label="अर्को महिना: भदौ २०८१"');
    expect(textOf(html)).toContain('यो महिना कुनै सर्भिसिङ छैन।');
  });

  it('lists the days with services for phones', async () => {
    const html = await renderComponent(MonthCalendar, {
      locale: en,
      month: { calendar: 'ad', year: 2024, month: 7 },
      entries: [{ ...oilChange, title: 'Oil change', detail: 'Hulas Motors' }],
      today: '2024-08-02',
    });

    const list = elements(html, 'ol', 'class="calendar-list"');
    expect(textOf(list[0]!)).toBe('Tuesday, July 30, 2024 Oil change Hulas Motors');
    expect(textOf(elements(html, 'h2')[0]!)).toBe('July 2024');
    expect(html).not.toContain('aria-current');
  });
});
