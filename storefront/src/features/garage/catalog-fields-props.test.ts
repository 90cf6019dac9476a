import { describe, expect, it } from 'vitest';
import { parseLocale } from '~/i18n';
import ne from '~/i18n/ne.json';
import { catalogFieldsProps } from './catalog-fields-props';
import { pulsarChoices, vehicleForm } from './fixtures/vehicles';

const nepali = parseLocale('ne')!;

describe('catalogFieldsProps', () => {
  it('gives the island Nepali texts, Devanagari digits and the errors of its selects only', () => {
    const errors = [
      { field: 'year', message: ne.garage.errors.year },
      { field: 'registrationNumber', message: ne.garage.errors.registrationRequired },
    ];

    const props = catalogFieldsProps(nepali, vehicleForm(), pulsarChoices(), errors, 'year');

    expect(props.numberingSystem).toBe('deva');
    expect(props.text.make).toBe(ne.garage.fields.make);
    expect(props.text.fuels.petrol).toBe(ne.garage.fuels.petrol);
    expect(props.errors).toEqual({ year: ne.garage.errors.year });
    expect(props.values).toEqual({
      makeId: 'bajaj',
      modelId: 'pulsar',
      year: '2019',
      trimId: 'twin',
      fuel: 'petrol',
    });
    expect(props.model?.trims).toHaveLength(2);
    expect(props.focus).toBe('year');
  });
});
