// What the API benchmarks share: a registered session, and the endpoint benchmark's dataset and
// GET paths (the first trail, its first section and item, the user enrolled in it).
import { registerUser } from '../dist/client.js';
import { mainPhaseReadPaths } from '../dist/index.js';

/** Registers a fresh user; its cookies and CSRF token (the API's client: dist/client.js). */
export function session(url, role = 'bench') {
  return registerUser(url, {}, `bench-${role}`);
}

/** Enrols `auth` in the first trail; the ids used and the 15 GET paths of the endpoint benchmark. */
export async function endpointMix(url, auth) {
  const trails = await (await fetch(`${url}/trails/`)).json();
  const trailId = trails.trails[0].id;
  const sections = await (await fetch(`${url}/trails/${trailId}/sections-with-items`)).json();
  const sectionId = sections[0].id;
  const itemId = sections[0].items[0].id;
  await fetch(`${url}/user-trails/${trailId}/enroll`, {
    method: 'POST',
    headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf },
  });
  const paths = mainPhaseReadPaths({ trailId, sectionId, itemId });
  return { trailId, sectionId, itemId, sections, paths };
}
