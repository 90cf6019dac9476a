import { describe, expect, it } from 'vitest';
import { readForm } from '~/features/forms/form-data';
import { parseLocale } from '~/i18n';
import { actionErrorFor, readReminderAction, readReminderEdit } from './reminder-actions';
import type { CmsProblem } from '~/lib/cms-api';

const en = parseLocale('en')!;
const ne = parseLocale('ne')!;
const TODAY = '2026-12-01';

const form = (fields: Record<string, string>) => {
  const body = new URLSearchParams(fields);
  return readForm(
    new Request('http://portal.test/en/reminders', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }),
  );
};

describe('readReminderAction', () => {
  it('snoozes until an AD day after today', async () => {
    const read = readReminderAction(
      await form({ id: 'r1', action: 'snooze', 'until-r1': '2026-12-15' }),
      en,
      TODAY,
    );
    expect(read).toMatchObject({
      ok: true,
      action: { kind: 'snooze', id: 'r1', until: '2026-12-15' },
    });
  });

  it('reads a Bikram Sambat day in Nepali as the AD day the CMS takes', async () => {
    // 2083-08-29 BS is 2026-12-15 AD.
    const read = readReminderAction(
      await form({ id: 'r1', action: 'snooze', 'until-r1': '२०८३-०८-२९' }),
      ne,
      TODAY,
    );
    expect(read).toMatchObject({ ok: true, action: { kind: 'snooze', until: '2026-12-15' } });
  });

  it('refuses a snooze without a day, or to today, at that reminder’s field', async () => {
    const empty = readReminderAction(await form({ id: 'r1', action: 'snooze' }), en, TODAY);
    expect(empty).toMatchObject({ ok: false, errors: [{ field: 'until-r1' }] });
    const today = readReminderAction(
      await form({ id: 'r1', action: 'snooze', 'until-r1': TODAY }),
      en,
      TODAY,
    );
    expect(today).toMatchObject({
      ok: false,
      errors: [{ field: 'until-r1', key: 'forms.errors.date.notBefore' }],
      typed: { id: 'r1', kind: 'snooze', fields: { until: TODAY } },
    });
  });

  it('dismisses only when the owner ticked the confirmation', async () => {
    expect(
      readReminderAction(await form({ id: 'r2', action: 'dismiss' }), en, TODAY),
    ).toMatchObject({
      ok: false,
      errors: [{ field: 'confirm-r2', key: 'reminders.errors.confirmDismiss' }],
    });
    expect(
      readReminderAction(await form({ id: 'r2', action: 'dismiss', confirm: 'on' }), en, TODAY),
    ).toMatchObject({ ok: true, action: { kind: 'dismiss', id: 'r2' } });
  });

  it('completes with an optional day (not after today) and odometer, in either script', async () => {
    expect(
      readReminderAction(await form({ id: 'r3', action: 'complete' }), en, TODAY),
    ).toMatchObject({ ok: true, action: { kind: 'complete', id: 'r3' } });
    const full = readReminderAction(
      await form({
        id: 'r3',
        action: 'complete',
        'date-r3': '2026-11-30',
        'odometerKm-r3': '१२,५००',
      }),
      ne,
      TODAY,
    );
    expect(full).toEqual(
      expect.objectContaining({
        ok: true,
        action: { kind: 'complete', id: 'r3', date: '2026-11-30', odometerKm: 12500 },
      }),
    );
    const bad = readReminderAction(
      await form({
        id: 'r3',
        action: 'complete',
        'date-r3': '2026-12-05',
        'odometerKm-r3': '12.5',
      }),
      en,
      TODAY,
    );
    expect(bad).toMatchObject({
      ok: false,
      errors: [
        { field: 'date-r3' },
        { field: 'odometerKm-r3', key: 'reminders.errors.odometerKm' },
      ],
    });
  });

  it('refuses an id that could not be a reminder, and an unknown action', async () => {
    expect(
      readReminderAction(await form({ id: '../x', action: 'dismiss', confirm: 'on' }), en, TODAY),
    ).toMatchObject({ ok: false, errors: [{ key: 'reminders.errors.gone' }] });
    expect(readReminderAction(await form({ id: 'r1', action: 'delete' }), en, TODAY)).toMatchObject(
      { ok: false, errors: [{ key: 'forms.errors.generic' }] },
    );
  });
});

