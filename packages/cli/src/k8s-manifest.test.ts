// The example k6-operator TestRun must stay a structurally valid TestRun that points at a
// bundle this repository builds and gives the runners a BASE_URL.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgv, SCRIPT_NAMES } from '@rota-perf/core';
import { describe, expect, it } from 'vitest';
import { parseYamlSubset } from './test-support/yaml-subset.js';

const K8S = fileURLToPath(new URL('../../../performance/k8s/', import.meta.url));

interface TestRun {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: {
    parallelism: number;
    script: { configMap: { name: string; file: string } };
    arguments?: string;
    runner?: {
      env?: EnvVar[];
      volumes?: { name: string; persistentVolumeClaim?: { claimName: string } }[];
      volumeMounts?: { name: string; mountPath: string }[];
    };
  };
}

/** A container env entry: a value, or one taken from the pod (valueFrom). */
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { fieldRef?: { fieldPath: string } };
}

// What the Kubernetes API and k6-operator require of a TestRun, checked field by field.
function problemsOf(doc: unknown): string[] {
  const problems: string[] = [];
  const run = doc as Partial<TestRun>;
  if (run.apiVersion !== 'k6.io/v1alpha1') problems.push(`apiVersion ${run.apiVersion}`);
  if (run.kind !== 'TestRun') problems.push(`kind ${run.kind}`);
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(run.metadata?.name ?? ''))
    problems.push('metadata.name');
  const spec = run.spec;
  if (!spec) return [...problems, 'no spec'];
  if (!Number.isInteger(spec.parallelism) || spec.parallelism < 1)
    problems.push('spec.parallelism');
  const file = spec.script?.configMap?.file ?? '';
  if (
    !(SCRIPT_NAMES as readonly string[]).includes(file.replace(/\.test\.js$/, '')) ||
    !file.endsWith('.test.js')
  ) {
    problems.push(`spec.script.configMap.file ${file}`);
  }
  if (!spec.script?.configMap?.name) problems.push('spec.script.configMap.name');
  const env = spec.runner?.env ?? [];
  if (
    !Array.isArray(env) ||
    env.some(
      (e) =>
        typeof e.name !== 'string' ||
        (typeof e.value !== 'string') === (typeof e.valueFrom?.fieldRef?.fieldPath !== 'string'),
    )
  ) {
    problems.push('spec.runner.env entries need a string name and a value or a valueFrom.fieldRef');
  }
  const baseUrl = env.find((e) => e.name === 'BASE_URL')?.value ?? '';
  if (!/^https?:\/\/\S+$/.test(baseUrl)) problems.push(`BASE_URL ${baseUrl}`);
  return problems;
}

