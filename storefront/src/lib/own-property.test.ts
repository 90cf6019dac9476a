import { describe, expect, it } from 'vitest';
import { ownProperty } from './own-property';

describe('ownProperty', () => {
  const table = { petrol: 'Petrol' };

  it('answers a key the table has', () => {
    expect(ownProperty(table, 'petrol')).toBe('Petrol');
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'missing'])(
    'answers undefined for %s, which the table only inherits or lacks',
    (key) => {
      expect(ownProperty(table, key)).toBeUndefined();
    },
  );
});
