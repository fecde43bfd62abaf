import { createHash } from 'node:crypto';

/** A check's pass/fail tally inside a group. */
export interface CheckNode {
  name: string;
  path: string;
  id: string;
  passes: number;
  fails: number;
}

/** A group of the run (the root group has the empty name and path). */
export interface GroupNode {
  name: string;
  path: string;
  id: string;
  groups: GroupNode[];
  checks: CheckNode[];
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

function makeGroup(name: string, path: string): GroupNode {
  return { name, path, id: md5(path), groups: [], checks: [] };
}

/** The group/check tree in creation order; ids are md5 of the path as in k6. */
export class GroupTree {
  readonly root = makeGroup('', '');
  private readonly byPath = new Map<string, GroupNode>([['', this.root]]);
  private readonly checks = new Map<string, CheckNode>();

  /** Returns (creating) the child group `name` of the group at `parentPath`. */
  group(parentPath: string, name: string): GroupNode {
    const path = `${parentPath}::${name}`;
    let node = this.byPath.get(path);
    if (!node) {
      node = makeGroup(name, path);
      this.byPath.set(path, node);
      this.groupAt(parentPath).groups.push(node);
    }
    return node;
  }

  /** The group at a path (created on the way for `::setup` style paths). */
  groupAt(path: string): GroupNode {
    const node = this.byPath.get(path);
    if (node) return node;
    const idx = path.lastIndexOf('::');
    return this.group(path.slice(0, idx), path.slice(idx + 2));
  }

  /** Records one check result. */
  check(groupPath: string, name: string, ok: boolean): void {
    const node = this.checkNode(groupPath, name);
    if (ok) node.passes++;
    else node.fails++;
  }

  private checkNode(groupPath: string, name: string): CheckNode {
    const path = `${groupPath}::${name}`;
    let node = this.checks.get(path);
    if (!node) {
      node = { name, path, id: md5(path), passes: 0, fails: 0 };
      this.checks.set(path, node);
      this.groupAt(groupPath).checks.push(node);
    }
    return node;
  }

  /** Replaces the tree's counts with a copy of `root` (a tree taken from another thread). */
  restore(root: GroupNode): void {
    const visit = (from: GroupNode, into: GroupNode) => {
      for (const c of from.checks) {
        const node = this.checkNode(into.path, c.name);
        node.passes = c.passes;
        node.fails = c.fails;
      }
      for (const g of from.groups) visit(g, this.group(into.path, g.name));
    };
    visit(root, this.root);
  }
}