describe('performance/k8s/testrun.yaml', () => {
  const text = readFileSync(`${K8S}testrun.yaml`, 'utf8');

  it('is a k6-operator TestRun running a built bundle with BASE_URL set', () => {
    const doc = parseYamlSubset(text) as unknown as TestRun;
    expect(problemsOf(doc)).toEqual([]);
    expect(doc.spec.script.configMap).toEqual({
      name: 'rota-perf-performance',
      file: 'performance.test.js',
    });
    // Every variable is a documented script variable value: strings, as Kubernetes requires.
    for (const e of doc.spec.runner?.env ?? []) expect(e.name).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it('documents the ConfigMap step with the same name and file', () => {
    expect(text).toContain(
      'kubectl create configmap rota-perf-performance \\\n#     --from-file=performance.test.js=performance/k6/performance.test.js',
    );
  });

  it('the structure check rejects broken manifests (so the test above can fail)', () => {
    const broken = [
      text.replace('k6.io/v1alpha1', 'k6.io/v1'),
      text.replace('kind: TestRun', 'kind: K6'),
      text.replace('parallelism: 4', 'parallelism: 0'),
      text.replace('file: performance.test.js', 'file: perf.test.js'),
      text.replace('- name: BASE_URL', '- name: BASE'),
    ];
    for (const variant of broken) expect(problemsOf(parseYamlSubset(variant))).not.toEqual([]);
  });
});

interface Volume {
  name: string;
  persistentVolumeClaim?: { claimName: string };
}
interface MergeJob {
  kind: string;
  spec: {
    template: {
      spec: {
        containers: { command: string[]; volumeMounts: { name: string; mountPath: string }[] }[];
        volumes: Volume[];
      };
    };
  };
}

/** The mount path of the claim `claim` in a pod with these volumes and mounts, else null. */
function claimMount(
  claim: string,
  volumes: readonly Volume[] = [],
  mounts: readonly { name: string; mountPath: string }[] = [],
): string | null {
  const volume = volumes.find((v) => v.persistentVolumeClaim?.claimName === claim);
  return mounts.find((m) => m.name === volume?.name)?.mountPath ?? null;
}

describe('the pods write k6 --out json to a shared volume, and a Job merges them', () => {
  const read = (file: string) => parseYamlSubset(readFileSync(`${K8S}${file}`, 'utf8'));
  const run = read('testrun.yaml') as unknown as TestRun;
  const pvc = read('results-pvc.yaml') as unknown as {
    kind: string;
    metadata: { name: string };
    spec: { accessModes: string[] };
  };
  const job = read('merge-job.yaml') as unknown as MergeJob;
  const claim = pvc.metadata.name;

  it('the claim can be mounted by pods on several nodes', () => {
    expect(pvc.kind).toBe('PersistentVolumeClaim');
    expect(pvc.spec.accessModes).toEqual(['ReadWriteMany']);
  });

  it('each runner pod writes its own NDJSON file on the claim (named by the pod)', () => {
    const mount = claimMount(claim, run.spec.runner?.volumes, run.spec.runner?.volumeMounts);
    expect(mount).toBe('/results');
    const out = /--out json=(\S+)/.exec(run.spec.arguments ?? '')?.[1] ?? '';
    expect(out.startsWith(`${mount}/`)).toBe(true);
    // $(POD_NAME) is expanded by Kubernetes from the env entry taken from the pod's name.
    expect(out).toContain('$(POD_NAME)');
    const podName = run.spec.runner?.env?.find((e) => e.name === 'POD_NAME');
    expect(podName?.valueFrom?.fieldRef?.fieldPath).toBe('metadata.name');
  });

  it("the Job's rota-perf merge reads the pods' folder with the settings they ran", async () => {
    expect(job.kind).toBe('Job');
    const pod = job.spec.template.spec;
    const container = pod.containers[0];
    expect(claimMount(claim, pod.volumes, container?.volumeMounts)).toBe('/results');
    const argv = container?.command.slice(2) ?? [];
    expect(argv[0]).toBe('merge');
    const { mergeCommand } = await import('./commands/merge.js');
    const args = parseArgv(mergeCommand, argv.slice(1), 'rota-perf merge');
    const podsDir = /--out json=(\S+)\/[^/]+$/.exec(run.spec.arguments ?? '')?.[1];
    expect(args.positionals).toEqual([podsDir]);
    expect(args.values.script).toBe('performance');
    const given = Object.fromEntries(
      (args.values.env as string[]).map((kv) => kv.split('=', 2) as [string, string]),
    );
    for (const [name, value] of Object.entries(given)) {
      const runner = run.spec.runner?.env?.find((e) => e.name === name);
      expect(runner?.value, name).toBe(value);
    }
    expect(given.BASE_URL).toBeDefined();
  });
});

describe('parseYamlSubset', () => {
  it('reads mappings, sequences of mappings, scalars and comments', () => {
    const doc = parseYamlSubset(
      'a: 1 # one\nb:\n  c: "x y"\n  d:\n    - name: N\n      value: "2"\n    - plain\ne: true\n',
    );
    expect(doc).toEqual({
      a: 1,
      b: { c: 'x y', d: [{ name: 'N', value: '2' }, 'plain'] },
      e: true,
    });
    expect(() => parseYamlSubset('a: [1, 2]')).toThrow(/unsupported/);
  });
});
