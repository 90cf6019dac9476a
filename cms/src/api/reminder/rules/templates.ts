import type { ServiceKind } from '../../catalog/service-kinds';

/** A catalog model's vehicle type (api::catalog.model `vehicleType`). */
export type VehicleType =
  | 'car'
  | 'suv'
  | 'van'
  | 'pickup'
  | 'truck'
  | 'bus'
  | 'motorcycle'
  | 'scooter';

export interface ReminderTemplate {
  /** Unique among one vehicle type's templates; what an owner picks. */
  code: string;
  kind: ServiceKind;
  name: { en: string; ne: string };
  everyKm: number | null;
  everyMonths: number | null;
  /** Engine-only work (oil, filters, pollution test) that an EV does not have. */
  combustionOnly?: boolean;
}

const t = (
  code: string,
  kind: ServiceKind,
  en: string,
  ne: string,
  everyKm: number | null,
  everyMonths: number | null,
  combustionOnly = false,
): ReminderTemplate => ({ code, kind, name: { en, ne }, everyKm, everyMonths, combustionOnly });

const pollutionTest = t(
  'pollution-test',
  'pollution-test',
  'Pollution test (green sticker)',
  'प्रदूषण जाँच (हरियो स्टिकर)',
  null,
  12,
  true,
);

// Intervals as Nepal's workshops and the makers' manuals sold here give them, for dusty
// roads and stop-and-go traffic: the "severe service" column, not the brochure's best case.
const TWO_WHEELER = [
  t('oil-change', 'oil-change', 'Engine oil change', 'इन्जिन आयल फेर्ने', 3000, 4, true),
  t('general-service', 'general-service', 'General service', 'साधारण सर्भिसिङ', 3000, 4),
  t('air-filter', 'air-filter', 'Air filter cleaning', 'एयर फिल्टर सफा गर्ने', 6000, 6, true),
  t('brakes', 'brakes', 'Brake check', 'ब्रेक जाँच', 5000, 6),
  t('tyres', 'tyres', 'Tyre check', 'टायर जाँच', 10000, 12),
  pollutionTest,
];

const MOTORCYCLE = [
  ...TWO_WHEELER,
  t(
    'chain-sprocket',
    'chain-sprocket',
    'Chain cleaning and lubrication',
    'चेन सफा गरी ग्रिज लगाउने',
    1000,
    1,
  ),
];

const LIGHT_FOUR_WHEELER = [
  t(
    'oil-change',
    'oil-change',
    'Engine oil and filter change',
    'इन्जिन आयल र फिल्टर फेर्ने',
    10000,
    12,
    true,
  ),
  t('general-service', 'general-service', 'General service', 'साधारण सर्भिसिङ', 10000, 12),
  t('air-filter', 'air-filter', 'Air filter change', 'एयर फिल्टर फेर्ने', 20000, 24, true),
  t('brakes', 'brakes', 'Brake check', 'ब्रेक जाँच', 10000, 12),
  t(
    'wheel-alignment',
    'wheel-alignment',
    'Wheel alignment and balancing',
    'ह्वील एलाइनमेन्ट र ब्यालेन्सिङ',
    10000,
    12,
  ),
  t('coolant', 'coolant', 'Coolant change', 'कुलेन्ट फेर्ने', 40000, 24),
  t('ac-service', 'ac-service', 'AC service', 'एसी सर्भिसिङ', null, 12),
  t('battery', 'battery', 'Battery check', 'ब्याट्री जाँच', null, 12),
  pollutionTest,
];

const HEAVY = [
  t(
    'oil-change',
    'oil-change',
    'Engine oil and filter change',
    'इन्जिन आयल र फिल्टर फेर्ने',
    10000,
    6,
    true,
  ),
  t('general-service', 'general-service', 'General service', 'साधारण सर्भिसिङ', 10000, 6),
  t('air-filter', 'air-filter', 'Air filter change', 'एयर फिल्टर फेर्ने', 20000, 12, true),
  t('brakes', 'brakes', 'Brake check', 'ब्रेक जाँच', 5000, 3),
  t('tyres', 'tyres', 'Tyre check and rotation', 'टायर जाँच र रोटेसन', 10000, 6),
  t('battery', 'battery', 'Battery check', 'ब्याट्री जाँच', null, 6),
  pollutionTest,
];

const BY_TYPE: Record<VehicleType, readonly ReminderTemplate[]> = {
  motorcycle: MOTORCYCLE,
  scooter: TWO_WHEELER,
  car: LIGHT_FOUR_WHEELER,
  suv: LIGHT_FOUR_WHEELER,
  van: LIGHT_FOUR_WHEELER,
  pickup: LIGHT_FOUR_WHEELER,
  truck: HEAVY,
  bus: HEAVY,
};

/** The templates for a vehicle type; an electric vehicle has no engine oil or emissions. */
export function templatesFor(vehicleType: string, isEv: boolean): ReminderTemplate[] {
  const templates = BY_TYPE[vehicleType as VehicleType] ?? LIGHT_FOUR_WHEELER;
  return templates.filter((template) => !(isEv && template.combustionOnly));
}
