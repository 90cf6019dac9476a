import { InvalidField } from '../../lib/errors';
import { billProblems, type LineItem } from './rules/line-items';

/** A record's bill as it will be stored: lines given without a total take their sum. */
export function settledBill(
  costPaisa: number | null | undefined,
  lineItems: readonly LineItem[] | null | undefined,
  linesChanged: boolean,
): { costPaisa: number | null; lineItems: LineItem[] } {
  const lines = [...(lineItems ?? [])];
  const total =
    costPaisa === undefined && linesChanged && lines.length > 0
      ? lines.reduce((sum, line) => sum + line.amountPaisa, 0)
      : (costPaisa ?? null);
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
