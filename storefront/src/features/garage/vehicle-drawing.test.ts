import { describe, expect, it } from 'vitest';
import { drawingFor, VEHICLE_TYPES } from './vehicle-drawing';

describe('drawingFor', () => {
  it.each(VEHICLE_TYPES)('draws a %s as itself', (type) => {
    const drawing = drawingFor(type);

    expect(drawing.type).toBe(type);
    expect(drawing.body).toMatch(/^M/);
    expect(drawing.wheels.length).toBeGreaterThanOrEqual(2);
  });

  it('gives two-wheelers two wheels and a truck more', () => {
    expect(drawingFor('motorcycle').wheels).toHaveLength(2);
    expect(drawingFor('scooter').wheels).toHaveLength(2);
    expect(drawingFor('truck').wheels.length).toBeGreaterThan(2);
  });

  it('gives every type its own drawing', () => {
    const bodies = new Set(VEHICLE_TYPES.map((type) => drawingFor(type).body));

    expect(bodies.size).toBe(VEHICLE_TYPES.length);
  });

  it('draws a type the portal does not know, or none, as a car', () => {
    expect(drawingFor('tractor').type).toBe('car');
    expect(drawingFor('').type).toBe('car');
  });

  it('keeps every point of a drawing inside its 64 × 40 box', () => {
    for (const type of VEHICLE_TYPES) {
      const { body, wheels, wheelRadius } = drawingFor(type);
      const numbers = (body.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
      const wheelEdges = wheels.flatMap(([x, y]) => [x + wheelRadius, y + wheelRadius]);

      expect(Math.max(...numbers, ...wheelEdges)).toBeLessThanOrEqual(64);
      expect(Math.max(...wheels.map(([, y]) => y + wheelRadius))).toBeLessThanOrEqual(40);
    }
  });
});
