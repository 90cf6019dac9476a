import type { Locale } from '~/i18n';
import { readDateField } from '~/components/forms/date-field';
import type { FormError } from '~/features/forms/form-errors';
import type { FormFields } from '~/features/forms/form-data';
import { parseWholeNumber, toLatinDigits } from '~/features/forms/numbers';
import {
  LINE_ITEM_CATEGORIES,
  type CompletionPayload,
  type LineItem,
  type LineItemCategory,
  type ServiceChangePayload,
} from './service-record-api';
import { NEPAL_OFFSET, SERVICE_DATE_BOUNDS, typedDay } from './service-form';

/** Bill rows the form shows without JavaScript (the island adds and removes rows). */
export const LINE_ROWS = 3;
/** The largest amount the CMS takes, in paisa. */
const PAISA_MAX = 1_000_000_000;
const ODOMETER_MAX_KM = 5_000_000;

/** One bill row as typed. */
export interface LineRowValues {
  category: string;
  label: string;
  amount: string;
}

/** The completion form as typed. */
export interface CompletionFormValues {
  date: string;
  odometerKm: string;
  correction: boolean;
  cost: string;
  centerName: string;
  notes: string;
  lines: LineRowValues[];
}

const emptyRow = (): LineRowValues => ({ category: 'parts', label: '', amount: '' });

/** Rows to show: the typed ones, then empty ones up to `LINE_ROWS`. */
export function withEmptyRows(lines: LineRowValues[]): LineRowValues[] {
  const filled = lines.filter((line) => line.label !== '' || line.amount !== '');
  const missing = Math.max(LINE_ROWS - filled.length, 0);
  return [...filled, ...Array.from({ length: missing }, emptyRow)];
}

/** A new completion form: done today, with the record's centre and notes. */
export function newCompletionForm(
  today: string,
  record: { centerName?: string | null; notes?: string | null },
  locale: Locale,
): CompletionFormValues {
  return {
    date: typedDay(today, locale),
    odometerKm: '',
    correction: false,
    cost: '',
    centerName: record.centerName ?? '',
    notes: record.notes ?? '',
    lines: withEmptyRows([]),
  };
}

/** The completion form as posted: bill rows are the fields repeated under one name each. */
export function readCompletionForm(form: FormFields): CompletionFormValues {
  const texts = (name: string) =>
    form.all(name).map((value) => (typeof value === 'string' ? value.trim() : ''));
  const categories = texts('lineCategory');
  const labels = texts('lineLabel');
  const amounts = texts('lineAmount');
  const count = Math.max(categories.length, labels.length, amounts.length);
  return {
    date: form.text('date'),
    odometerKm: form.text('odometerKm'),
    correction: form.checked('correction'),
    cost: form.text('cost'),
    centerName: form.text('centerName'),
    notes: form.text('notes'),
    lines: Array.from({ length: Math.min(count, 100) }, (_, index) => ({
      category: categories[index] ?? 'parts',
      label: labels[index] ?? '',
      amount: amounts[index] ?? '',
    })),
  };
}

/**
 * An amount in rupees typed by a person, as integer paisa: `1500`, `1,500.50`, `१,५००`,
 * `Rs 1500`; undefined when it is not one (negative, more than two decimals, too large).
 */
export function parseRupees(text: string): number | undefined {
  const cleaned = toLatinDigits(text)
    .replace(/^(rs\.?|npr|रु\.?)\s*/i, '')
    .replace(/[\s,]/g, '');
  const match = /^(\d{1,8})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return undefined;
  const paisa = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return paisa <= PAISA_MAX ? paisa : undefined;
}

/** The input id of a bill row's field, which errors point at. */
export const lineField = (index: number, part: 'category' | 'label' | 'amount') =>
  `line-${index}-${part}`;

function readLines(lines: LineRowValues[], errors: FormError[]): LineItem[] {
  const items: LineItem[] = [];
  lines.forEach((line, index) => {
    if (line.label === '' && line.amount === '') return;
    const amount = parseRupees(line.amount);
    if (line.label === '') {
      errors.push({ field: lineField(index, 'label'), key: 'serviceRecords.errors.lineLabel' });
    }
    if (amount === undefined) {
      errors.push({ field: lineField(index, 'amount'), key: 'serviceRecords.errors.amount' });
    }
    const category = (LINE_ITEM_CATEGORIES as readonly string[]).includes(line.category)
      ? (line.category as LineItemCategory)
      : 'other';
    if (amount !== undefined && line.label !== '') {
      items.push({
        label: line.label.slice(0, 120),
        category,
        quantity: 1,
        unitPricePaisa: amount,
        amountPaisa: amount,
      });
    }
  });
  return items;
}

