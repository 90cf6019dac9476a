// A CMS worker process for `npm run bench:reminders`: boots the compiled CMS (env from the
// parent) with the real reminders domain, whose bootstrap registers its source with the
// plugin, and obeys the parent over IPC:
//   { type: 'tick', at }              one scheduler tick at that instant
//   { type: 'create', ownerId, input } a reminder created by the domain's own service, the
//                                      path POST /api/reminders takes (the seed's dry run)
//   { type: 'stop' }
'use strict';

const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..', 'cms');

async function main() {
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  const plugin = strapi.plugin('reminders');
  process.on('message', async (command) => {
    try {
      if (command.type === 'tick') {
        const result = await plugin.service('scheduler').tick(new Date(command.at));
        process.send({ type: 'ticked', result });
      } else if (command.type === 'create') {
        const reminders = strapi.service('api::reminder.reminders');
        const view = await reminders.create(command.ownerId, command.input, 'en');
        process.send({ type: 'created', documentId: view.id });
      } else if (command.type === 'stop') {
        await strapi.destroy();
        process.exit(0);
      }
    } catch (error) {
      process.send({ type: 'error', message: error.stack ?? error.message });
    }
  });
  process.send({ type: 'ready' });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
