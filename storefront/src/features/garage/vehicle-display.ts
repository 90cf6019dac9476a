import { t, type Locale, type MessageKey } from '~/i18n';
import { numberFormat } from '~/i18n/formats';
import type { Vehicle } from './vehicle-api';

/** A distance in the locale's words and digits: `12,500 km`, `१२,५०० कि.मी.`. */
export function formatKm(km: number, locale: Locale): string {
  return t(locale, 'garage.km', { km: numberFormat(locale).format(km) });
}

/** A number in the locale's digits, without grouping (years, counts). */
export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(locale, { useGrouping: false }).format(value);
}

/**
 * What an owner calls a vehicle: its nickname, else its make and model, else (for a model
 * gone from the catalog) its registration number.
 */
export function vehicleName(
  vehicle: Pick<Vehicle, 'nickname' | 'make' | 'model' | 'registrationNumber'>,
): string {
  const catalogName = `${vehicle.make.name} ${vehicle.model.name}`.trim();
  return vehicle.nickname?.trim() || catalogName || vehicle.registrationNumber;
}

/** The fuels the CMS knows, each with a name in the catalogs. */
export const FUELS = ['petrol', 'diesel', 'electric', 'hybrid', 'plug-in-hybrid', 'cng'] as const;

/** A fuel's name in the locale; a fuel the portal does not know yet is shown as the CMS sent it. */
export function fuelName(fuel: string, locale: Locale): string {
  const known = (FUELS as readonly string[]).includes(fuel);
  return known ? t(locale, `garage.fuels.${fuel}` as MessageKey) : fuel;
}
