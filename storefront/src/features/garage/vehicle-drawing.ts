/** The vehicle types the catalog knows, each with a drawing. */
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

/** A catalog vehicle type. */
export type VehicleType = (typeof VEHICLE_TYPES)[number];

/** A line drawing on a 64 × 40 grid: body outlines and wheels. */
export interface VehicleDrawing {
  type: VehicleType;
  /** Path data of the body, drawn as strokes. */
  body: string;
  /** Wheel centres (x, y) and the radius they share. */
  wheels: Array<[number, number]>;
  wheelRadius: number;
}

const CAR_WHEELS: Array<[number, number]> = [
  [16, 31],
  [48, 31],
];

const DRAWINGS: Record<VehicleType, Omit<VehicleDrawing, 'type'>> = {
  car: {
    body: 'M4 31V24l6-2 8-8h20l10 8h10l2 4v5 M18 15l-4 7h30l-8-7Z',
    wheels: CAR_WHEELS,
    wheelRadius: 5,
  },
  suv: {
    body: 'M4 31V19l5-8h34l8 8h7l2 4v8 M11 12l-3 7h38l-6-7Z M28 12v7',
    wheels: CAR_WHEELS,
    wheelRadius: 6,
  },
  van: {
    body: 'M4 31V10a3 3 0 0 1 3-3h38l12 12 4 3v9 M46 9l9 10H46Z M8 11h32v8H8Z',
    wheels: CAR_WHEELS,
    wheelRadius: 5,
  },
  pickup: {
    body: 'M3 31v-9h26V12h14l8 10h9l1 9 M33 14v8h14l-6-8Z M3 22h26',
    wheels: [
      [15, 31],
      [49, 31],
    ],
    wheelRadius: 5,
  },
  truck: {
    body: 'M3 31V6h36v25 M39 13h12l9 10v8 M42 16v7h14l-5-7Z',
    wheels: [
      [12, 32],
      [24, 32],
      [50, 32],
    ],
    wheelRadius: 5,
  },
  bus: {
    body: 'M3 31V6h54a4 4 0 0 1 4 4v21 M7 10h10v8H7Z M21 10h10v8H21Z M35 10h10v8H35Z M49 10h8v12h-8Z',
    wheels: [
      [15, 32],
      [47, 32],
    ],
    wheelRadius: 5,
  },
  motorcycle: {
    body: 'M14 30L22 19H36L43 14 M50 30L44 12 M41 12H47 M14 30L26 28 M26 28L30 22H37L36 28Z',
    wheels: [
      [14, 30],
      [50, 30],
    ],
    wheelRadius: 6,
  },
  scooter: {
    body: 'M8 30C8 22 12 19 20 19H27V25H40L45 10 M41 10H48 M45 10L51 31 M19 30H40',
    wheels: [
      [14, 31],
      [51, 31],
    ],
    wheelRadius: 5,
  },
};

/** Whether a catalog value names a vehicle type with a drawing. */
export function isVehicleType(value: string): value is VehicleType {
  return (VEHICLE_TYPES as readonly string[]).includes(value);
}

/**
 * The drawing shown when a vehicle has no photo and its model no image. A type the portal
 * does not know yet (the catalog may grow) is drawn as a car rather than as nothing.
 */
export function drawingFor(vehicleType: string): VehicleDrawing {
  const type = isVehicleType(vehicleType) ? vehicleType : 'car';
  return { type, ...DRAWINGS[type] };
}
