import { billProblems, billTotal, lineAmount, type LineItem } from './line-items';

const item = (overrides: Partial<LineItem> = {}): LineItem => ({
  label: 'Engine oil 1 L',
  category: 'parts',
  quantity: 1,
  unitPricePaisa: 95000,
  amountPaisa: 95000,
  ...overrides,
});

describe('a bill of line items', () => {
  it('adds up when every line is quantity × price and the lines sum to the total', () => {
    const lines = [
      item({ quantity: 1.5, amountPaisa: 142500 }),
      item({ label: 'Labour', category: 'labour', unitPricePaisa: 50000, amountPaisa: 50000 }),
    ];
    expect(billProblems(192500, lines)).toEqual([]);
    expect(billTotal(undefined, lines)).toBe(192500);
  });

  it('names the line whose amount is not quantity × unit price', () => {
    expect(billProblems(null, [item(), item({ quantity: 2, amountPaisa: 95000 })])).toEqual([
      {
        path: ['lineItems', 1, 'amountPaisa'],
        message: 'must be quantity × unitPricePaisa (190000)',
      },
    ]);
  });

  it('names costPaisa when the lines do not sum to it', () => {
    expect(billProblems(100000, [item()])).toEqual([
      { path: ['costPaisa'], message: "must be the sum of the line items' amountPaisa (95000)" },
    ]);
  });

  it('takes a total without lines, and has none without either', () => {
    expect(billProblems(120000, [])).toEqual([]);
    expect(billTotal(120000, undefined)).toBe(120000);
    expect(billTotal(null, [])).toBeNull();
  });

  it('rounds a fractional quantity to the paisa', () => {
    expect(lineAmount(0.333, 1000)).toBe(333);
  });
});
