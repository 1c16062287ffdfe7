/** The constraint a unique violation broke, on either driver (drizzle wraps driver errors). */
export function uniqueViolation(error: unknown): string | undefined {
  for (let e = error as Record<string, unknown> | undefined; e; e = e.cause as Record<string, unknown> | undefined) {
    if (e.code === '23505') return String(e.constraint_name ?? e.constraint ?? '');
  }
  return undefined;
}
