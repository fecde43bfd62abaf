// What the API benchmarks share: a registered session, and the endpoint benchmark's dataset and
// GET paths (the first trail, its first section and item, the user enrolled in it).
import { mainPhaseReadPaths } from '../dist/index.js';

/** Registers a fresh user; its cookies and CSRF token. */
export async function session(url, role = 'bench') {
  const ms = `${role}-${Date.now()}`;
  const response = await fetch(`${url}/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${ms}@example.com`,
      password: 'Bench@123',
      name_for_certificate: 'Bench',
      username: `bench_${ms}`,
      sex: 'M',
      color: 'NS',
      birthday: '1990-01-01',
    }),
  });
  const cookies = response.headers.getSetCookie().map((line) => line.split(';')[0]);
  const csrf = response.headers.get('x-csrf-token');
  return { cookie: cookies.join('; '), csrf };
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
