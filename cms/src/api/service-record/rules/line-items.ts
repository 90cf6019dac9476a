/** What a line item of a service's bill is for. */
export const LINE_ITEM_CATEGORIES = ['parts', 'labour', 'other'] as const;
export type LineItemCategory = (typeof LINE_ITEM_CATEGORIES)[number];

/**
 * One line of a bill; money in paisa (1 NPR = 100 paisa), integers, never floats. A type,
 * not an interface, so that it is a JSON value the Document Service stores as it is.
 */
export type LineItem = {
  label: string;
  category: LineItemCategory;
  quantity: number;
  unitPricePaisa: number;
  amountPaisa: number;
};

export interface LineItemProblem {
  path: Array<string | number>;
  message: string;
}

/** A line's amount: quantity × unit price, rounded to the paisa (0.5 L of oil is fine). */
export const lineAmount = (quantity: number, unitPricePaisa: number) =>
  Math.round(quantity * unitPricePaisa);

/**
 * Why a bill does not add up, or nothing when it does: each line's amount must be its
 * quantity × unit price, and the lines must sum to the total (`costPaisa`).
 */
export function billProblems(
  costPaisa: number | null | undefined,
  lineItems: readonly LineItem[] | null | undefined,
): LineItemProblem[] {
  const items = lineItems ?? [];
  const problems: LineItemProblem[] = [];
  items.forEach((item, index) => {
    const expected = lineAmount(item.quantity, item.unitPricePaisa);
    if (item.amountPaisa !== expected) {
      problems.push({
        path: ['lineItems', index, 'amountPaisa'],
        message: `must be quantity × unitPricePaisa (${expected})`,
      });
    }
  });
  if (items.length > 0 && costPaisa !== null && costPaisa !== undefined) {
    const sum = items.reduce((total, item) => total + item.amountPaisa, 0);
    if (sum !== costPaisa) {
      problems.push({
        path: ['costPaisa'],
        message: `must be the sum of the line items' amountPaisa (${sum})`,
      });
    }
  }
  return problems;
}

/** The total a bill states: `costPaisa` when given, else the sum of its lines, else null. */
export function billTotal(
  costPaisa: number | null | undefined,
  lineItems: readonly LineItem[] | null | undefined,
): number | null {
  if (costPaisa !== null && costPaisa !== undefined) return costPaisa;
  if (!lineItems || lineItems.length === 0) return null;
  return lineItems.reduce((total, item) => total + item.amountPaisa, 0);
}
