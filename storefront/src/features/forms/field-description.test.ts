import { describe, expect, it } from 'vitest';
import { fieldDescription } from './field-description';

describe('fieldDescription', () => {
  it('describes a field by its hint and error, whichever are shown', () => {
    expect(fieldDescription('vin', 'hint', 'error')).toEqual({
      hintId: 'vin-hint',
      errorId: 'vin-error',
      describedBy: 'vin-hint vin-error',
    });
    expect(fieldDescription('vin', undefined, 'error').describedBy).toBe('vin-error');
    expect(fieldDescription('vin').describedBy).toBeUndefined();
  });
});
