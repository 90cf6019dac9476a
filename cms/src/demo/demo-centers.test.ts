import { districtByCode } from '@motorghar/nepal';
import { weekIntervals, type DayHours } from '../api/service-center/rules/hours';
import { sampleCenters } from './demo-centers';

describe('sample service centers', () => {
  const centers = sampleCenters();

  it('are at least 150, the same on every call, with unique slugs', () => {
    expect(centers.length).toBeGreaterThanOrEqual(150);
    expect(sampleCenters()).toEqual(centers);
    expect(new Set(centers.map((center) => center.slug)).size).toBe(centers.length);
  });

  it('cover all seven provinces, most in the valley and the big towns', () => {
    const provinces = new Set(centers.map((c) => districtByCode(c.district)?.province));
    expect(provinces.size).toBe(7);
    const valley = centers.filter((c) =>
      ['kathmandu', 'lalitpur', 'bhaktapur'].includes(c.district),
    );
    expect(valley.length).toBeGreaterThanOrEqual(30);
  });

  it('say they are sample data, in English and Nepali', () => {
    for (const center of centers) {
      expect(center.en.name).toContain('(sample)');
      expect(center.ne.name).toContain('(नमुना)');
      expect(center.ne.address).toMatch(/^वडा नं\. [०-९]+, /);
      expect(center.phone).toMatch(/^(0\d{1,2}-\d{6,7}|\+977 98\d{8})$/);
    }
  });

  it('have hours past midnight, and some closed on Saturday', () => {
    const hours = (c: (typeof centers)[number]) => c.openingHours as DayHours[];
    expect(centers.some((c) => weekIntervals(hours(c)).some(([start]) => start === 0))).toBe(true);
    expect(
      centers.some(
        (c) => c.openingHours.length > 0 && !c.openingHours.some((h) => h.day === 'saturday'),
      ),
    ).toBe(true);
  });
});
