import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { RemindersConfig } from './config';
import { PLUGIN } from './constants';
import { createDispatcher, type Dispatcher } from './dispatch';
import { createDeliveryMetrics, type DeliveryMetrics } from './metrics';
import { createScheduler, createSourceRegistry, type Registry, type Scheduler } from './scheduler';

export interface Runtime {
  config: RemindersConfig;
  sources: Registry;
  metrics: DeliveryMetrics;
  dispatcher: Dispatcher;
  scheduler: Scheduler;
}

const runtimes = new WeakMap<Core.Strapi, Runtime>();

/** The plugin's parts, made once per Strapi instance (a test may boot two in one process). */
export function runtime(strapi: Core.Strapi): Runtime {
  let parts = runtimes.get(strapi);
  if (!parts) {
    const config = strapi.config.get(`plugin::${PLUGIN}`) as RemindersConfig;
    const appRoot = strapi.dirs?.app?.root ?? path.resolve('.');
    const sources = createSourceRegistry();
    const metrics = createDeliveryMetrics(strapi);
    const dispatcher = createDispatcher(strapi, config, metrics, appRoot);
    const scheduler = createScheduler(strapi, config, sources, dispatcher, metrics);
    parts = { config, sources, metrics, dispatcher, scheduler };
    runtimes.set(strapi, parts);
  }
  return parts;
}
