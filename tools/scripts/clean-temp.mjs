// `pnpm clean:temp`: removes what rota-db keeps in its temp root (/dev/shm, else the OS temp
// folder) that no running server uses: the cached cluster templates and leftover clusters.
import { removeTemporaryClusters, tempRoot } from '../../packages/rota-db/dist/index.js';

const root = await tempRoot();
const removed = await removeTemporaryClusters(root);
console.log(
  removed.length === 0
    ? `clean:temp: nothing of rota-db to remove in ${root}`
    : `clean:temp: removed ${removed.length} folder(s) from ${root}: ${removed.join(', ')}`,
);
