import { describe, expect, it } from 'vitest';
import { parseLocale, type Locale } from '~/i18n';
import { elements, renderComponent, textOf } from '~/lib/render-component.test-support';
import HistoryTimeline from './HistoryTimeline.astro';
import { historyTimeline, type TimelineEntry } from './history-timeline';

const en = parseLocale('en') as Locale;
const ne = parseLocale('ne') as Locale;

const entry = (
  day: string,
  title: string,
  overrides: Partial<TimelineEntry> = {},
): TimelineEntry => ({
  day,
  title,
  status: 'completed',
  ...overrides,
});

const history = [
  entry('2024-07-10', 'Wash'),
  entry('2024-07-20', 'Oil change', { amount: 2500 }),
  entry('2024-08-01', 'Brakes', { status: 'scheduled' }),
  entry('2024-07-20', 'Air filter'),
];

describe('historyTimeline', () => {
  it('groups by AD month in English, newest first, keeping the order of one day', () => {
    const months = historyTimeline(history, 'ad');
    expect(months.map(({ month }) => `${month.year}-${month.month}`)).toEqual(['2024-8', '2024-7']);
    expect(months[1]!.entries.map((item) => item.title)).toEqual([
      'Oil change',
      'Air filter',
      'Wash',
    ]);
  });

  it('groups by BS month in Nepali, where 10 July and 20 July 2024 fall in different months', () => {
    const months = historyTimeline(history, 'bs');
    expect(months.map(({ month }) => `${month.year}-${month.month}`)).toEqual(['2081-4', '2081-3']);
    expect(months[0]!.entries.map((item) => item.title)).toEqual([
      'Brakes',
      'Oil change',
      'Air filter',
    ]);
    expect(months[1]!.entries.map((item) => item.title)).toEqual(['Wash']);
  });

  it('gives nothing for no records', () => {
    expect(historyTimeline([], 'bs')).toEqual([]);
  });
});

describe('HistoryTimeline', () => {
  it('lists months and services with their status in words and the cost in rupees', async () => {
    const html = await renderComponent(HistoryTimeline, {
      locale: ne,
      entries: history.slice(0, 2),
    });

    expect(elements(html, 'h3').map(textOf)).toEqual(['साउन २०८१', 'असार २०८१']);
    const items = elements(html, 'li', 'class="timeline-entry').map(textOf);
    expect(items[0]).toBe('२०२४ जुलाई २० (वि.सं. २०८१ साउन ५) Oil change सम्पन्न रु. २,५००');
    expect(html).toContain('<time datetime="2024-07-20">');
  });

  it('says a scheduled service is scheduled in English', async () => {
    const html = await renderComponent(HistoryTimeline, { locale: en, entries: [history[2]] });
    expect(textOf(html)).toBe('August 2024 August 1, 2024 Brakes Scheduled');
  });
});
