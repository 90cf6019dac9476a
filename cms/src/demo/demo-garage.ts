import type { Core } from '@strapi/strapi';
import { newVehicleInput } from '../api/vehicle/vehicle-input';
import { getVehicleService } from '../api/vehicle/services';

interface DemoVehicle {
  make: string;
  model: string;
  input: Record<string, unknown>;
  /** Odometer readings, oldest first: [km, YYYY-MM-DD]. */
  readings: Array<[number, string]>;
  note: string;
}

// A motorcycle and a car, as a family in Kathmandu might keep them.
const DEMO_VEHICLES: DemoVehicle[] = [
  {
    make: 'bajaj',
    model: 'pulsar-150',
    input: {
      year: 2019,
      registrationNumber: 'BA 93 PA 4521',
      nickname: 'Rato Pulsar',
      colour: 'Red',
      fuel: 'petrol',
      purchaseDate: '2019-05-01',
    },
    readings: [
      [9800, '2024-08-03'],
      [12400, '2025-01-12'],
      [15100, '2025-06-20'],
      [18250, '2025-11-02'],
    ],
    note: 'Chain cleaned and oiled; rear brake pads at about half.',
  },
  {
    make: 'hyundai',
    model: 'creta',
    input: {
      year: 2022,
      registrationNumber: 'Bagmati 01-002 Pa 1234',
      nickname: 'Family Creta',
      colour: 'White',
      fuel: 'petrol',
      purchaseDate: '2022-09-15',
    },
    readings: [
      [21000, '2024-09-28'],
      [26500, '2025-03-08'],
      [31800, '2025-10-19'],
    ],
    note: 'Bluebook renewal due in Poush; tyres rotated at 31,800 km.',
  },
];

async function documentIdBySlug(
  strapi: Core.Strapi,
  uid: 'api::catalog.make' | 'api::catalog.model',
  slug: string,
) {
  const row = (await strapi.db
    .query(uid)
    .findOne({ where: { slug, locale: 'en' }, select: ['documentId'] })) as {
    documentId: string;
  } | null;
  return row?.documentId ?? null;
}

/**
 * Fills a new demo owner's garage with two vehicles, their odometer history and a note each,
 * so the portal has something to show on a fresh `npm run dev`. A vehicle whose catalog
 * entry is missing (a trimmed catalog) is skipped.
 */
export async function seedDemoGarage(strapi: Core.Strapi, ownerId: number): Promise<number> {
  const vehicles = getVehicleService(strapi, 'vehicles');
  const odometer = getVehicleService(strapi, 'odometer');
  const notes = getVehicleService(strapi, 'notes');
  let added = 0;
  for (const demo of DEMO_VEHICLES) {
    const makeId = await documentIdBySlug(strapi, 'api::catalog.make', demo.make);
    const modelId = await documentIdBySlug(strapi, 'api::catalog.model', demo.model);
    if (!makeId || !modelId) continue;
    const input = newVehicleInput.parse({ ...demo.input, makeId, modelId });
    const vehicle = await vehicles.create(ownerId, input, 'en');
    for (const [readingKm, readOn] of demo.readings) {
      await odometer.addReading(ownerId, vehicle.id, {
        readingKm,
        readOn,
        correction: false,
      });
    }
    await notes.add(ownerId, vehicle.id, demo.note);
    added += 1;
  }
  return added;
}
