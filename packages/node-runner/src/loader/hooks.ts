// Node module hooks (run on the loader thread): map k6 specifiers to our shims, refuse the rest,
// and give each VU its own module instances (see runtime/vu-context.ts).
import { isBuiltin } from 'node:module';

const SHIMS: Record<string, string> = {
  k6: 'k6.js',
  'k6/http': 'http.js',
  'k6/metrics': 'metrics.js',
  'k6/execution': 'execution.js',
};

let shimBase = '';
let distBase = '';

interface ResolveContext {
  parentURL?: string;
}
interface ResolveResult {
  url: string;
  format?: string | null;
  shortCircuit?: boolean;
}
interface LoadResult {
  format: string;
  source?: string | ArrayBuffer | Uint8Array | null;
  shortCircuit?: boolean;
}

export function initialize(data: { shimBase: string }): void {
  shimBase = data.shimBase;
  distBase = shimBase.replace(/shims\/$/, '');
}

/** `?vu=N` of a module URL, or '' for modules shared by all VUs. */
function vuQuery(url: string | undefined): string {
  const m = url ? /[?&](vu=\d+)/.exec(url) : null;
  return m ? `?${m[1]}` : '';
}

/** A script module (JavaScript under file:, not the runner's own code). */
function isScriptModule(url: string): boolean {
  const path = url.split('?')[0] ?? url;
  return url.startsWith('file:') && /\.(m?js)$/.test(path) && !url.startsWith(distBase);
}

export async function resolve(
  specifier: string,
  context: ResolveContext,
  nextResolve: (s: string, c: ResolveContext) => Promise<ResolveResult>,
): Promise<ResolveResult> {
  const vu = vuQuery(context.parentURL);
  const shim = SHIMS[specifier];
  if (shim) return { url: shimBase + shim + vu, shortCircuit: true };
  if (specifier === 'k6' || specifier.startsWith('k6/')) {
    throw new Error(
      `k6-node: module '${specifier}' is not supported by the Node runner (supported: k6, k6/http, k6/metrics, k6/execution); run the script with the real k6 binary (https://grafana.com/docs/k6/latest/set-up/install-k6/)`,
    );
  }
  // k6 has no Node built-ins; through them (child_process, worker_threads, process) a script
  // could end or signal the runner behind the engine's back. Packages a script imports keep them.
  if (
    isBuiltin(specifier) &&
    context.parentURL &&
    isScriptModule(context.parentURL) &&
    !context.parentURL.includes('/node_modules/')
  ) {
    throw new Error(
      `k6-node: module '${specifier}' is a Node built-in, which k6 scripts cannot import (k6 has no Node API); use the k6 modules (k6, k6/http, k6/metrics, k6/execution)`,
    );
  }
  if (/^https?:\/\//.test(specifier)) {
    throw new Error(
      `k6-node: remote module '${specifier}' is not supported by the Node runner; bundle it or run the script with the real k6 binary`,
    );
  }
  // Every VU resolves the same imports of the same files: resolve each pair once.
  const parentPath = context.parentURL?.split('?')[0] ?? '';
  const key = `${specifier}\0${parentPath}`;
  let resolved = resolutions.get(key);
  if (!resolved) {
    resolved = await nextResolve(specifier, context);
    if (parentPath.startsWith('file:')) resolutions.set(key, resolved);
  }
  // Modules a VU's script imports are that VU's too, as k6 evaluates every module per VU.
  if (vu && isScriptModule(resolved.url) && !resolved.url.includes('?'))
    return { ...resolved, url: resolved.url + vu, shortCircuit: true };
  return { ...resolved, shortCircuit: true };
}

// Per-VU module instances load the same few files again and again (the script, the k6
// modules): keep their resolutions and sources for the run.
const resolutions = new Map<string, ResolveResult>();
const sources = new Map<string, LoadResult>();

async function loadOnce(
  url: string,
  context: { format?: string | null },
  nextLoad: (u: string, c: { format?: string | null }) => Promise<LoadResult>,
): Promise<LoadResult> {
  const path = url.split('?')[0] ?? url;
  let loaded = sources.get(path);
  if (!loaded) {
    const first = await nextLoad(path, context);
    // As text: a returned Uint8Array's memory moves to the importing thread (and is gone here).
    const source = first.source;
    loaded = {
      format: first.format,
      source:
        source === null || source === undefined || typeof source === 'string'
          ? source
          : new TextDecoder().decode(source),
    };
    sources.set(path, loaded);
  }
  return loaded;
}

const GLOBALS = ['__VU', '__ITER', '__ENV'];

/**
 * Imports the VU's `__VU`/`__ITER`/`__ENV` bindings into a script module that uses them, on
 * its first line (line numbers in stack traces stay right). A module that declares or assigns
 * one of them itself keeps the global versions.
 */
function withVuGlobals(source: string, vu: string): string {
  const used = GLOBALS.filter((name) => source.includes(name));
  if (used.length === 0) return source;
  const names = used.join('|');
  const own = new RegExp(
    `\\b(?:var|let|const|function|class)\\s+(?:${names})\\b|\\b(?:${names})\\s*=(?!=)`,
  );
  if (own.test(source)) return source;
  const line = `import { ${used.join(', ')} } from ${JSON.stringify(`${shimBase}globals.js${vu}`)};`;
  if (!source.startsWith('#!')) return line + source;
  const eol = source.indexOf('\n') + 1;
  return source.slice(0, eol) + line + source.slice(eol);
}

export async function load(
  url: string,
  context: { format?: string | null },
  nextLoad: (u: string, c: { format?: string | null }) => Promise<LoadResult>,
): Promise<LoadResult> {
  const vu = vuQuery(url);
  if (!isScriptModule(url) || url.includes('/node_modules/')) {
    // The k6 modules' per-VU instances (`…/shims/http.js?vu=3`) share one read of the file.
    if (vu && url.startsWith(distBase))
      return { ...(await loadOnce(url, context, nextLoad)), shortCircuit: true };
    return nextLoad(url, context);
  }
  // k6 scripts are ES modules even without a package.json saying so.
  const loaded = vu
    ? await loadOnce(url, { ...context, format: 'module' }, nextLoad)
    : await nextLoad(url, { ...context, format: 'module' });
  if (!vu || loaded.source === null || loaded.source === undefined) return loaded;
  return { ...loaded, source: withVuGlobals(String(loaded.source), vu), shortCircuit: true };
}
