import Link from "next/link";

// The dashboard's own 404: unknown paths and missing records (a deleted hook's UUID) land here, in the shell.
export function NotFoundView() {
  return (
    <div className="mx-auto max-w-md py-16 text-center" data-testid="not-found">
      <p className="text-sm font-medium text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Nothing lives at this address. It may have been deleted, or the link may be mistyped.
      </p>
      <Link
        href="/overview"
        className="mt-6 inline-block rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700"
      >
        Go to the overview
      </Link>
    </div>
  );
}
