import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { catalogIds } from '../harness';

/** Every fixture owner's password. */
export const OWNER_PASSWORD = 'Phewa-Lake-Pokhara-822';

/** A signed-up owner and their bearer-token calls (bodies go as `{ data }`). */
export interface Owner {
  id: number;
  email: string;
  jwt: string;
  auth: { authorization: string };
  get(url: string): request.Test;
  /** No `data`: no body at all (action routes refuse an empty `{ data: {} }`). */
  post(url: string, data?: object, headers?: Record<string, string>): request.Test;
  put(url: string, data: object): request.Test;
  del(url: string): request.Test;
}

/** What `addVehicle` answers: the created vehicle as the API shows it. */
export type CreatedVehicle = { id: string } & Record<string, unknown>;

/**
 * Owners and vehicles through the real API, for one test file (one booted Strapi). Owners
 * sign up each from an address of their own (`x-forwarded-for`), clear of the registration
 * limit; `profile` is then applied through `PUT /api/profile`. A vehicle is a 2019 Bajaj
 * Pulsar 150 of the seeded catalog with a fresh zonal plate, unless `fields` say otherwise.
 */
export function ownerFixture(strapi: () => Core.Strapi, label: string) {
  const http = () => request(strapi().server.httpServer);
  let signUps = 0;
  let plates = 0;
  let pulsar: { make: string; model: string } | undefined;

  /** A fresh, valid zonal registration number (unique within the file). */
  const nextPlate = () => {
    plates += 1;
    return `BA ${1 + Math.floor(plates / 9000)} PA ${1000 + (plates % 9000)}`;
  };

  /** `as` starts the email address instead of the fixture's label. */
  async function signUp(profile: Record<string, unknown> = {}, as = label): Promise<Owner> {
    signUps += 1;
    const email = `${as}-${randomBytes(4).toString('hex')}@example.com`;
    const response = await http()
      .post('/api/auth/local/register')
      .set('x-forwarded-for', `198.51.${100 + Math.floor(signUps / 250)}.${1 + (signUps % 250)}`)
      .send({ username: email, email, password: OWNER_PASSWORD });
    expect([response.status, response.body.error]).toEqual([200, undefined]);
    const jwt = response.body.jwt as string;
    const auth = { authorization: `Bearer ${jwt}` };
    const owner: Owner = {
      id: response.body.user.id as number,
      email,
      jwt,
      auth,
      get: (url) => http().get(url).set(auth),
      post: (url, data, headers = {}) => {
        const call = http()
          .post(url)
          .set({ ...auth, ...headers });
        return data === undefined ? call : call.send({ data });
      },
      put: (url, data) => http().put(url).set(auth).send({ data }),
      del: (url) => http().delete(url).set(auth),
    };
    if (Object.keys(profile).length > 0) {
      const changed = await owner.put('/api/profile', profile);
      expect([changed.status, changed.body.error]).toEqual([200, undefined]);
    }
    return owner;
  }

  async function addVehicle(owner: Owner, fields: object = {}): Promise<CreatedVehicle> {
    pulsar ??= await catalogIds(strapi(), 'bajaj', 'pulsar-150');
    const response = await owner.post('/api/vehicles', {
      makeId: pulsar.make,
      modelId: pulsar.model,
      year: 2019,
      registrationNumber: nextPlate(),
      ...fields,
    });
    expect([response.status, response.body.error]).toEqual([201, undefined]);
    return response.body.data as CreatedVehicle;
  }

  return { http, signUp, addVehicle, nextPlate };
}
