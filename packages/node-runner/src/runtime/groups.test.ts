import { describe, expect, it } from 'vitest';
import { GroupTree } from './groups.js';

describe('GroupTree.restore', () => {
  it('copies groups, checks and their counts from a tree taken in another thread', () => {
    const tree = new GroupTree();
    tree.group('', 'setup');
    const g = tree.group('', 'login');
    tree.check(g.path, 'status 200', true);
    tree.check(g.path, 'status 200', false);
    tree.check('', 'top', true);
    const copy = new GroupTree();
    copy.restore(structuredClone(tree.root));
    expect(copy.root).toEqual(tree.root);
    copy.check(g.path, 'status 200', true);
    expect(copy.root.groups[1]?.checks[0]).toMatchObject({ passes: 2, fails: 1 });
  });
});
