// Node module hooks (run on the loader thread): map k6 specifiers to our shims, refuse the rest.
const SHIMS: Record<string, string> = {
  k6: 'k6.js',
  'k6/http': 'http.js',
  'k6/metrics': 'metrics.js',
  'k6/execution': 'execution.js',
};

let shimBase = '';

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
}

export async function resolve(
  specifier: string,
  context: ResolveContext,
  nextResolve: (s: string, c: ResolveContext) => Promise<ResolveResult>,
): Promise<ResolveResult> {
  const shim = SHIMS[specifier];
  if (shim) return { url: shimBase + shim, shortCircuit: true };
  if (specifier === 'k6' || specifier.startsWith('k6/')) {
    throw new Error(
      `k6-node: module '${specifier}' is not supported by the Node runner (supported: k6, k6/http, k6/metrics, k6/execution); run the script with the real k6 binary (https://grafana.com/docs/k6/latest/set-up/install-k6/)`,
    );
  }
  if (/^https?:\/\//.test(specifier)) {
    throw new Error(
      `k6-node: remote module '${specifier}' is not supported by the Node runner; bundle it or run the script with the real k6 binary`,
    );
  }
  return nextResolve(specifier, context);
}

export async function load(
  url: string,
  context: { format?: string | null },
  nextLoad: (u: string, c: { format?: string | null }) => Promise<LoadResult>,
): Promise<LoadResult> {
  // k6 scripts are ES modules even without a package.json saying so.
  const path = url.split('?')[0] ?? url;
  if (
    url.startsWith('file:') &&
    /\.(m?js)$/.test(path) &&
    !path.includes('/node_modules/') &&
    !url.startsWith(shimBase.replace(/shims\/$/, ''))
  ) {
    return nextLoad(url, { ...context, format: 'module' });
  }
  return nextLoad(url, context);
}
