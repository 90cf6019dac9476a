import { describe, expect, it } from 'vitest';
import { odometerChart, type ChartBox } from './odometer-chart';

// Drawing area: x from 10 to 110, y from 10 (top) to 60 (bottom).
const box: ChartBox = {
  width: 120,
  height: 80,
  inset: { top: 10, right: 10, bottom: 20, left: 10 },
};

describe('odometerChart', () => {
  it('runs time left to right and kilometres bottom to top, oldest reading first', () => {
    const readings = [
      { readingKm: 12000, readOn: '2024-01-11' },
      { readingKm: 11000, readOn: '2024-01-06' },
      { readingKm: 10000, readOn: '2024-01-01' },
    ];

    const chart = odometerChart(readings, box);

    expect(chart.points.map(({ x, y }) => [x, y])).toEqual([
      [10, 60],
      [60, 35],
      [110, 10],
    ]);
    expect(chart.line).toBe('M10 60 L60 35 L110 10');
    expect([chart.lowestKm, chart.highestKm, chart.lowestY, chart.highestY]).toEqual([
      10000, 12000, 60, 10,
    ]);
  });

  it('places readings by date, not by their order in the list', () => {
    const chart = odometerChart(
      [
        { readingKm: 300, readOn: '2024-01-11' },
        { readingKm: 200, readOn: '2024-01-02' },
        { readingKm: 100, readOn: '2024-01-01' },
      ],
      box,
    );

    expect(chart.points.map((point) => point.x)).toEqual([10, 20, 110]);
  });

  it('shows a correction as a drop in the line', () => {
    const chart = odometerChart(
      [
        { readingKm: 900, readOn: '2024-01-03' },
        { readingKm: 1000, readOn: '2024-01-02' },
        { readingKm: 500, readOn: '2024-01-01' },
      ],
      box,
    );

    expect(chart.points.map((point) => point.readingKm)).toEqual([500, 1000, 900]);
    expect(chart.points[2]!.y).toBeGreaterThan(chart.points[1]!.y);
  });

  it('spreads readings of one day evenly, the older one first', () => {
    const chart = odometerChart(
      [
        { readingKm: 39000, readOn: '2024-01-01' },
        { readingKm: 40000, readOn: '2024-01-01' },
      ],
      box,
    );

    expect(chart.points.map(({ x, readingKm }) => [x, readingKm])).toEqual([
      [10, 40000],
      [110, 39000],
    ]);
  });

  it('puts a single reading in the middle of the box', () => {
    const chart = odometerChart([{ readingKm: 5000, readOn: '2024-01-01' }], box);

    expect(chart.points.map(({ x, y }) => [x, y])).toEqual([[60, 35]]);
    expect(chart.line).toBe('M60 35');
  });

  it('draws nothing without readings', () => {
    expect(odometerChart([], box)).toMatchObject({ points: [], line: '' });
  });
});