/** The time of a completion: now when it is today, otherwise noon of that day in Nepal. */
export function completionInstant(day: string, today: string, now: Date): string {
  return day === today ? now.toISOString() : `${day}T12:00:00${NEPAL_OFFSET}`;
}

/**
 * The completion to send, or the errors that keep it from being sent. The bill is either a
 * total or its lines; with both, the total must be the lines' sum.
 */
export function completionPayload(
  values: CompletionFormValues,
  locale: Locale,
  today: string,
  now = new Date(),
): { payload: CompletionPayload } | { errors: FormError[] } {
  const errors: FormError[] = [];
  const day = readDateField('date', values.date, locale, {
    min: SERVICE_DATE_BOUNDS.min,
    max: today,
    required: true,
  });
  if (day.error) errors.push(day.error);
  const odometer = values.odometerKm === '' ? undefined : parseWholeNumber(values.odometerKm);
  if (values.odometerKm !== '' && (odometer === undefined || odometer > ODOMETER_MAX_KM)) {
    errors.push({ field: 'odometerKm', key: 'serviceRecords.errors.odometerKm' });
  }
  const cost = values.cost === '' ? undefined : parseRupees(values.cost);
  if (values.cost !== '' && cost === undefined) {
    errors.push({ field: 'cost', key: 'serviceRecords.errors.amount' });
  }
  const lines = readLines(values.lines, errors);
  const sum = lines.reduce((total, line) => total + line.amountPaisa, 0);
  if (cost !== undefined && lines.length > 0 && cost !== sum) {
    errors.push({ field: 'cost', key: 'serviceRecords.errors.costNotSum' });
  }
  if (values.notes.length > 4000) {
    errors.push({ field: 'notes', key: 'serviceRecords.errors.tooLong', params: { max: 4000 } });
  }
  if (day.error || !day.value || errors.length > 0) return { errors };
  return {
    payload: {
      completedAt: completionInstant(day.value, today, now),
      ...(odometer !== undefined ? { odometerKm: odometer } : {}),
      ...(odometer !== undefined && values.correction ? { odometerCorrection: true } : {}),
      ...(lines.length > 0 ? { lineItems: lines } : cost !== undefined ? { costPaisa: cost } : {}),
      centerName: values.centerName === '' ? null : values.centerName.slice(0, 120),
      notes: values.notes === '' ? null : values.notes,
    },
  };
}

/** Integer paisa as the rupees a person types: `1500`, `1500.50`. */
export function rupeesText(paisa: number): string {
  const whole = Math.floor(paisa / 100);
  const rest = paisa % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`;
}

/** A completed record's bill and notes, for correcting them (a receipt found later). */
export function correctionFormOf(record: {
  costPaisa?: number | null;
  lineItems: LineItem[];
  notes?: string | null;
}): CompletionFormValues {
  return {
    date: '',
    odometerKm: '',
    correction: false,
    cost:
      record.lineItems.length === 0 && record.costPaisa != null ? rupeesText(record.costPaisa) : '',
    centerName: '',
    notes: record.notes ?? '',
    lines: withEmptyRows(
      record.lineItems.map((line) => ({
        category: line.category,
        label: line.label,
        amount: rupeesText(line.amountPaisa),
      })),
    ),
  };
}

/**
 * The corrected bill and notes of a completed service (the only fields it still takes): the
 * lines with the total their sum, or a total without lines, or no bill at all.
 */
export function correctionPayload(
  values: CompletionFormValues,
): { payload: ServiceChangePayload } | { errors: FormError[] } {
  const errors: FormError[] = [];
  const cost = values.cost === '' ? undefined : parseRupees(values.cost);
  if (values.cost !== '' && cost === undefined) {
    errors.push({ field: 'cost', key: 'serviceRecords.errors.amount' });
  }
  const lines = readLines(values.lines, errors);
  const sum = lines.reduce((total, line) => total + line.amountPaisa, 0);
  if (cost !== undefined && lines.length > 0 && cost !== sum) {
    errors.push({ field: 'cost', key: 'serviceRecords.errors.costNotSum' });
  }
  if (values.notes.length > 4000) {
    errors.push({ field: 'notes', key: 'serviceRecords.errors.tooLong', params: { max: 4000 } });
  }
  if (errors.length > 0) return { errors };
  return {
    payload: {
      costPaisa: lines.length > 0 ? null : (cost ?? null),
      lineItems: lines,
      notes: values.notes === '' ? null : values.notes,
    },
  };
}
