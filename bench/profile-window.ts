import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `node dist/bench/profile-window.js <CPU_PROFILE_DIR> [mode]`: after `CPU_PROFILE_DIR=… npm run
 * bench`, where each service spent its CPU during one mode's closed loop only (not the seeding or
 * the drafts), by package or app folder and by function (self time).
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

function main(): void {
  const [dir, mode = 'spread'] = process.argv.slice(2);
  if (!dir) throw new Error('usage: profile-window <CPU_PROFILE_DIR> [mode]');
  const report = JSON.parse(readFileSync(join(__dirname, '../../.local/bench-report.json'), 'utf8'));
  const window = report[mode]?.saga?.monotonicWindowUs as { start: number; end: number } | undefined;
  if (!window) throw new Error(`the bench report has no ${mode} closed loop`);
  const orders = report[mode].saga.orders as number;
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .sort()) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
    // Time waiting for work is not spent: shares are of the busy time.
    const selfUs = new Map([...selfTimeIn(profile, window)].filter(([id]) => byNode.get(id)!.callFrame.functionName !== '(idle)'));
    const total = [...selfUs.values()].reduce((sum, us) => sum + us, 0);
    const byPlace = new Map<string, number>();
    const byFunction = new Map<string, number>();
    for (const [id, us] of selfUs) {
      const { functionName, url, lineNumber } = byNode.get(id)!.callFrame;
      add(byPlace, placeOf(url, functionName), us);
      add(byFunction, `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`, us);
    }
    // Wall-clock samples: on a saturated machine they include time the thread was runnable but not
    // running, so compare shares; CpuMeter's /proc figures are the CPU actually used.
    console.log(`\n${file.replace('.cpuprofile', '')}: ${round(total / 1000 / orders)} ms per order busy on the JS thread (wall clock)`);
    for (const [place, us] of top(byPlace, 12)) console.log(`  ${pct(us, total)}  ${place}`);
    console.log('  top functions:');
    for (const [name, us] of top(byFunction, 15)) console.log(`  ${pct(us, total)}  ${name}`);
  }
}

/** Self time per profile node, counting only the samples taken inside the window. */
function selfTimeIn(profile: CpuProfile, window: { start: number; end: number }): Map<number, number> {
  const self = new Map<number, number>();
  let time = profile.startTime;
  for (let index = 0; index < profile.samples.length; index += 1) {
    const delta = profile.timeDeltas[index] ?? 0;
    time += delta;
    if (time < window.start || time > window.end) continue;
    add(self, profile.samples[index]!, profile.timeDeltas[index + 1] ?? delta);
  }
  return self;
}

/** The npm package, the app or lib folder, or V8's own entries ((garbage collector), (program)). */
function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return packageMatch[1]!;
  const ownMatch = /dist\/((?:apps|libs)\/[^/]+(?:\/src\/[^/]+)?)/.exec(url);
  if (ownMatch) return ownMatch[1]!;
  return url.startsWith('node:') ? `node (${url.split('/')[0]})` : shortUrl(url);
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\/.*?(node_modules|dist)\//, '$1/');
}

function add<K>(map: Map<K, number>, key: K, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

function top<K>(map: Map<K, number>, count: number): [K, number][] {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
}

function pct(part: number, total: number): string {
  return `${((part / total) * 100).toFixed(1).padStart(5)} %`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

main();
