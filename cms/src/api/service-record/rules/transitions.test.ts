import { canLeave, frozenField } from './transitions';

describe('what a service record status lets change', () => {
  it('lets everything of a scheduled service change', () => {
    expect(frozenField('scheduled', { scheduledAt: 'x', kind: 'tyres', notes: 'n' })).toBeNull();
  });

  it('lets only notes and the bill of a completed service change, naming the first other field', () => {
    expect(frozenField('completed', { notes: 'receipt found', costPaisa: 1 })).toBeNull();
    expect(frozenField('completed', { notes: 'n', scheduledAt: 'x' })).toBe('scheduledAt');
  });

  it('lets nothing of a cancelled service change', () => {
    expect(frozenField('cancelled', { notes: 'n' })).toBe('notes');
  });

  it('completes or cancels only a scheduled service', () => {
    expect(canLeave('scheduled')).toBe(true);
    expect(canLeave('completed')).toBe(false);
    expect(canLeave('cancelled')).toBe(false);
  });
});
