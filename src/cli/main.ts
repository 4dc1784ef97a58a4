// The CLI entry: dispatches to a command, prints a KcheckError as one line on stderr (exit 2), and never shows a
// stack trace for bad input. Returns the exit code; only bin/kcheck.ts calls process.exit.

import { isKcheckError } from '../errors.ts';
import { oneLine } from './one-line.ts';
import { checkCommand } from './check-command.ts';
import type { CliIo, Command } from './command.ts';
import { exploreCommand } from './explore-command.ts';
import { EXIT } from './exit-codes.ts';
import { listCommand } from './list-command.ts';
import { mergeCommand } from './merge-command.ts';
import type { Registry } from './registry.ts';
import { replayCommand } from './replay-command.ts';
import { suiteCommand } from './suite-command.ts';
import { withUserModels } from './user-models.ts';

export function commandsOf(registry: Registry): Command[] {
  return [listCommand(registry), checkCommand(registry), replayCommand(registry), suiteCommand(registry), mergeCommand(), exploreCommand(registry), ...registry.commands];
}

function help(commands: readonly Command[]): string {
  const lines = ['kcheck — a model checker for Apache Kafka\'s control plane', '', 'commands:'];
  for (const c of commands) lines.push(`  ${c.name.padEnd(12)} ${c.summary}`, `  ${''.padEnd(12)} ${c.usage}`);
  lines.push('', 'exit codes: 0 ok, 1 violation or vacuous (suite: expectation not met), 2 bad input, 3 model error, 4 incomplete (a budget or the time limit)', '');
  return lines.join('\n');
}

export async function main(argv: readonly string[], builtIn: Registry, io: CliIo): Promise<number> {
  const [name] = argv;
  if (name === undefined) {
    io.err(`kcheck: no command given; valid commands: ${commandsOf(builtIn).map((c) => c.name).join(', ')}; see kcheck --help [KC_USAGE]\n`);
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(help(commandsOf(builtIn)));
    return EXIT.ok;
  }
  try {
    // The user's models (kcheck.config.*, `check ./model.ts`, a trace's recorded module) join the built-in ones.
    const { registry, argv: args } = await withUserModels(argv, builtIn, io);
    const commands = commandsOf(registry);
    const rest = args.slice(1);
    const command = commands.find((c) => c.name === name);
    if (!command) {
      io.err(`kcheck: unknown command '${oneLine(name, 80)}'; valid commands: ${commands.map((c) => c.name).join(', ')} [KC_UNKNOWN_COMMAND]\n`);
      return EXIT.usage;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(command.help ? command.help(rest.filter((a) => a !== '--help' && a !== '-h')) : `${command.usage}\n`);
      return EXIT.ok;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (isKcheckError(error)) {
      io.err(`kcheck ${name}: ${oneLine(error.message, 2000)} [${error.code}]\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`kcheck ${name}: internal error: ${oneLine(message.split('\n')[0], 2000)}\n`);
    return EXIT.error;
  }
}
