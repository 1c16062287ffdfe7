// A micro-cache for the signed-out view of public pages, kept in each instance's memory for a
// second: under load a page is rendered about once a second per address instead of once per
// visitor, and nobody sees anything older than a second and a half (a copy past its second is served
// while the next one renders). What a CDN does with the
// pages' Cache-Control for a minute, the origin does for itself for a second — so a busy site
// with no CDN in front still serves a post or a profile from memory.
//
// Only for requests with no session cookie, GET/HEAD, HTML (not the client router's RSC
// fetches). A miss is rendered by the app itself, through a request to this same server with
// no cookies at all but the visitor's theme (lib/theme.ts): the page is kept per address and
// theme, so a visitor who chose dark never gets the light copy. Concurrent misses for one
// address and theme share that render. Every response
// gets a fresh CSP nonce: the cached page's nonce is replaced in the body and the header,
// so the script policy is as strict as on an uncached page. Any server action clears the
// whole cache on this instance (writes are rare next to reads); other instances follow
// within the second. A visitor's forced reload (Cache-Control: no-cache) always renders.
import { LRUCache } from 'lru-cache';
import { THEME_COOKIE, type Theme } from '@/lib/theme';

export const PAGE_CACHE_SECONDS = 1;
/** The oldest copy served while a fresh one renders: about what a page can lag a write on another instance. */
export const STALE_SECONDS = 1.5;

type Entry = { body: string; headers: [string, string][]; nonce: string; storedAt: number };

type Holder = {
  __askOrGrowPageCache?: { entries: LRUCache<string, Entry>; inflight: Map<string, Promise<Entry | undefined>> };
};
const holder = globalThis as unknown as Holder;

function state() {
  holder.__askOrGrowPageCache ??= {
    entries: new LRUCache<string, Entry>({ max: 500, maxSize: 64 * 1024 * 1024, sizeCalculation: (e) => e.body.length + 1 }),
    inflight: new Map(),
  };
  return holder.__askOrGrowPageCache;
}

/** Forgets every cached page on this instance: after any write. */
export function clearPageCache() {
  state().entries.clear();
}

/** Headers the cached copy keeps; the rest belong to one response (length, date, cookies, policy). */
const DROPPED = new Set(['set-cookie', 'content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'content-security-policy']);

/** This server's own address, as `next start` and `next dev` record it. */
const selfOrigin = () => process.env.__NEXT_PRIVATE_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;

/** Marks the cache's own render requests, so they are rendered rather than served from the cache. */
export const RENDER_HEADER = 'x-ask-or-grow-render';

export function wantsFreshRender(headers: Headers) {
  return headers.has(RENDER_HEADER) || /\bno-cache\b/.test(headers.get('cache-control') ?? '') || /\bno-cache\b/.test(headers.get('pragma') ?? '');
}

/** The page rendered for a visitor with no cookies but `theme`'s; undefined when it is not a 200 HTML page. */
async function render(pathWithSearch: string, theme: Theme): Promise<Entry | undefined> {
  const themeCookie: Record<string, string> = theme === 'system' ? {} : { cookie: `${THEME_COOKIE}=${theme}` };
  const response = await fetch(`${selfOrigin()}${pathWithSearch}`, {
    headers: { [RENDER_HEADER]: '1', 'cache-control': 'no-cache', accept: 'text/html', ...themeCookie },
    redirect: 'manual',
  });
  const type = response.headers.get('content-type') ?? '';
  const policy = response.headers.get('content-security-policy') ?? '';
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  if (response.status !== 200 || !type.startsWith('text/html') || !nonce) {
    await response.arrayBuffer().catch(() => undefined);
    return undefined;
  }
  const body = await response.text();
  return { body, headers: [...response.headers].filter(([k]) => !DROPPED.has(k.toLowerCase())), nonce, storedAt: Date.now() };
}

/**
 * The page for `pathWithSearch` in `theme` with `nonce` in it, from the cache or rendered now, or
 * undefined when it cannot be cached (not a 200 HTML page): then the caller lets the request
 * through to be rendered as usual.
 */
export async function cachedPage(
  pathWithSearch: string,
  theme: Theme,
  nonce: string,
  policy: string,
  extraHeaders: Record<string, string>,
): Promise<Response | undefined> {
  const { entries, inflight } = state();
  const key = `${theme} ${pathWithSearch}`;
  let entry = entries.get(key);
  const age = entry ? Date.now() - entry.storedAt : Infinity;
  const refresh = () => {
    let pending = inflight.get(key);
    if (!pending) {
      pending = render(pathWithSearch, theme)
        .then((rendered) => {
          if (rendered) entries.set(key, rendered);
          return rendered;
        })
        .finally(() => inflight.delete(key));
      inflight.set(key, pending);
    }
    return pending;
  };
  // Past its second but within two: served as it is while a fresh copy renders in the background,
  // so no visitor waits for a render while the page is busy.
  if (entry && age > PAGE_CACHE_SECONDS * 1000 && age <= STALE_SECONDS * 1000) refresh().catch(() => undefined);
  if (!entry || age > STALE_SECONDS * 1000) {
    const pending = refresh();
    let rendered: Entry | undefined;
    try {
      rendered = await pending;
    } catch {
      return undefined;
    }
    if (!rendered) return undefined;
    entry = rendered;
  }
  const headers = new Headers(entry.headers);
  headers.set('content-security-policy', policy);
  for (const [k, v] of Object.entries(extraHeaders)) headers.set(k, v);
  return new Response(entry.body.replaceAll(entry.nonce, nonce), { status: 200, headers });
}
