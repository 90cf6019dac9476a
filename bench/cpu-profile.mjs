// Preloaded into the portal by `npm run bench:portal` when BENCH_PROFILE=1 (node --import).
// Unlike `node --cpu-prof`, which samples from start to exit (build of the module graph,
// idle waits, shutdown), this samples only between two SIGUSR2 signals, which the benchmark
// sends around its load, so the profile holds nothing but requests under load.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const output = process.env.BENCH_PROFILE_FILE ?? `portal-${process.pid}.cpuprofile`;
const session = new Session();
session.connect();
const post = (method, params) =>
  new Promise((resolve, reject) =>
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
  );

let running = false;
process.on('SIGUSR2', async () => {
  if (!running) {
    running = true;
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 200 });
    await post('Profiler.start');
    return;
  }
  running = false;
  const { profile } = await post('Profiler.stop');
  writeFileSync(output, JSON.stringify(profile));
  process.stderr.write(`[cpu-profile] wrote ${output}\n`);
});
