/**
 * Errors the build reports to a person: a plain message and an exit code, never a stack
 * trace. Anything else that escapes is a bug in this project and is reported as such.
 */
export class BuildError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'BuildError';
  }
}

/** Exit codes of `npm run build`. */
export const EXIT = {
  ok: 0,
  /** Check errors, a failed exporter, or bad input. */
  failed: 1,
  /** A wrong command line. */
  usage: 2,
  /** Interrupted: 128 + the signal number, as shells do. */
  SIGINT: 130,
  SIGTERM: 143,
} as const;

/** The one line to print for an error thrown anywhere in the build. */
export function describeError(error: unknown): string {
  if (error instanceof BuildError) return error.message;
  if (error instanceof Error) return `${error.message} (this is a bug in the build; please report it with the command you ran)`;
  return String(error);
}
