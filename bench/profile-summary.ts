// Reads a V8 CPU profile (node --cpu-prof) and says where the time went: self time by part of the
// stack (React and Next's render runtime, the app's bundle, Node's own streams and sockets, the
// database driver, garbage collection) and the busiest functions. For `npm run bench -- --profile`.
import { readFileSync } from 'node:fs';

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Which part of the stack a function belongs to, from the file it was loaded from. */
export function partOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'V8 and native code (program)';
    return 'native built-ins';
  }
  if (url.startsWith('node:')) return 'Node core (http, streams, zlib, crypto)';
  if (/next\/dist\/compiled\/next-server\/app-page/.test(url)) return "React's server renderer + Next's app runtime";
  if (/next\/dist\/compiled\//.test(url)) return "Next's other compiled libraries";
  if (/next\/dist\//.test(url)) return 'Next server (routing, proxy, response)';
  if (/\/\.next\/server\//.test(url)) return "the app's bundle (pages, queries, drizzle, markdown)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `package ${pkg[1]}`;
  return 'other';
}

const describe = (frame: CallFrame) => {
  const where = frame.url ? `${frame.url.replace(/^.*node_modules\//, '').replace(/^.*\/\.next\//, '.next/')}:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'} ${where}`.trim();
};

export function summarizeProfile(file: string, top = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const parts = new Map<string, number>();
  const functions = new Map<string, number>();
  // For each function, the app or framework frames it was called from (the first caller with a
  // name that is not Node's own), so a busy built-in can be traced to who uses it.
  const callers = new Map<string, Map<string, number>>();
  let busy = 0;
  for (const [id, micros] of self) {
    const frame = byId.get(id)!.callFrame;
    const part = partOf(frame);
    if (part === 'idle') continue;
    busy += micros;
    parts.set(part, (parts.get(part) ?? 0) + micros);
    const key = describe(frame);
    functions.set(key, (functions.get(key) ?? 0) + micros);
    let up = parentOf.get(id);
    while (up !== undefined && (!byId.get(up)!.callFrame.url || byId.get(up)!.callFrame.url.startsWith('node:'))) up = parentOf.get(up);
    const caller = up === undefined ? '(root)' : describe(byId.get(up)!.callFrame);
    const byCaller = callers.get(key) ?? new Map<string, number>();
    byCaller.set(caller, (byCaller.get(caller) ?? 0) + micros);
    callers.set(key, byCaller);
  }
  const share = (micros: number) => Math.round((micros / busy) * 1000) / 10;
  return {
    busySeconds: Math.round(busy / 1e4) / 100,
    parts: [...parts].sort((a, b) => b[1] - a[1]).map(([part, micros]) => ({ part, percent: share(micros) })),
    functions: [...functions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, micros]) => ({
        function: fn,
        percent: share(micros),
        calledFrom: [...callers.get(fn)!].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([caller, m]) => `${caller} (${share(m)}%)`),
      })),
  };
}
