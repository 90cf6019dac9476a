import { describe, expect, it } from 'vitest';
import { parseLocale } from '~/i18n';
import {
  completionPayload,
  correctionFormOf,
  correctionPayload,
  LINE_ROWS,
  newCompletionForm,
  parseRupees,
  readCompletionForm,
  withEmptyRows,
  type CompletionFormValues,
} from './completion-form';
import { readForm } from '~/features/forms/form-data';

const en = parseLocale('en')!;
const today = '2026-12-01';
const now = new Date('2026-12-01T06:00:00Z');
const form = (overrides: Partial<CompletionFormValues> = {}): CompletionFormValues => ({
  ...newCompletionForm(today, {}, en),
  ...overrides,
});
const line = (category: string, label: string, amount: string) => ({ category, label, amount });

describe('parseRupees', () => {
  it.each([
    ['1500', 150_000],
    ['1,500.50', 150_050],
    ['१,५००', 150_000],
    ['Rs 2,400', 240_000],
    ['0.5', 50],
  ])('reads %s as %i paisa', (text, paisa) => expect(parseRupees(text)).toBe(paisa));

  it.each(['-5', '1.234', 'abc', '', '1e5'])('refuses %s', (text) => {
    expect(parseRupees(text)).toBeUndefined();
  });
});

describe('completionPayload', () => {
  it('completes today at the moment it is sent, with the odometer and a total', () => {
    const values = form({ odometerKm: '12,500', cost: '2400' });
    expect(completionPayload(values, en, today, now)).toEqual({
      payload: {
        completedAt: now.toISOString(),
        odometerKm: 12_500,
        costPaisa: 240_000,
        centerName: null,
        notes: null,
      },
    });
  });

  it('dates an earlier day at noon in Nepal', () => {
    const result = completionPayload(form({ date: '2026-11-20' }), en, today, now);
    expect(result).toMatchObject({ payload: { completedAt: '2026-11-20T12:00:00+05:45' } });
  });

  it('sends the bill lines (empty rows left out) and lets the CMS sum them', () => {
    const values = form({
      lines: [
        line('parts', 'Oil 1 L', '900'),
        line('labour', 'Labour', '500.50'),
        line('parts', '', ''),
      ],
    });
    const result = completionPayload(values, en, today, now);
    expect(result).toMatchObject({
      payload: {
        lineItems: [
          {
            label: 'Oil 1 L',
            category: 'parts',
            quantity: 1,
            unitPricePaisa: 90_000,
            amountPaisa: 90_000,
          },
          {
            label: 'Labour',
            category: 'labour',
            quantity: 1,
            unitPricePaisa: 50_050,
            amountPaisa: 50_050,
          },
        ],
      },
    });
    expect(result).not.toHaveProperty('payload.costPaisa');
  });

  it('refuses a total that is not the sum of the lines, at the total', () => {
    const values = form({ cost: '1000', lines: [line('parts', 'Pads', '900')] });
    expect(completionPayload(values, en, today, now)).toEqual({
      errors: [{ field: 'cost', key: 'serviceRecords.errors.costNotSum' }],
    });
  });

  it('names the row of a line without words or with a bad amount', () => {
    const values = form({ lines: [line('parts', 'Pads', '900'), line('labour', '', 'lots')] });
    expect(completionPayload(values, en, today, now)).toEqual({
      errors: [
        { field: 'line-1-label', key: 'serviceRecords.errors.lineLabel' },
        { field: 'line-1-amount', key: 'serviceRecords.errors.amount' },
      ],
    });
  });

  it('refuses a day after today and a bad odometer', () => {
    const result = completionPayload(
      form({ date: '2026-12-02', odometerKm: '12.5' }),
      en,
      today,
      now,
    );
    expect(result).toMatchObject({
      errors: [
        { field: 'date', key: 'forms.errors.date.between' },
        { field: 'odometerKm', key: 'serviceRecords.errors.odometerKm' },
      ],
    });
  });

  it('sends the correction flag only with an odometer reading', () => {
    expect(completionPayload(form({ correction: true }), en, today, now)).not.toHaveProperty(
      'payload.odometerCorrection',
    );
    expect(
      completionPayload(form({ correction: true, odometerKm: '100' }), en, today, now),
    ).toMatchObject({ payload: { odometerKm: 100, odometerCorrection: true } });
  });
});

describe('readCompletionForm', () => {
  it('reads the repeated row fields in order, however many the browser added', async () => {
    const body = new URLSearchParams();
    for (const [category, label, amount] of [
      ['parts', 'Pads', '900'],
      ['labour', 'Fitting', '300'],
      ['other', '', ''],
      ['parts', 'Fluid', '250'],
    ]) {
      body.append('lineCategory', category!);
      body.append('lineLabel', label!);
      body.append('lineAmount', amount!);
    }
    body.set('date', today);
    const request = new Request('http://portal.test/', { method: 'POST', body });
    const values = readCompletionForm(await readForm(request));
    expect(values.lines).toHaveLength(4);
    expect(values.lines[3]).toEqual(line('parts', 'Fluid', '250'));
  });
});

describe('withEmptyRows', () => {
  it('keeps typed rows and pads to the rows shown without JavaScript', () => {
    const rows = withEmptyRows([line('parts', 'Pads', '900'), line('parts', '', '')]);
    expect(rows).toHaveLength(LINE_ROWS);
    expect(rows[0]).toEqual(line('parts', 'Pads', '900'));
  });
});

describe('correcting a completed bill', () => {
  const lines = [
    {
      label: 'Pads',
      category: 'parts' as const,
      quantity: 1,
      unitPricePaisa: 180_050,
      amountPaisa: 180_050,
    },
  ];

  it('shows the stored lines in rupees, and a total only when there are no lines', () => {
    const withLines = correctionFormOf({ costPaisa: 180_050, lineItems: lines, notes: 'ok' });
    expect(withLines).toMatchObject({ cost: '', notes: 'ok' });
    expect(withLines.lines[0]).toEqual({ category: 'parts', label: 'Pads', amount: '1800.50' });
    expect(withLines.lines).toHaveLength(LINE_ROWS);
    expect(correctionFormOf({ costPaisa: 90_000, lineItems: [] })).toMatchObject({ cost: '900' });
  });

  it('sends the lines with the total left to their sum', () => {
    const values = form({ lines: [line('parts', 'Pads', '1800.50')], notes: 'Receipt found' });
    expect(correctionPayload(values)).toEqual({
      payload: {
        costPaisa: null,
        lineItems: [expect.objectContaining({ amountPaisa: 180_050 })],
        notes: 'Receipt found',
      },
    });
  });

  it('sends a total without lines, clearing the old lines, or no bill at all', () => {
    expect(correctionPayload(form({ cost: '900' }))).toEqual({
      payload: { costPaisa: 90_000, lineItems: [], notes: null },
    });
    expect(correctionPayload(form())).toEqual({
      payload: { costPaisa: null, lineItems: [], notes: null },
    });
  });

  it("refuses a total that is not the lines' sum", () => {
    expect(correctionPayload(form({ cost: '1', lines: [line('parts', 'Pads', '2')] }))).toEqual({
      errors: [{ field: 'cost', key: 'serviceRecords.errors.costNotSum' }],
    });
  });
});
