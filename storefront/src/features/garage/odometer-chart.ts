/** The drawing area of a chart, in SVG user units. */
export interface ChartBox {
  width: number;
  height: number;
  /** Room left for axis labels on each side. */
  inset: { top: number; right: number; bottom: number; left: number };
}

/** A reading as the chart needs it. */
export interface ChartReading {
  readingKm: number;
  /** `YYYY-MM-DD`. */
  readOn: string;
}

/** A reading placed in the box. */
export interface ChartPoint extends ChartReading {
  x: number;
  y: number;
}

/** Everything the chart component draws. */
export interface OdometerChartGeometry {
  points: ChartPoint[];
  /** Path data of the line through the points, oldest first. */
  line: string;
  lowestKm: number;
  highestKm: number;
  /** y of the lowest and highest reading, for their axis labels. */
  lowestY: number;
  highestY: number;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Maps `value` from [from, to] onto [start, end]; a range of zero maps to the middle. */
function scale(value: number, from: number, to: number, start: number, end: number): number {
  if (to === from) return (start + end) / 2;
  return start + ((value - from) / (to - from)) * (end - start);
}

function dayOf(reading: ChartReading): number {
  return Date.parse(`${reading.readOn}T00:00:00Z`);
}

/**
 * Places odometer readings, given newest first as the CMS lists them, in a chart box: time
 * runs left to right by date (oldest first), kilometres bottom to top. Readings all of one day
 * are spread evenly; readings all of one value sit at mid-height. Corrections can make the
 * line go down, and the chart shows that as it is.
 */
export function odometerChart(readings: ChartReading[], box: ChartBox): OdometerChartGeometry {
  if (readings.length === 0) {
    return { points: [], line: '', lowestKm: 0, highestKm: 0, lowestY: 0, highestY: 0 };
  }
  const sorted = readings
    .map((reading, index) => ({ reading, index }))
    .sort((a, b) => dayOf(a.reading) - dayOf(b.reading) || b.index - a.index)
    .map(({ reading }) => reading);
  const left = box.inset.left;
  const right = box.width - box.inset.right;
  const top = box.inset.top;
  const bottom = box.height - box.inset.bottom;
  const days = sorted.map(dayOf);
  const kms = sorted.map((reading) => reading.readingKm);
  const [firstDay, lastDay] = [Math.min(...days), Math.max(...days)];
  const [lowestKm, highestKm] = [Math.min(...kms), Math.max(...kms)];
  const points = sorted.map((reading, index) => ({
    ...reading,
    x: round(
      firstDay === lastDay
        ? scale(index, 0, sorted.length - 1, left, right)
        : scale(dayOf(reading), firstDay, lastDay, left, right),
    ),
    y: round(scale(reading.readingKm, lowestKm, highestKm, bottom, top)),
  }));
  const line = points
    .map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`)
    .join(' ');
  return {
    points,
    line,
    lowestKm,
    highestKm,
    lowestY: round(scale(lowestKm, lowestKm, highestKm, bottom, top)),
    highestY: round(scale(highestKm, lowestKm, highestKm, bottom, top)),
  };
}
