import { describe, expect, it } from 'vitest';
import { tagStatement } from '../route-tag.js';
import { eventOf, WaitTally } from './tally.js';

const UPSERT = tagStatement('insert into user_item_progress values ($1)', 'PUT /progress');
const row = (
  query_id: string | null,
  query: string,
  type: string | null,
  event: string | null,
) => ({
  query_id,
  query,
  wait_event_type: type,
  wait_event: event,
});

describe('WaitTally', () => {
  it('counts backends per statement and event, statements by samples, events by count', () => {
    const tally = new WaitTally();
    tally.add([row('7', UPSERT, 'Lock', 'transactionid'), row('7', UPSERT, null, null)]);
    tally.add([
      row('7', UPSERT, 'Lock', 'transactionid'),
      row('8', 'select 1', 'IO', 'DataFileRead'),
    ]);
    tally.add([]);
    const summary = tally.summary(500, false);
    expect(summary).toMatchObject({
      interval_ms: 500,
      rounds: 3,
      backend_samples: 4,
      truncated: false,
    });
    expect(summary.events).toEqual([
      { event: 'Lock:transactionid', samples: 2 },
      { event: 'CPU', samples: 1 },
      { event: 'IO:DataFileRead', samples: 1 },
    ]);
    expect(summary.statements[0]).toEqual({
      query_id: '7',
      query: 'insert into user_item_progress values ($1)',
      route: 'PUT /progress',
      samples: 3,
      waiting: 2,
      events: [
        { event: 'Lock:transactionid', samples: 2 },
        { event: 'CPU', samples: 1 },
      ],
    });
  });

  it('groups by text when the server gives no query id, and caps the statements it keeps apart', () => {
    const tally = new WaitTally();
    for (let i = 0; i < 600; i++)
      tally.add([row(i % 2 === 0 ? null : '0', `select ${i}`, null, null)]);
    const { statements } = tally.summary(10, false);
    expect(statements).toHaveLength(500);
    expect(statements.find((s) => s.query === '(other statements)')?.samples).toBe(101);
    expect(statements.find((s) => s.query === 'select 3')?.query_id).toBeNull();
  });

  it('names events as type:event, and CPU when the backend waits on nothing', () => {
    expect(eventOf({ wait_event_type: 'LWLock', wait_event: 'WALWrite' })).toBe('LWLock:WALWrite');
    expect(eventOf({ wait_event_type: null, wait_event: null })).toBe('CPU');
  });
});
