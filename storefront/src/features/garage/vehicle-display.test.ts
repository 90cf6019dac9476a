import { describe, expect, it } from 'vitest';
import { parseLocale } from '~/i18n';
import { aVehicle } from './fixtures/vehicles';
import { formatKm, fuelName, vehicleName } from './vehicle-display';

const en = parseLocale('en')!;
const ne = parseLocale('ne')!;

describe('formatKm', () => {
  it('groups digits the way each language does, in its own digits', () => {
    expect(formatKm(12500, en)).toBe('12,500 km');
    expect(formatKm(1234567, ne)).toBe('१२,३४,५६७ कि.मी.');
  });
});

describe('vehicleName', () => {
  it('prefers the nickname, then make and model, then the registration number', () => {
    expect(vehicleName(aVehicle())).toBe('Rato Pulsar');
    expect(vehicleName(aVehicle({ nickname: null }))).toBe('Bajaj Pulsar 150');
    const uncatalogued = aVehicle({
      nickname: ' ',
      make: { id: 'x', name: '' },
      model: { id: 'y', name: '', vehicleType: '' },
    });
    expect(vehicleName(uncatalogued)).toBe('BA 2 PA 1234');
  });
});

describe('fuelName', () => {
  it('names a known fuel in the language and shows an unknown one as sent', () => {
    expect(fuelName('plug-in-hybrid', en)).toBe('Plug-in hybrid');
    expect(fuelName('petrol', ne)).toBe('पेट्रोल');
    expect(fuelName('hydrogen', ne)).toBe('hydrogen');
  });
});
