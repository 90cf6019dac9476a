import type { Core } from '@strapi/strapi';
import { onDomainEvent, publishDomainEvent } from './domain-events';

const fakeStrapi = () => ({}) as unknown as Core.Strapi;

describe('domain events', () => {
  it('runs listeners in order, awaits each, and keeps instances apart', async () => {
    const one = fakeStrapi();
    const two = fakeStrapi();
    const seen: string[] = [];
    onDomainEvent(one, 'document.deleted', async (payload) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(`first:${payload.documentId}`);
    });
    onDomainEvent(one, 'document.deleted', (payload) => {
      seen.push(`second:${payload.documentId}`);
    });
    await publishDomainEvent(one, 'document.deleted', { ownerId: 1, documentId: 'd1' });
    await publishDomainEvent(two, 'document.deleted', { ownerId: 1, documentId: 'd2' });
    expect(seen).toEqual(['first:d1', 'second:d1']);
  });

  it('fails the publisher when a listener throws', async () => {
    const strapi = fakeStrapi();
    onDomainEvent(strapi, 'vehicle.deleted', () => {
      throw new Error('listener failed');
    });
    await expect(
      publishDomainEvent(strapi, 'vehicle.deleted', { ownerId: 1, vehicleId: 'v' }),
    ).rejects.toThrow('listener failed');
  });
});
