import type { ItemRow } from '@rota-perf/rota-db';

const YOUTUBE_ID = /(?:v=|\/embed\/|\/shorts\/|youtu\.be\/)([A-Za-z0-9_-]{6,})/;
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.bmp', '.webp', '.svg']);

/** `ItemOut` JSON (docs/rota-api.md §2.2). */
export function toItemOut(item: ItemRow) {
  return {
    id: item.id,
    title: item.title ?? '',
    duration_seconds: item.durationSeconds,
    order_index: item.orderIndex,
    type: item.type,
    requires_completion: item.requiresCompletion,
  };
}

/** The first YouTube video id in a URL, or "" (VIDEO items only). */
export function extractYoutubeId(url: string): string {
  return YOUTUBE_ID.exec(url)?.[1] ?? '';
}

/** `PDF`, `IMAGE` or `OTHER` by the URL path's extension (DOC items only). */
export function resourceKindOf(url: string): 'PDF' | 'IMAGE' | 'OTHER' {
  // Only the path counts: drop scheme/host, query and fragment before reading the extension.
  const path = (url.split(/[?#]/)[0] ?? '')
    .replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '')
    .toLowerCase();
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot >= 0 ? name.slice(dot) : '';
  if (extension === '.pdf') return 'PDF';
  return IMAGE_EXTENSIONS.has(extension) ? 'IMAGE' : 'OTHER';
}
