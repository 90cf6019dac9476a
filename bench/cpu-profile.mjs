// Preloaded into the portal by `npm run bench:portal` when BENCH_PROFILE=1 (node --import).
// Unlike `node --cpu-prof`, which samples from start to exit (build of the module graph,
// idle waits, shutdown), this samples only between two SIGUSR2 signals, which the benchmark
// sends around its load, so the profile holds nothing but requests under load.
// BENCH_PROFILE_KIND=heap samples allocations instead (where the bytes the garbage collector
// then has to sweep are allocated), into a .heapprofile.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const heap = process.env.BENCH_PROFILE_KIND === 'heap';
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
    if (heap) {
      // Every 16 kB allocated on average (V8's default is 32 kB); young objects included.
      await post('HeapProfiler.startSampling', {
        samplingInterval: 16384,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
      return;
    }
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 200 });
    await post('Profiler.start');
    return;
  }
  running = false;
  const { profile } = await post(heap ? 'HeapProfiler.stopSampling' : 'Profiler.stop');
  writeFileSync(output, JSON.stringify(profile));
  process.stderr.write(`[cpu-profile] wrote ${output}\n`);
});
