import { describe, expect, it } from 'vitest';
import type { CommandDef, CommandGroup } from '../command/types.js';
import { CommandError, ConfigError, InterruptedError } from '../errors.js';
import { runCaptured } from './command-line.js';

const echo: CommandDef = {
  name: 'echo',
  summary: 'prints its argument',
  description: 'Prints <word>.',
  options: { loud: { type: 'boolean', description: 'upper case' } },
  positionals: [{ name: '<word>', required: true }],
  async run(args, io) {
    const word = args.positionals[0] as string;
    if (word === 'usage') throw new ConfigError('--x', '--x must be y, got "z"');
    if (word === 'fail') throw new CommandError('folder /x does not exist');
    if (word === 'bug') throw new Error('undefined is not a function\n    at somewhere');
    if (word === 'stop') throw new InterruptedError('interrupted');
    io.out(args.values.loud ? word.toUpperCase() : word);
    return 0;
  },
};

const group: CommandGroup = {
  name: 'tool',
  description: 'A tool.',
  commands: { echo: { summary: echo.summary, load: async () => echo } },
};

const run = (argv: string[], target: CommandDef | CommandGroup = group, program?: string) =>
  runCaptured(target, argv, program === undefined ? {} : { program });

describe('runCommandLine', () => {
  it('runs a command of a table and prints the table help', async () => {
    expect(await run(['echo', '--loud', 'hi'])).toEqual({ code: 0, out: ['HI'], err: [] });
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out[0]).toContain('Usage: tool <command> [options]');
    expect(help.out[0]).toContain('echo  prints its argument');
  });

  it('maps each error class to its exit code with one line, no stack', async () => {
    expect(await run(['ech'])).toEqual({
      code: 2,
      out: [],
      err: ['tool: unknown command "ech": expected echo (see tool --help)'],
    });
    expect(await run(['echo'])).toMatchObject({
      code: 2,
      err: ['tool echo: missing <word> (see tool echo --help)'],
    });
    expect(await run(['echo', 'usage'])).toMatchObject({
      code: 2,
      err: ['tool echo: --x must be y, got "z"'],
    });
    expect(await run(['echo', 'fail'])).toMatchObject({
      code: 1,
      err: ['tool echo: folder /x does not exist'],
    });
    expect(await run(['echo', 'bug'])).toMatchObject({
      code: 1,
      err: ['tool echo: undefined is not a function'],
    });
    expect(await run(['echo', 'stop'])).toMatchObject({ code: 105 });
  });

  it('prints a command help from its table', async () => {
    const help = await run(['echo', '--help']);
    expect(help.code).toBe(0);
    expect(help.out[0]?.split('\n')[0]).toBe('Usage: tool echo <word> [options]');
    expect(help.out[0]).toMatch(/--loud\s+upper case/);
  });

  it('runs a single command, or a subcommand of a program (k6-node run)', async () => {
    expect(await run(['hi'], echo)).toMatchObject({ code: 0, out: ['hi'] });
    expect(await run(['echo', 'hi'], echo, 'prog')).toMatchObject({ code: 0, out: ['hi'] });
    expect(await run(['bench', 'hi'], echo, 'prog')).toMatchObject({
      code: 2,
      err: ['prog: unknown command "bench": expected echo (see prog --help)'],
    });
  });

  it('an error after an interrupt counts as the interrupt (105)', async () => {
    const controller = new AbortController();
    const failing: CommandDef = {
      ...echo,
      positionals: [],
      async run() {
        controller.abort();
        throw new Error('socket closed');
      },
    };
    expect((await runCaptured(failing, [], { signal: controller.signal })).code).toBe(105);
  });

  it("--version prints the program and its version: first, or among a command's options", async () => {
    const opts = { version: '1.2.3' };
    expect(await runCaptured(group, ['--version'], opts)).toEqual({
      code: 0,
      out: ['tool 1.2.3'],
      err: [],
    });
    expect(await runCaptured(group, ['echo', '--version'], opts)).toMatchObject({
      code: 0,
      out: ['tool 1.2.3'],
    });
    expect(await runCaptured(echo, ['--version'], opts)).toMatchObject({ out: ['echo 1.2.3'] });
    expect(await runCaptured(echo, ['--version'], { ...opts, program: 'prog' })).toMatchObject({
      out: ['prog 1.2.3'],
    });
    const help = await run(['echo', '--help']);
    expect(help.out[0]).toMatch(/--version\s+print the version and exit/);
  });
});
