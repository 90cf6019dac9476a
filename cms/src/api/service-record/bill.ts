import { InvalidField } from '../../lib/errors';
import { billProblems, type LineItem } from './rules/line-items';

/**
 * A record's bill as it will be stored. With lines, the total is always their sum: a
 * `costPaisa` sent beside them must equal it, and none (or null) takes it.
 */
export function settledBill(
  costPaisa: number | null | undefined,
  lineItems: readonly LineItem[] | null | undefined,
): { costPaisa: number | null; lineItems: LineItem[] } {
  const lines = [...(lineItems ?? [])];
  const total =
    costPaisa ?? (lines.length > 0 ? lines.reduce((sum, line) => sum + line.amountPaisa, 0) : null);
  const [problem] = billProblems(total, lines);
  if (problem) throw new InvalidField(problem.path.map(String), problem.message);
  return { costPaisa: total, lineItems: lines };
}

/** A kind of `other` needs its words (checked on the record as it will be). */
export function assertKindLabel(kind: string, kindLabel: string | null | undefined): void {
  if (kind === 'other' && !kindLabel) {
    throw new InvalidField('kindLabel', 'is required when kind is "other"');
  }
}
