import { describe, expect, it } from 'vitest';
import { connect } from '../db/connect.js';
import { itemsInLockOrder } from '../fixture/content.js';
import type { FixtureTrail } from '../fixture/types.js';
import { createRepositories } from './index.js';
import { useSeededDatabase } from './test-support/seeded.js';

// Twelve items per trail: one lost update leaves 11/12 = 91.67 %, the figure the issue saw.
const seeded = useSeededDatabase('race', { seed: 16, itemsPerSection: 6 });
const DATA = seeded.data;
const { tid, iid, newUser } = seeded;
const trail = DATA.trails[0] as FixtureTrail;
const USERS = 16;

const enrolmentsOf = (userIds: number[], trailId: number) =>
  seeded.t.client`
    select ut.user_id::int as user_id, ut.progress_percent::float8 as percent, es.code as status,
           ut.completed_at is not null as has_completed_at,
           (select count(*)::int from trail_certificates c
             where c.user_id = ut.user_id and c.trail_id = ut.trail_id) as certificates
    from user_trails ut join lk_enrollment_status es on es.id = ut.status_id
    where ut.trail_id = ${trailId} and ut.user_id = any(${userIds}::bigint[])
    order by ut.user_id`;

describe('concurrent item writes of one enrolment (no lost update of user_trails)', () => {
  it(`${USERS} users x every item COMPLETED at once (with progress reads in between): all 100 % / COMPLETED, one certificate each`, async () => {
    const trailId = tid(trail);
    const items = itemsInLockOrder(trail).map(iid);
    expect(items).toHaveLength(12);
    const users: number[] = [];
    for (let i = 0; i < USERS; i += 1) {
      const userId = await newUser();
      await seeded.repos.userTrails.ensureEnrollment(userId, trailId);
      users.push(userId);
    }
    // A wide pool: many transactions really run side by side, as under the API's load.
    const wide = await connect(seeded.t.url, { max: 24 });
    try {
      const repos = createRepositories(wide.db);
      // Two users at a time, each with all twelve writes (and a progress read, which syncs
      // too) in flight at once: every write of a user runs beside the others.
      for (let i = 0; i < users.length; i += 2) {
        await Promise.all(
          users
            .slice(i, i + 2)
            .flatMap((userId) => [
              ...items.map((itemId) =>
                repos.userProgress.saveItemProgress({ userId, itemId, status: 'COMPLETED' }),
              ),
              repos.userTrails.getProgressForUser(userId, trailId),
            ]),
        );
      }
    } finally {
      await wide.close();
    }
    const rows = await enrolmentsOf(users, trailId);
    expect(rows).toEqual(
      users.map((userId) => ({
        user_id: userId,
        percent: 100,
        status: 'COMPLETED',
        has_completed_at: true,
        certificates: 1,
      })),
    );
  });
});
