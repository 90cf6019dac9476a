import { describe, expect, it } from 'vitest';
import { modelOptions, numberFormat } from './catalog-fields';
import { pulsarDetail } from './fixtures/vehicles';

const now = new Date('2003-06-01T00:00:00Z');

describe('modelOptions', () => {
  it('offers the model’s years in the page’s digits, its trims and its fuels', () => {
    const years = numberFormat('ne', 'deva', { useGrouping: false });

    const options = modelOptions(pulsarDetail, years, { petrol: 'पेट्रोल' }, now);

    expect(options.years).toEqual([
      { value: '2003', label: '२००३' },
      { value: '2002', label: '२००२' },
      { value: '2001', label: '२००१' },
    ]);
    expect(options.trims.map((trim) => trim.label)).toEqual(['Single Disc', 'Twin Disc']);
    expect(options.fuels).toEqual([{ value: 'petrol', label: 'पेट्रोल' }]);
  });

  it('labels a fuel named like an inherited property with its own name', () => {
    const years = numberFormat('en', 'latn');
    const model = { ...pulsarDetail, fuelTypes: ['constructor', 'toString'] };

    const options = modelOptions(model, years, { petrol: 'Petrol' }, now);

    expect(options.fuels).toEqual([
      { value: 'constructor', label: 'constructor' },
      { value: 'toString', label: 'toString' },
    ]);
  });

  it('offers nothing until a model is chosen', () => {
    const years = numberFormat('en', 'latn');

    expect(modelOptions(undefined, years, {})).toEqual({ years: [], trims: [], fuels: [] });
  });
});

describe('numberFormat', () => {
  it('writes the digits it is given, whatever locale data the runtime has', () => {
    expect(numberFormat('ne', 'deva').format(12500)).toBe('१२,५००');
    expect(numberFormat('xx', 'deva', { useGrouping: false }).format(2019)).toBe('२०१९');
  });
});
