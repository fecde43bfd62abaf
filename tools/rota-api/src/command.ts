import { bootRotaApi } from './boot.js';
import { parseCliArgs, USAGE, UsageError } from './cli-args.js';
import { ConfigError } from './config.js';

/** The `rota-api` command: boots, prints the URL, stops cleanly on Ctrl-C. Returns the exit code. */
export async function runCommand(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`rota-api: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let api: Awaited<ReturnType<typeof bootRotaApi>>;
  try {
    api = await bootRotaApi(parsed.options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`rota-api: ${message.split('\n')[0]}\n`);
    return error instanceof ConfigError ? 2 : 1;
  }
  process.stdout.write(`Rota API listening on ${api.url}\n`);
  await new Promise<void>((resolve) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  process.stdout.write('Stopping Rota API...\n');
  await api.shutdown().catch((error: unknown) => {
    process.stderr.write(
      `rota-api: shutdown: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  });
  return 0;
}
