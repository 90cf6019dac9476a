import type { Core } from '@strapi/strapi';

/**
 * Domain events: how one domain tells others that something happened without importing
 * them (service-record completes a reminder, a document's expiry creates reminders). The
 * publisher names the event and its payload here; listeners subscribe in their domain's
 * `register` hook. Listeners run in order and are awaited, inside the publisher's request
 * (and its transaction, when the publisher runs in one): a listener that throws fails the
 * publisher's write, so a reminder is never left behind its service record.
 */
export interface DomainEvents {
  /** A service record reached `completed` (created completed, or completed later). */
  'service-record.completed': {
    ownerId: number;
    vehicleId: string;
    serviceRecordId: string;
    /** A service kind code from the catalog's service kinds (`oil-change`, ...). */
    kind: string;
    /** ISO date-time the service was done. */
    completedAt: string;
    odometerKm: number | null;
  };
  /**
   * A service record was deleted (by its owner, or with its vehicle): documents attached to
   * it (receipts) let go of it or go with it.
   */
  'service-record.deleted': { ownerId: number; vehicleId: string; serviceRecordId: string };
  /** A document was created or changed; `expiresOn` null when it has no expiry date. */
  'document.saved': {
    ownerId: number;
    vehicleId: string | null;
    documentId: string;
    kind: string;
    /** ISO date (YYYY-MM-DD). */
    expiresOn: string | null;
  };
  /** A document was deleted. */
  'document.deleted': { ownerId: number; documentId: string };
  /** A vehicle was deleted; its dependants (records, reminders, documents) go with it. */
  'vehicle.deleted': { ownerId: number; vehicleId: string };
}

export type DomainEventName = keyof DomainEvents;
type Listener<Name extends DomainEventName> = (
  payload: DomainEvents[Name],
  strapi: Core.Strapi,
) => Promise<void> | void;

const registries = new WeakMap<Core.Strapi, Map<DomainEventName, Listener<never>[]>>();

function listenersOf(strapi: Core.Strapi) {
  let registry = registries.get(strapi);
  if (!registry) {
    registry = new Map();
    registries.set(strapi, registry);
  }
  return registry;
}

/** Subscribes `listener` to `name` for this Strapi instance (call from a `register` hook). */
export function onDomainEvent<Name extends DomainEventName>(
  strapi: Core.Strapi,
  name: Name,
  listener: Listener<Name>,
): void {
  const registry = listenersOf(strapi);
  const list = registry.get(name) ?? [];
  list.push(listener as unknown as Listener<never>);
  registry.set(name, list);
}

/** Runs every listener of `name`, in subscription order, and waits for each. */
export async function publishDomainEvent<Name extends DomainEventName>(
  strapi: Core.Strapi,
  name: Name,
  payload: DomainEvents[Name],
): Promise<void> {
  const list = (registries.get(strapi)?.get(name) ?? []) as unknown as Listener<Name>[];
  for (const listener of list) await listener(payload, strapi);
}
