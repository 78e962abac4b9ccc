import { EXIT, type CliIo } from './cli-types';
import { runCli } from './run-cli';

const io: CliIo = { out: (line) => console.log(line), err: (line) => console.error(line) };

runCli(process.argv.slice(2), io).then(
  (code) => {
    if (code >= 0) process.exitCode = code; // -1: the server keeps running
  },
  (err: Error) => {
    io.err(`tessera: ${err.message}`);
    process.exitCode = EXIT.error;
  },
);
