import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const localizedName = z.record(z.string(), z.string().trim().min(1));

export const VEHICLE_TYPES = [
  'car',
  'suv',
  'van',
  'pickup',
  'truck',
  'bus',
  'motorcycle',
  'scooter',
] as const;
export const FUEL_TYPES = [
  'petrol',
  'diesel',
  'electric',
  'hybrid',
  'plug-in-hybrid',
  'cng',
] as const;

const trimData = z.object({ slug, name: localizedName });

const modelData = z.object({
  slug,
  name: localizedName,
  vehicleType: z.enum(VEHICLE_TYPES),
  fuelTypes: z.array(z.enum(FUEL_TYPES)).min(1),
  yearFrom: z.number().int().min(1950),
  yearTo: z.number().int().min(1950).nullable(),
  isEv: z.boolean(),
  trims: z.array(trimData),
});

const makeData = z.object({
  slug,
  name: localizedName,
  country: z.string().length(2).optional(),
  models: z.array(modelData),
});

export type CatalogMake = z.infer<typeof makeData>;
export type CatalogModel = z.infer<typeof modelData>;

/** The seed catalog: every `makes/*.json` file under `directory`, validated. */
export function readCatalog(directory: string): CatalogMake[] {
  const folder = path.join(directory, 'makes');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = makeData.safeParse(JSON.parse(readFileSync(path.join(folder, file), 'utf8')));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
      }
      return parsed.data;
    });
}
