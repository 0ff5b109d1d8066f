// Next calls register() once per server process: boot the database and the inline worker there.
// NEXT_RUNTIME is Next's own marker (not configuration); the import stays dynamic so the edge
// bundle never sees Node-only modules.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { boot } = await import("./lib/boot");
  await boot({ worker: true });
}
