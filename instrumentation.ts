export async function register() {
  // Migrations and the embedded database's lock belong to the Node.js server process only.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('./db/startup');
  await startServer();
}
