import postgres from 'postgres';

/** Ids of the test content (see `seedTestContent`). */
export interface TestContent {
  alpha: number;
  beta: number;
  sections: [number, number];
  doc: number;
  form: number;
  video: number;
  lockedDoc: number;
  formId: number;
  questions: { single: number; trueFalse: number; essay: number };
  options: { right: number; wrong: number; tfTrue: number };
  videoDuration: number;
}

/**
 * Inserts two trails. "Alpha" (first by name) has section 1 = [DOC pdf, FORM, VIDEO 100 s that
 * requires completion] and section 2 = [DOC png, locked behind the video]. "Beta" is newer.
 */
export async function seedTestContent(url: string): Promise<TestContent> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, types: { bigint: postgres.BigInt } });
  const id = async (query: Promise<Array<Record<string, unknown>>>) => Number((await query)[0]?.id);
  const type = (code: string) => sql`(SELECT id FROM lk_item_type WHERE code = ${code})`;
  const qtype = (code: string) => sql`(SELECT id FROM lk_question_type WHERE code = ${code})`;
  try {
    const alpha =
      await id(sql`INSERT INTO trails (name, thumbnail_url, author, review, review_count, created_date, description)
      VALUES ('Alpha trail', 'https://img/a.png', 'Ana', 4.5, 2, '2024-01-01', 'First') RETURNING id`);
    const beta = await id(sql`INSERT INTO trails (name, thumbnail_url, created_date)
      VALUES ('Beta trail', 'https://img/b.png', '2025-01-01') RETURNING id`);
    const s1 = await id(
      sql`INSERT INTO trail_sections (trail_id, title, order_index) VALUES (${alpha}, 'Start', 0) RETURNING id`,
    );
    const s2 = await id(
      sql`INSERT INTO trail_sections (trail_id, title, order_index) VALUES (${alpha}, 'Next', 1) RETURNING id`,
    );
    const item = (
      section: number,
      order: number,
      code: string,
      url: string,
      title: string,
      duration: number | null,
      req: boolean,
    ) =>
      id(sql`INSERT INTO trail_items (trail_id, section_id, order_index, type, item_type_id, url, title, duration_seconds, requires_completion)
        VALUES (${alpha}, ${section}, ${order}, ${code}, ${type(code)}, ${url}, ${title}, ${duration}, ${req}) RETURNING id`);
    const videoDuration = 100;
    const doc = await item(
      s1,
      0,
      'DOC',
      ' https://example.org/docs/intro.pdf ',
      'Intro',
      null,
      false,
    );
    const form = await item(s1, 1, 'FORM', 'form://quiz-1', 'Quiz', null, false);
    const video = await item(
      s1,
      2,
      'VIDEO',
      'https://www.youtube.com/watch?v=abcDEF_123',
      'Video',
      videoDuration,
      true,
    );
    const lockedDoc = await item(
      s2,
      0,
      'DOC',
      'https://example.org/img/diagram.png',
      null as unknown as string,
      null,
      false,
    );
    const betaSection = await id(
      sql`INSERT INTO trail_sections (trail_id, title, order_index) VALUES (${beta}, 'Only', 0) RETURNING id`,
    );
    await sql`INSERT INTO trail_items (trail_id, section_id, order_index, type, item_type_id, url, title)
      VALUES (${beta}, ${betaSection}, 0, 'DOC', ${type('DOC')}, 'https://example.org/beta', 'Beta doc')`;
    const formId =
      await id(sql`INSERT INTO forms (trail_item_id, title, description, min_score_to_pass)
      VALUES (${form}, 'Quiz', 'Answer <b>all</b>', 60) RETURNING id`);
    const question = (
      order: number,
      code: string,
      required: boolean,
      points: number,
      prompt: string,
    ) =>
      id(sql`INSERT INTO form_question (form_id, prompt, question_type_id, required, order_index, points)
        VALUES (${formId}, ${prompt}, ${qtype(code)}, ${required}, ${order}, ${points}) RETURNING id`);
    const single = await question(0, 'SINGLE_CHOICE', true, 2, 'Pick one');
    const trueFalse = await question(1, 'TRUE_OR_FALSE', false, 1, 'True?');
    const essay = await question(2, 'ESSAY', false, 1, 'Explain');
    const option = (q: number, order: number, text: string, correct: boolean) =>
      id(sql`INSERT INTO form_question_options (question_id, option_text, is_correct, order_index)
        VALUES (${q}, ${text}, ${correct}, ${order}) RETURNING id`);
    const wrong = await option(single, 1, 'Wrong', false);
    const right = await option(single, 0, 'Right', true);
    const tfTrue = await option(trueFalse, 0, 'True', true);
    for (const [table, rows] of [
      ['trail_included_items', ['second', 'first']],
      ['trail_requirements', ['req b', 'req a']],
      ['trail_target_audience', ['devs', 'ops']],
    ] as const) {
      await sql`INSERT INTO ${sql(table)} (trail_id, text_val, ord) VALUES (${alpha}, ${rows[0]}, 2), (${alpha}, ${rows[1]}, 1)`;
    }
    return {
      alpha,
      beta,
      sections: [s1, s2],
      doc,
      form,
      video,
      lockedDoc,
      formId,
      questions: { single, trueFalse, essay },
      options: { right, wrong, tfTrue },
      videoDuration,
    };
  } finally {
    await sql.end();
  }
}
