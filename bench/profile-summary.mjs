// Summarises a .cpuprofile: where the samples' self time went, by function and by package
// (node_modules package, the portal's own chunks, Node internals). `node bench/profile-summary.mjs
// file.cpuprofile` prints it; `npm run bench:portal` calls it on the profile of its load.
import { readFileSync } from 'node:fs';

function packageOf(url) {
  if (!url) return '(native / idle / gc)';
  const match = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (match) return match[1];
  if (url.startsWith('node:')) return 'node internals';
  if (url.includes('/dist/server/')) return 'portal (dist/server)';
  return url.replace(/^file:\/\//, '');
}

export function summarise(profile, top = 25) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, index) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const total = [...self.values()].reduce((sum, value) => sum + value, 0) || 1;
  const functions = new Map();
  const packages = new Map();
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const name = `${functionName || '(anonymous)'} ${url ? `${url.split('/').slice(-2).join('/')}:${lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
    const pkg = packageOf(url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + micros);
  }
  const rows = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => `  ${((micros / total) * 100).toFixed(1).padStart(5)} %  ${name}`)
      .join('\n');
  return `self time by package:\n${rows(packages)}\nself time by function:\n${rows(functions)}`;
}

/** The same for a .heapprofile (sampled allocations): bytes allocated, by package and function. */
export function summariseHeap(profile, top = 25) {
  const functions = new Map();
  const packages = new Map();
  let total = 0;
  const visit = (node) => {
    const bytes = node.selfSize ?? 0;
    total += bytes;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url ? `${url.split('/').slice(-2).join('/')}:${lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + bytes);
    const pkg = packageOf(url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + bytes);
    for (const child of node.children ?? []) visit(child);
  };
  visit(profile.head);
  const rows = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([name, bytes]) =>
          `  ${((bytes / (total || 1)) * 100).toFixed(1).padStart(5)} %  ${(bytes / 1e6).toFixed(1).padStart(7)} MB  ${name}`,
      )
      .join('\n');
  return `bytes allocated by package (${(total / 1e6).toFixed(0)} MB sampled):\n${rows(packages)}\nby function:\n${rows(functions)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  console.log(profile.head ? summariseHeap(profile, 40) : summarise(profile, 40));
}
