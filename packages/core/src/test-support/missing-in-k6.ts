// What k6's JavaScript runtime lacks that Node and browsers have (test-data/k6-golden/
// 05-syntax.out): every test that guards k6-bound code or a built bundle checks against this
// one list. The k6 suites of other packages import it by path, as it is test support only.

/** Global names that do not exist in k6: code bound for a k6 bundle must not use them. */
export const GLOBALS_K6_LACKS = [
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'structuredClone',
  'AbortController',
  'performance',
  'Intl',
  'Buffer',
  'process',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'require',
] as const;