describe('a new reminder', () => {
  it('takes a catalogue kind due by date and km, recurring on a fixed schedule', async () => {
    const read = readReminderAction(
      await form({
        action: 'create',
        newKind: 'bluebook-renewal',
        newDueDate: '2027-03-20',
        newDueKm: '',
        newEveryMonths: '१२',
        newFixed: 'on',
      }),
      ne,
      TODAY,
    );
    expect(read).toMatchObject({
      ok: true,
      action: {
        kind: 'create',
        payload: {
          kind: 'bluebook-renewal',
          dueDate: '2027-03-20',
          everyMonths: 12,
          schedule: 'fixed',
        },
      },
    });
  });

  it('needs a name for "other", and a due day or distance, each at its field', async () => {
    const read = readReminderAction(
      await form({ action: 'create', newKind: 'other', newEveryKm: '0' }),
      en,
      TODAY,
    );
    expect(read).toMatchObject({
      ok: false,
      errors: [
        { field: 'newTitle', key: 'reminders.errors.title' },
        { field: 'newEveryKm', key: 'reminders.errors.every' },
        { field: 'newDueDate', key: 'reminders.errors.dueNeeded' },
      ],
      typed: { kind: 'create', fields: { newKind: 'other', newEveryKm: '0' } },
    });
    expect(
      readReminderAction(
        await form({ action: 'create', newKind: 'rocket', newDueKm: '9000' }),
        en,
        TODAY,
      ),
    ).toMatchObject({ ok: false, errors: [{ field: 'newKind', key: 'reminders.errors.kind' }] });
  });

  it('adds the templates the owner ticked, and asks for one when none is', async () => {
    const body = new URLSearchParams([
      ['action', 'templates'],
      ['template', 'oil-change'],
      ['template', 'pollution-test'],
    ]);
    const ticked = await readForm(
      new Request('http://portal.test/en/reminders', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      }),
    );
    expect(readReminderAction(ticked, en, TODAY)).toMatchObject({
      ok: true,
      action: { kind: 'templates', codes: ['oil-change', 'pollution-test'] },
    });
    expect(readReminderAction(await form({ action: 'templates' }), en, TODAY)).toMatchObject({
      ok: false,
      errors: [{ key: 'reminders.errors.noTemplate' }],
    });
  });
});

describe('actionErrorFor', () => {
  it("shows the CMS's refusal of a new reminder at the form's input", () => {
    const problem = {
      kind: 'rejected',
      status: 400,
      details: { errors: [{ path: ['dueKm'], message: 'x', name: 'ValidationError' }] },
    } as CmsProblem;
    expect(actionErrorFor('', problem)).toEqual({
      field: 'newDueKm',
      key: 'reminders.errors.dueKm',
    });
  });

  const rejected = (status: number, path?: string[]) =>
    ({
      kind: 'rejected',
      status,
      details: path ? { errors: [{ path, message: 'x', name: 'ValidationError' }] } : undefined,
    }) as CmsProblem;

  it("shows the CMS's 400 at the field it names, for that reminder", () => {
    expect(actionErrorFor('r1', rejected(400, ['until']))).toEqual({
      field: 'until-r1',
      key: 'reminders.errors.until',
    });
    expect(actionErrorFor('r1', rejected(400, ['odometerKm']))).toEqual({
      field: 'odometerKm-r1',
      key: 'reminders.errors.odometerKm',
    });
    expect(actionErrorFor('r1', rejected(400, ['constructor']))).toEqual({
      key: 'forms.errors.generic',
    });
  });

  it('explains a reminder changed meanwhile (409) or gone (404)', () => {
    expect(actionErrorFor('r1', rejected(409, ['status']))).toEqual({
      key: 'reminders.errors.changed',
    });
    expect(actionErrorFor('r1', rejected(404))).toEqual({ key: 'reminders.errors.gone' });
  });
});

describe('an edited reminder', () => {
  it('sends every due field, a cleared one as null, and keeps a past due day (overdue ones)', async () => {
    const read = readReminderEdit(
      await form({
        newKind: 'oil-change',
        newTitle: '',
        newDueDate: '2026-11-20',
        newDueKm: '',
        newEveryMonths: '४',
        newEveryKm: '',
      }),
      ne,
    );
    expect(read).toEqual({
      ok: true,
      typed: {
        id: '',
        kind: 'edit',
        fields: {
          newKind: 'oil-change',
          newTitle: '',
          newDueDate: '2026-11-20',
          newDueKm: '',
          newEveryMonths: '४',
          newEveryKm: '',
          newFixed: '',
        },
      },
      payload: {
        kind: 'oil-change',
        title: null,
        dueDate: '2026-11-20',
        dueKm: null,
        everyMonths: 4,
        everyKm: null,
        schedule: 'from-completion',
      },
    });
  });

  it('refuses what the new-reminder form refuses, at the same fields', async () => {
    const read = readReminderEdit(
      await form({ newKind: 'other', newDueDate: '', newDueKm: '', newEveryKm: 'x' }),
      en,
    );
    expect(read.ok).toBe(false);
    expect(!read.ok && read.errors).toEqual([
      { field: 'newTitle', key: 'reminders.errors.title' },
      { field: 'newEveryKm', key: 'reminders.errors.every' },
      { field: 'newDueDate', key: 'reminders.errors.dueNeeded' },
    ]);
    const undated = readReminderEdit(await form({ newKind: 'brakes' }), en);
    expect(!undated.ok && undated.errors).toEqual([
      { field: 'newDueDate', key: 'reminders.errors.dueNeeded' },
    ]);
  });
});
