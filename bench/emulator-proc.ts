/**
 * The emulator in its own process (so its CPU is not the runner's): starts an
 * in-memory emulator on a free port, prints one JSON line {url, accounts},
 * and runs until SIGTERM. The benchmark talks to it over HTTP only.
 */
import { startEmulator } from "../src/emulator/index.ts";

const emu = await startEmulator({ port: 0 });
process.stdout.write(`${JSON.stringify({ url: emu.url, accounts: emu.accounts })}\n`);
const stop = () => void emu.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
