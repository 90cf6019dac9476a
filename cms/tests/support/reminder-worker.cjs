// A CMS worker process for the reminders plugin's tests: boots the compiled CMS (env from the
// parent), registers the test source, and obeys the parent over IPC: { type: 'tick', at },
// { type: 'stop' }. REMINDER_TEST_CRASH="<point>:<key prefix>" makes the process exit at that
// point of a delivery (the test's kill -9), set right after boot.
'use strict';

const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');
const { createNoticeTable, tableSource } = require('./reminder-source.cjs');

const appDir = path.resolve(__dirname, '..', '..');

async function main() {
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  const plugin = strapi.plugin('reminders');
  const crash = process.env.REMINDER_TEST_CRASH;
  if (crash) {
    const [point, ...prefix] = crash.split(':');
    plugin.service('dispatch').setCrashPoint(point, prefix.join(':'));
  }
  await createNoticeTable(strapi.db.connection);
  plugin.service('sources').register(tableSource(strapi.db.connection));
  process.on('message', async (command) => {
    try {
      if (command.type === 'tick') {
        const result = await plugin.service('scheduler').tick(new Date(command.at));
        process.send({ type: 'ticked', result });
      } else if (command.type === 'stop') {
        await strapi.destroy();
        process.exit(0);
      }
    } catch (error) {
      process.send({ type: 'error', message: error.message });
    }
  });
  process.send({ type: 'ready' });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
