import { register } from 'node:module';

let registered = false;

/** Installs the k6 module hooks once per process. */
export function registerK6Hooks(): void {
  if (registered) return;
  registered = true;
  const shimBase = new URL('../shims/', import.meta.url).href;
  register(new URL('./hooks.js', import.meta.url), { data: { shimBase } });
}
