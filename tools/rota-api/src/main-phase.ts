/** The ids a main-phase read needs: a trail, one of its sections and one of its items. */
export interface MainPhaseIds {
  trailId: number;
  sectionId: number;
  itemId: number;
}

/**
 * The GET paths a k6 main phase reads for an enrolled user (docs/rota-api.md §6): the endpoint
 * benchmark's mix, and what the bootstrap-flow test expects to answer below 400.
 */
export function mainPhaseReadPaths({ trailId, sectionId, itemId }: MainPhaseIds): string[] {
  return [
    '/trails/showcase',
    '/trails/',
    `/trails/${trailId}`,
    `/trails/${trailId}/sections`,
    `/trails/${trailId}/sections/${sectionId}/items`,
    `/trails/${trailId}/sections-with-items`,
    `/trails/${trailId}/included-items`,
    `/trails/${trailId}/requirements`,
    `/trails/${trailId}/audience`,
    `/trails/${trailId}/learn`,
    `/trails/${trailId}/items/${itemId}`,
    `/user-trails/${trailId}/progress`,
    `/user-trails/${trailId}/items-progress`,
    `/user-trails/${trailId}/sections-progress`,
    '/me',
  ];
}
