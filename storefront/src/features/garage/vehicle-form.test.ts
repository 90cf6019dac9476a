import { describe, expect, it } from 'vitest';
import { aVehicle, hyundai, pulsarChoices, vehicleForm } from './fixtures/vehicles';
import {
  fitChoices,
  newVehicleForm,
  validateVehicleForm,
  vehicleFormValues,
  vehiclePayload,
} from './vehicle-form';

const today = '2026-11-29';
const adding = { today, creating: true };
const fieldsOf = (errors: Array<{ field?: string }>) => errors.map((error) => error.field);

describe('newVehicleForm', () => {
  it('preselects the make and model named in the query', () => {
    const values = newVehicleForm(new URLSearchParams('makeId=bajaj&modelId=pulsar'));

    expect(values).toMatchObject({ makeId: 'bajaj', modelId: 'pulsar', year: '' });
  });
});

describe('vehicleFormValues', () => {
  it('fills the form from a stored vehicle, empty where the CMS has null', () => {
    const vehicle = aVehicle({ trim: null, vin: null, odometerKm: null, purchaseDate: null });

    expect(vehicleFormValues(vehicle)).toMatchObject({
      makeId: 'bajaj',
      modelId: 'pulsar',
      year: '2019',
      trimId: '',
      vin: '',
      odometerKm: '',
      purchaseDate: '',
    });
  });
});

describe('fitChoices', () => {
  it('drops the model, year, trim and fuel when the make no longer has that model', () => {
    const choices = pulsarChoices({ models: [], model: undefined });

    const fitted = fitChoices(vehicleForm({ makeId: hyundai.id }), choices);

    expect(fitted).toMatchObject({
      makeId: 'hyundai',
      modelId: '',
      year: '',
      trimId: '',
      fuel: '',
    });
  });

  it('keeps choices that fit the chosen model', () => {
    expect(fitChoices(vehicleForm(), pulsarChoices())).toEqual(vehicleForm());
  });

  it('drops a year the model was not sold in', () => {
    expect(fitChoices(vehicleForm({ year: '1999' }), pulsarChoices()).year).toBe('');
  });
});

describe('validateVehicleForm', () => {
  it('accepts a complete vehicle', () => {
    expect(validateVehicleForm(vehicleForm(), pulsarChoices(), adding)).toEqual([]);
  });

  it('asks for the make, then the registration number, in form order', () => {
    const values = vehicleForm({ makeId: '', registrationNumber: '' });

    expect(validateVehicleForm(values, pulsarChoices(), adding)).toEqual([
      { field: 'makeId', key: 'garage.errors.makeId' },
      { field: 'registrationNumber', key: 'garage.errors.registrationRequired' },
    ]);
  });

  it('asks for a year when the model is chosen but the year is not', () => {
    const errors = validateVehicleForm(vehicleForm({ year: '' }), pulsarChoices(), adding);

    expect(errors).toEqual([{ field: 'year', key: 'garage.errors.year' }]);
  });

  it('refuses a trim or fuel of another model', () => {
    const values = vehicleForm({ trimId: 'sx', fuel: 'diesel' });

    expect(fieldsOf(validateVehicleForm(values, pulsarChoices(), adding))).toEqual([
      'trimId',
      'fuel',
    ]);
  });

  it('refuses a VIN with I, O or Q or of the wrong length', () => {
    for (const vin of ['1HGCM82633A00435O', '1HGCM82633A00435']) {
      const errors = validateVehicleForm(vehicleForm({ vin }), pulsarChoices(), adding);

      expect(errors).toEqual([{ field: 'vin', key: 'garage.errors.vin' }]);
    }
  });

  it('refuses a purchase date in the future, before 1950 or that is no date', () => {
    for (const purchaseDate of [
      '2026-11-30',
      '2026-02-30',
      '29/11/2026',
      '1949-12-31',
      '1900-01-01',
    ]) {
      const errors = validateVehicleForm(vehicleForm({ purchaseDate }), pulsarChoices(), adding);

      expect([purchaseDate, fieldsOf(errors)]).toEqual([purchaseDate, ['purchaseDate']]);
    }
  });

  it('accepts a purchase date from 1950-01-01 to today, as the CMS does', () => {
    for (const purchaseDate of ['1950-01-01', '2024-02-29', today]) {
      const errors = validateVehicleForm(vehicleForm({ purchaseDate }), pulsarChoices(), adding);

      expect([purchaseDate, errors]).toEqual([purchaseDate, []]);
    }
  });

  it('accepts an odometer typed in Nepali digits with grouping, and refuses words', () => {
    const nepali = validateVehicleForm(
      vehicleForm({ odometerKm: '१२,५००' }),
      pulsarChoices(),
      adding,
    );
    const words = validateVehicleForm(
      vehicleForm({ odometerKm: 'twelve' }),
      pulsarChoices(),
      adding,
    );

    expect(nepali).toEqual([]);
    expect(words).toEqual([{ field: 'odometerKm', key: 'garage.errors.odometerKm' }]);
  });

  it('refuses a nickname over 60 characters', () => {
    const values = vehicleForm({ nickname: 'a'.repeat(61) });

    expect(fieldsOf(validateVehicleForm(values, pulsarChoices(), adding))).toEqual(['nickname']);
  });
});

describe('vehiclePayload', () => {
  it('sends a new vehicle without the fields left empty, numbers as numbers', () => {
    const values = vehicleForm({ trimId: '', colour: '', odometerKm: '१२,५००', vin: '' });

    expect(vehiclePayload(values, true)).toEqual({
      makeId: 'bajaj',
      modelId: 'pulsar',
      year: 2019,
      registrationNumber: 'BA 2 PA 1234',
      nickname: 'Rato Pulsar',
      fuel: 'petrol',
      purchaseDate: '2019-05-01',
      odometerKm: 12500,
    });
  });

  it('clears emptied fields of a change with null and leaves the odometer alone', () => {
    const payload = vehiclePayload(vehicleForm({ nickname: '', vin: '' }), false);

    expect(payload).toMatchObject({ nickname: null, vin: null, colour: null, trimId: 'twin' });
    expect(payload).not.toHaveProperty('odometerKm');
  });

  it('sends a VIN in capitals', () => {
    expect(vehiclePayload(vehicleForm({ vin: '1hgcm82633a004352' }), true).vin).toBe(
      '1HGCM82633A004352',
    );
  });
});
